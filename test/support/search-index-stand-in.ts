// The search index's Queries answered from token items held in memory, as DynamoDB answers them: for unit tests that
// index records as the indexer does and search them with the search use case (shared/search/search.ts).
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { type SearchEntry, type SearchTokenItem, searchTokenItems } from "#shared/search/entries.ts";
import { search } from "#shared/search/search.ts";

/** `pk = :pk AND begins_with(sk, :prefix)` in sort-key order, a page of `Limit` items at a time. */
function queryOf(items: readonly SearchTokenItem[]) {
  // By partition, as DynamoDB reads one: a thousand searches over the 193 States stay well inside a test's time.
  const partitions = new Map<string, SearchTokenItem[]>();
  for (const item of items) partitions.set(item.pk, [...(partitions.get(item.pk) ?? []), item]);
  return (input: QueryCommandInput) => {
    const values = input.ExpressionAttributeValues ?? {};
    const after = input.ExclusiveStartKey?.sk;
    const matching = (partitions.get(String(values[":pk"])) ?? []).filter(
      (item) => item.sk.startsWith(String(values[":prefix"])) && (after === undefined || item.sk > after),
    );
    const page = matching.slice(0, input.Limit ?? matching.length);
    const last = page.at(-1);
    return {
      Items: page,
      LastEvaluatedKey: matching.length > page.length && last ? { pk: last.pk, sk: last.sk } : undefined,
    };
  };
}

/**
 * The search use case over these entries' token items; `restore` gives the document client back. The items are
 * sorted by their sort key, as a partition's range is read.
 */
export function searchOverEntries(entries: readonly SearchEntry[]) {
  const items = entries.flatMap(searchTokenItems).sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0));
  const dynamo = mockClient(DynamoDBDocumentClient);
  dynamo.on(QueryCommand).callsFake(queryOf(items));
  const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
  return {
    search: search({ doc, tableNames: { desk: "desk-test", audit: "audit-test" } }),
    restore: () => dynamo.restore(),
  };
}
