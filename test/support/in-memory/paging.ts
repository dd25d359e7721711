// Pages over an in-memory listing with the cursors the DynamoDB adapters give: opaque, bound to the listing's scope
// (a cursor from another listing is refused as malformed), resuming after the last key answered.
import { decodeCursor, encodeCursor, type Page, type PageRequest } from "#shared/dynamo/pagination.ts";

/**
 * One page of `items`, which come sorted by `keyOf` (the order the index would answer). Unlike DynamoDB, a full last
 * page carries no cursor; callers walk until there is none, and both stores agree on that.
 */
export function pageOf<T>(items: readonly T[], keyOf: (item: T) => string, page: PageRequest & { scope: string }) {
  const after = page.cursor ? String(decodeCursor(page.cursor, page.scope).k) : undefined;
  const rest = after === undefined ? items : items.filter((item) => keyOf(item) > after);
  const chosen = rest.slice(0, page.limit);
  const last = chosen.at(-1);
  const result: Page<T> = { items: chosen.map((item) => structuredClone(item)) };
  if (last !== undefined && rest.length > chosen.length) result.cursor = encodeCursor({ k: keyOf(last) }, page.scope);
  return result;
}

/** `items` sorted by a string key, as an index answers them. */
export const sortedBy = <T>(items: Iterable<T>, keyOf: (item: T) => string): T[] =>
  [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
