// The functions' access to the two tables: their names in the environment and named item actions, never a wildcard.
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import { type TableDefinition, tables } from "../shared/tables.ts";

export interface DeskTables {
  deskTable: dynamodb.ITableV2;
  auditTable: dynamodb.ITableV2;
}

/** Item-level DynamoDB actions a function may be given; Scan and DeleteItem are left out on purpose (ADR 0002). */
export type ItemAction =
  | "dynamodb:GetItem"
  | "dynamodb:BatchGetItem"
  | "dynamodb:Query"
  | "dynamodb:PutItem"
  | "dynamodb:UpdateItem"
  | "dynamodb:ConditionCheckItem";

/** What each function may do on each table; the audit trail is append-only for every function but the api. */
export interface TableGrants {
  desk: ItemAction[];
  audit: ItemAction[];
}

/** The environment every function reads its table names from (shared/config.ts). */
export function tableEnvironment({ deskTable, auditTable }: DeskTables): Record<string, string> {
  return { DESK_TABLE: deskTable.tableName, AUDIT_TABLE: auditTable.tableName };
}

/** Adds the grants to the role; an empty list adds nothing. */
export function grantTables(role: iam.IRole, { deskTable, auditTable }: DeskTables, grants: TableGrants): void {
  if (grants.desk.length) role.addToPrincipalPolicy(tableStatement(deskTable, tables.desk, grants.desk));
  if (grants.audit.length) role.addToPrincipalPolicy(tableStatement(auditTable, tables.audit, grants.audit));
}

/** Named actions on one table, and on its named indexes (from shared/tables.ts) only when it may query them. */
function tableStatement(table: dynamodb.ITableV2, definition: TableDefinition, actions: string[]): iam.PolicyStatement {
  const indexArns = actions.includes("dynamodb:Query")
    ? definition.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`)
    : [];
  return new iam.PolicyStatement({ actions, resources: [table.tableArn, ...indexArns] });
}
