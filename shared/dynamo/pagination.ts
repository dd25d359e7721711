// Cursor pagination: an opaque cursor carries DynamoDB's LastEvaluatedKey, bound to the query that produced it.
import { createHash } from "node:crypto";
import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { Malformed } from "../errors.ts";
import { lazy } from "../lazy.ts";
import { isStartKeyOf, type QueryDescription } from "./start-key.ts";

export interface PageRequest {
  limit: number;
  cursor?: string | undefined;
}

export interface Page<T> {
  items: T[];
  /** Present when there may be more: pass it back as `cursor` for the next page. */
  cursor?: string;
}

// Built on first use: only a request that passes a cursor (a page after the first) reads one.
const cursorSchema = lazy(() =>
  z.object({
    k: z.record(z.string(), z.union([z.string(), z.number()])),
    s: z.string(),
  }),
);

/** A short fingerprint of what was asked, so a cursor cannot be replayed against another query. */
function fingerprint(scope: string): string {
  return createHash("sha256").update(scope).digest("base64url").slice(0, 16);
}

export function encodeCursor(lastKey: Record<string, unknown>, scope: string): string {
  return Buffer.from(JSON.stringify({ k: lastKey, s: fingerprint(scope) })).toString("base64url");
}

const invalidCursor = () =>
  new Malformed("The cursor is not one this API gave for this query", [
    { path: "query.cursor", message: "unknown or altered cursor; start again without it" },
  ]);

export function decodeCursor(cursor: string, scope: string): Record<string, string | number> {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const parsed = cursorSchema().safeParse(raw);
  if (!parsed.success || parsed.data.s !== fingerprint(scope)) throw invalidCursor();
  return parsed.data.k;
}

/**
 * A start key read from a cursor, refused as that cursor's 400 unless it could be the key of an item of `query`:
 * the fingerprint binds a cursor to its query but not its key, which a client can edit.
 */
export function cursorStartKey(query: QueryDescription, key: Record<string, unknown>): Record<string, unknown> {
  if (!isStartKeyOf(query, key)) throw invalidCursor();
  return key;
}

/**
 * A Query from `input.ExclusiveStartKey`. When that is the key a cursor gave (`cursorKey`, already checked) and DynamoDB
 * still refuses it (ValidationException), the cursor is at fault, not the desk: the answer is the cursor's 400, never a
 * 500 that pages the operators. Any other ValidationException stays the fault it is.
 */
export async function queryFrom(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
  cursorKey: Record<string, unknown> | undefined,
) {
  try {
    return await doc.send(new QueryCommand(input));
  } catch (error) {
    const fromCursor = cursorKey !== undefined && input.ExclusiveStartKey === cursorKey;
    if (fromCursor && error instanceof Error && error.name === "ValidationException") throw invalidCursor();
    throw error;
  }
}

/**
 * One page of a Query. `scope` names the query (index and filter) the cursor is bound to.
 * DynamoDB may return a LastEvaluatedKey on an exactly full last page; the next page is then empty.
 */
export async function queryPage<T>(
  doc: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, "Limit" | "ExclusiveStartKey">,
  page: PageRequest & { scope: string },
  toItem: (raw: Record<string, unknown>) => T,
): Promise<Page<T>> {
  const start = page.cursor ? cursorStartKey(input, decodeCursor(page.cursor, page.scope)) : undefined;
  const result = await queryFrom(doc, { ...input, Limit: page.limit, ExclusiveStartKey: start }, start);
  const items = (result.Items ?? []).map(toItem);
  return result.LastEvaluatedKey ? { items, cursor: encodeCursor(result.LastEvaluatedKey, page.scope) } : { items };
}

/** Every page of a Query: for reads that need a whole partition or index key (never a request's unbounded list). */
export async function queryEveryPage(
  doc: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start);
  return items;
}
