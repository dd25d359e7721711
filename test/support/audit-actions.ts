// The audit actions recorded in DynamoDB against one entity: what a contract suite compares with the in-memory trail.
import { type DynamoDBDocumentClient, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditEntry, auditEntityKey } from "#shared/audit/audit-entry.ts";
import type { TableNames } from "#shared/tables.ts";

/** Sorted, as the in-memory trail answers them: entries made at one instant have no order of their own. */
export function dynamoAuditActions(doc: DynamoDBDocumentClient, tableNames: TableNames) {
  return async (entity: AuditEntry["entity"]): Promise<string[]> => {
    const result = await doc.send(
      new QueryCommand({
        TableName: tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": auditEntityKey(entity) },
        ConsistentRead: true,
      }),
    );
    return (result.Items ?? []).map((item) => String(item.action)).sort();
  };
}
