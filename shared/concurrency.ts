// Bounded concurrency for work on a store: a few requests in flight keep DynamoDB busy without flooding it.

/**
 * Runs `task` over `items` with at most `limit` at a time, each item once, starting them in order. After a task fails
 * no other starts (those under way end), and the first failure is thrown, as a loop one at a time would stop.
 */
export async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const item = items[next++] as T;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Each key's value read once, on first ask; the reads in flight are shared. */
export function onceEach<T>(read: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const values = new Map<string, Promise<T>>();
  return (key) => {
    let value = values.get(key);
    if (!value) {
      value = read(key);
      values.set(key, value);
    }
    return value;
  };
}
