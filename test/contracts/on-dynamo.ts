// A store under test on DynamoDB Local: fresh tables of its own, and the audit trail read back from the audit table.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { fixedClock } from "#shared/clock.ts";
import type { TableNames } from "#shared/tables.ts";
import { freshTables } from "../integration/fresh-tables.ts";
import { dynamoAuditActions } from "../support/audit-actions.ts";
import { CONTRACT_START, type StoreUnderTest, type TestClock } from "./store-contract.ts";

export async function onDynamo<Store>(
  build: (doc: DynamoDBDocumentClient, tableNames: TableNames, clock: TestClock) => Store,
): Promise<StoreUnderTest<Store> & { doc: DynamoDBDocumentClient; tableNames: TableNames }> {
  const clock = fixedClock(CONTRACT_START);
  const { doc, tableNames } = await freshTables();
  return {
    store: build(doc, tableNames, clock),
    clock,
    auditActions: dynamoAuditActions(doc, tableNames),
    doc,
    tableNames,
  };
}
