// Whether a key could be where a Query starts: the key of one of its items, read off the query's own description.
import type { QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { type KeySchema, tables } from "../tables.ts";

/** What a Query says about where it reads: the table or index, and its key condition. */
export type QueryDescription = Pick<
  QueryCommandInput,
  "IndexName" | "KeyConditionExpression" | "ExpressionAttributeNames" | "ExpressionAttributeValues"
>;

type KeyValue = string | number;

type SortCondition =
  | { op: "=" | "<" | "<=" | ">" | ">="; value: KeyValue }
  | { op: "between"; low: KeyValue; high: KeyValue }
  | { op: "begins_with"; prefix: KeyValue };

interface KeyCondition {
  partition: { name: string; value: KeyValue };
  sort?: { name: string } & SortCondition;
}

interface StartKeySchema {
  /** Every attribute the key of an item read by the query holds: the table's key, and the index's when there is one. */
  attributes: string[];
  queried: KeySchema;
}

/**
 * The key attributes of the index (or, with none, of the tables' own key) as shared/tables.ts declares them. Index
 * names are unique across tables, and every table's own key is `pk`/`sk`, so the index name alone decides.
 */
function startKeySchemaOf(indexName: string | undefined): StartKeySchema {
  for (const table of Object.values(tables)) {
    const own = { partitionKey: table.partitionKey, sortKey: table.sortKey };
    const index = indexName === undefined ? own : table.indexes.find((entry) => entry.indexName === indexName);
    if (!index) continue;
    const names = [own.partitionKey, own.sortKey, index.partitionKey, index.sortKey];
    return { attributes: [...new Set(names)], queried: { partitionKey: index.partitionKey, sortKey: index.sortKey } };
  }
  throw new Error(`No table declares the index ${indexName}`);
}

const COMPARISON = /^(\S+)\s*(<=|>=|=|<|>)\s*(:\w+)$/;
const BETWEEN = /^(\S+)\s+between\s+(:\w+)\s+and\s+(:\w+)$/i;
const BEGINS_WITH = /^begins_with\s*\(\s*([^\s,]+)\s*,\s*(:\w+)\s*\)$/i;

/** The parts of `a = :a AND b BETWEEN :x AND :y`: an AND that closes a BETWEEN stays inside its part. */
function conditionParts(expression: string): string[] {
  const parts: string[] = [];
  for (const piece of expression.trim().split(/\s+and\s+/i)) {
    const last = parts.at(-1);
    if (last !== undefined && /\sbetween\s+\S+$/i.test(last)) parts[parts.length - 1] = `${last} AND ${piece}`;
    else parts.push(piece.replace(/^\((.*)\)$/, "$1").trim());
  }
  return parts;
}

/** The query's key condition, with names and values resolved; a form DynamoDB would not accept is a programming error. */
function keyConditionOf(query: QueryDescription): KeyCondition {
  const expression = query.KeyConditionExpression ?? "";
  const attributeNamed = (token: string) =>
    token.startsWith("#") ? (query.ExpressionAttributeNames?.[token] ?? token) : token;
  const valueNamed = (token: string): KeyValue => {
    const value: unknown = query.ExpressionAttributeValues?.[token];
    if (typeof value !== "string" && typeof value !== "number")
      throw new Error(`${token} in "${expression}" has no key value`);
    return value;
  };
  const conditions = conditionParts(expression).map((part) => {
    const comparison = COMPARISON.exec(part);
    if (comparison) {
      const [, name = "", op = "=", value = ""] = comparison;
      return { name: attributeNamed(name), op: op as "=" | "<" | "<=" | ">" | ">=", value: valueNamed(value) };
    }
    const between = BETWEEN.exec(part);
    if (between) {
      const [, name = "", low = "", high = ""] = between;
      return { name: attributeNamed(name), op: "between" as const, low: valueNamed(low), high: valueNamed(high) };
    }
    const beginsWith = BEGINS_WITH.exec(part);
    if (beginsWith) {
      const [, name = "", prefix = ""] = beginsWith;
      return { name: attributeNamed(name), op: "begins_with" as const, prefix: valueNamed(prefix) };
    }
    throw new Error(`Cannot read the key condition "${expression}"`);
  });
  const { queried } = startKeySchemaOf(query.IndexName);
  const partition = conditions.find((condition) => condition.name === queried.partitionKey);
  const sort = conditions.find((condition) => condition.name === queried.sortKey);
  if (partition?.op !== "=" || conditions.length !== (sort ? 2 : 1)) {
    throw new Error(`"${expression}" is not a key condition of ${query.IndexName ?? "the table"}`);
  }
  return { partition: { name: partition.name, value: partition.value }, ...(sort ? { sort } : {}) };
}

/** DynamoDB orders strings by their UTF-8 bytes (not UTF-16 units, as `<` does) and numbers by value. */
function compare(a: KeyValue, b: KeyValue): number | undefined {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "string" && typeof b === "string") return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return undefined;
}

function satisfies(value: KeyValue, condition: SortCondition): boolean {
  const against = (bound: KeyValue) => compare(value, bound) ?? Number.NaN;
  switch (condition.op) {
    case "=":
      return against(condition.value) === 0;
    case "<":
      return against(condition.value) < 0;
    case "<=":
      return against(condition.value) <= 0;
    case ">":
      return against(condition.value) > 0;
    case ">=":
      return against(condition.value) >= 0;
    case "between":
      return against(condition.low) >= 0 && against(condition.high) <= 0;
    case "begins_with":
      return typeof value === "string" && typeof condition.prefix === "string" && value.startsWith(condition.prefix);
  }
}

function readableKeyCondition(query: QueryDescription): KeyCondition | undefined {
  try {
    return keyConditionOf(query);
  } catch {
    return undefined;
  }
}

/**
 * True when `key` could be the key of an item this query reads: exactly the key attributes of its table or index,
 * each a string (every key attribute is declared a string), in the query's partition and within its sort condition.
 */
export function isStartKeyOf(query: QueryDescription, key: Record<string, unknown>): boolean {
  const { attributes, queried } = startKeySchemaOf(query.IndexName);
  const names = Object.keys(key);
  if (names.length !== attributes.length || !attributes.every((name) => typeof key[name] === "string")) return false;
  const condition = readableKeyCondition(query);
  // A key condition this reader does not know (a form added later) leaves the check to DynamoDB: `queryFrom` answers
  // its refusal of a cursor's key with the same 400, where a throw here would fail every honest next page.
  if (!condition) return true;
  if (key[queried.partitionKey] !== condition.partition.value) return false;
  return condition.sort === undefined || satisfies(key[queried.sortKey] as string, condition.sort);
}
