// The search use case: each kind's range of the lookup word's partition read with begins_with, hits folded to one per
// record and checked against every word of the query (ADR 0021). Queries only: never a Scan.
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { Actor } from "../auth/actor.ts";
import { searchRefusal } from "../auth/group-refusals.ts";
import { Forbidden } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import { searchPartition, searchRangePrefix } from "./keys.ts";
import { charLength, matchesAll, wordsOf } from "./normalize.ts";
import {
  DEFAULT_SEARCH_LIMIT,
  SEARCH_KINDS,
  SECRETARIAT_KINDS,
  type SearchHit,
  type SearchKind,
  type SearchResult,
  searchHitSchema,
} from "./schemas.ts";

export interface SearchDependencies {
  doc: DynamoDBDocumentClient;
  tableNames: TableNames;
}

export interface SearchRequest {
  q: string;
  kinds?: SearchKind[] | undefined;
  limit?: number | undefined;
}

/** A record has a token or two under most prefixes: a first page of twice the group is usually the only one. */
const pageItems = (limit: number) => Math.min(100, limit * 2 + 1);
/** A bound on the items read for one kind, so a two-letter query over ten times the data stays one or two pages. */
const MAX_ITEMS_PER_KIND = 400;

/** What a hit shows: every attribute of a token item but its keys and its word list. */
const HIT_ATTRIBUTES = ["id", "label", "detail", "active", "path"] as const;

const maySee = (actor: Actor | undefined, kind: SearchKind) =>
  !SECRETARIAT_KINDS.includes(kind) ||
  actor?.kind === "system" ||
  (actor?.kind === "user" && actor.groups.includes("secretariat"));

/** The kinds to search: those asked for, or every kind the caller may read; asking for a hidden kind is 403. */
function kindsFor(actor: Actor | undefined, asked: readonly SearchKind[] | undefined): SearchKind[] {
  if (!asked) return SEARCH_KINDS.filter((kind) => maySee(actor, kind));
  const hidden = asked.filter((kind) => !maySee(actor, kind));
  if (hidden.length) throw new Forbidden(searchRefusal(hidden));
  return [...asked];
}

/**
 * The query's words; a leading "the" is dropped when a word of two characters or more follows ("the Gambia"): States'
 * short names are indexed without the article a sentence gives them, and dropping a word only widens what the other
 * words find.
 */
function queryWords(q: string): string[] {
  const words = wordsOf(q);
  const [first, ...rest] = words;
  return first === "the" && rest.some((word) => charLength(word) >= 2) ? rest : words;
}

/** The longest word is looked up (the narrowest range); the others filter the hits. */
function lookupWord(words: readonly string[]): string {
  return words.reduce((longest, word) => (charLength(word) > charLength(longest) ? word : longest), "");
}

async function searchKind(
  deps: SearchDependencies,
  kind: SearchKind,
  words: readonly string[],
  limit: number,
): Promise<{ items: SearchHit[]; more: boolean }> {
  const term = lookupWord(words);
  // A one-word query is settled by the key condition: the hits' word lists (the largest attribute) stay behind.
  const projection =
    words.length > 1
      ? {}
      : {
          ProjectionExpression: HIT_ATTRIBUTES.map((_, index) => `#h${index}`).join(", "),
          ExpressionAttributeNames: Object.fromEntries(HIT_ATTRIBUTES.map((name, index) => [`#h${index}`, name])),
        };
  const hits = new Map<string, SearchHit>();
  let read = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await deps.doc.send(
      new QueryCommand({
        TableName: deps.tableNames.desk,
        KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
        ExpressionAttributeValues: { ":pk": searchPartition(term), ":prefix": searchRangePrefix(kind, term) },
        Limit: pageItems(limit),
        ...projection,
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of page.Items ?? []) {
      read++;
      const id = String(item.id);
      if (hits.has(id)) continue;
      if (words.length > 1 && !matchesAll(words, Array.isArray(item.words) ? item.words.map(String) : [])) continue;
      hits.set(id, searchHitSchema.parse({ ...item, kind }));
      if (hits.size > limit) return { items: [...hits.values()].slice(0, limit), more: true };
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey && read < MAX_ITEMS_PER_KIND);
  return { items: [...hits.values()], more: startKey !== undefined };
}

export const search =
  (deps: SearchDependencies) =>
  async (request: SearchRequest, actor: Actor | undefined): Promise<SearchResult> => {
    const kinds = kindsFor(actor, request.kinds);
    const words = queryWords(request.q);
    const limit = request.limit ?? DEFAULT_SEARCH_LIMIT;
    const groups = await Promise.all(
      kinds.map(async (kind) => ({ kind, ...(await searchKind(deps, kind, words, limit)) })),
    );
    return { q: request.q, groups };
  };
