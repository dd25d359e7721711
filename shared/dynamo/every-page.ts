// Every page of a paged listing, followed to its end: for a use case that must see a whole, bounded list (a wave's
// owners, a snapshot's States, a provider's offers), never for a request's own unbounded list.
import type { Page, PageRequest } from "./pagination.ts";

export async function everyPage<T>(list: (page: PageRequest) => Promise<Page<T>>, limit = 100): Promise<T[]> {
  const all: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit, cursor });
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
}
