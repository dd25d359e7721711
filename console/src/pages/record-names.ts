// The names of records an entry gives by id alone: a letter's wave (by its description), an assistance request moved
// or matched (by its symbol: those entries keep only the requesting State). Each is read once and kept for the
// session, for neither changes once written (a wave is never edited, a request's symbol never corrected). Pure: the
// readers are given (record-names-api.ts gives the API's); tested in Node (test/unit/console-timeline-words.test.ts).
export type NamedKind = "wave" | "assistance-request";

export interface RecordRef {
  kind: NamedKind;
  id: string;
}

/** A record's name as read; undefined while unread, unreadable, or when it has none (a wave without description). */
export type RecordName = (kind: NamedKind, id: string) => string | undefined;

export const NO_RECORD_NAMES: RecordName = () => undefined;

export type RecordReaders = Readonly<Record<NamedKind, (id: string) => Promise<string | undefined>>>;

export interface RecordNames {
  name: RecordName;
  /**
   * Reads the names of the records not read yet (each once, however many ask at the same time); resolves when all
   * are in. A record that cannot be read (gone, refused, offline) stays unnamed, and is read again when next asked.
   */
  learn(records: Iterable<RecordRef>): Promise<void>;
}

export function recordNames(readers: RecordReaders): RecordNames {
  const known = new Map<string, string | undefined>();
  const reading = new Map<string, Promise<void>>();
  const start = (kind: NamedKind, id: string, key: string): Promise<void> => {
    const pending = readers[kind](id)
      .then(
        (name) => {
          known.set(key, name);
        },
        // Unnamed, the record shows by its id: a name is a help to the reader, never a reason to fail the page.
        () => undefined,
      )
      .finally(() => reading.delete(key));
    reading.set(key, pending);
    return pending;
  };
  const read = ({ kind, id }: RecordRef): Promise<void> => {
    const key = `${kind}:${id}`;
    if (known.has(key)) return Promise.resolve();
    return reading.get(key) ?? start(kind, id, key);
  };
  return {
    name: (kind, id) => known.get(`${kind}:${id}`),
    learn: async (records) => {
      await Promise.all([...records].map(read));
    },
  };
}

/** A page of a list the API pages, as ui/paged.tsx reads it. */
interface Page<Item> {
  items: Item[];
  cursor?: string;
}

/** A reader of pages that reads the names of the records its items name by id alone, so a page shows them named. */
export function withRecordNames<Item>(
  names: Pick<RecordNames, "learn">,
  load: (cursor?: string) => Promise<Page<Item>>,
  recordsOf: (item: NoInfer<Item>) => RecordRef[],
): (cursor?: string) => Promise<Page<Item>> {
  return async (cursor) => {
    const page = await load(cursor);
    await names.learn(page.items.flatMap(recordsOf));
    return page;
  };
}
