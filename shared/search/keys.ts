// Item keys of the search index in the desk table: one token item per (kind, token, record), written only by the
// search indexer from the table's stream (ADR 0021).
import type { SearchKind } from "./schemas.ts";

export const SEARCH_PREFIX = "SEARCH#";
export const SEARCH_ENTITY = "search-token";

/** Tokens are spread over partitions by their first two characters, so a lookup is one Query on one partition. */
export const searchPartition = (term: string) => `${SEARCH_PREFIX}${Array.from(term).slice(0, 2).join("")}`;

/** Kind first, so each kind is its own range: a search reads `limit` hits of each kind and no more. */
export const searchTokenKey = (kind: SearchKind, token: string, id: string) => ({
  pk: searchPartition(token),
  sk: `${kind}#${token}#${id}`,
});

export const searchRangePrefix = (kind: SearchKind, term: string) => `${kind}#${term}`;
