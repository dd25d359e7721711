// The stateful stack: the DynamoDB tables and their backups, kept apart so that no code redeploy can drop data.
import { CfnOutput, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type { Construct } from "constructs";
import { type TableDefinition, tables } from "../shared/tables.ts";
import { TableBackups } from "./backups.ts";
import { stringContext } from "./context.ts";

/**
 * The indexes `-c withholdIndexes=a,b` leaves out of this deploy: DynamoDB adds one index to a table per update, so a
 * release that adds two to one table deploys this stack once without the second, then again with it
 * (docs/operations.md, "Adding two indexes to one table"). A name no table has fails the synth.
 */
export function withheldIndexes(scope: Construct): ReadonlySet<string> {
  const names = (stringContext(scope, "withholdIndexes") ?? "").split(",").map((name) => name.trim());
  const withheld = new Set(names.filter(Boolean));
  const known = new Set<string>(
    Object.values(tables).flatMap((table) => table.indexes.map((index) => index.indexName)),
  );
  const unknown = [...withheld].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`Context withholdIndexes names no index of the desk's tables: ${unknown.join(", ")}`);
  }
  return withheld;
}

export class StatefulStack extends Stack {
  readonly deskTable: dynamodb.TableV2;
  readonly auditTable: dynamodb.TableV2;
  readonly backups: TableBackups;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const withheld = withheldIndexes(this);
    this.deskTable = buildTable(this, tables.desk, withheld);
    this.auditTable = buildTable(this, tables.audit, withheld);
    this.backups = new TableBackups(this, "Backups", [this.deskTable, this.auditTable]);
  }
}

function buildTable(scope: Construct, definition: TableDefinition, withheld: ReadonlySet<string>): dynamodb.TableV2 {
  const key = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
  const table = new dynamodb.TableV2(scope, definition.id, {
    partitionKey: key(definition.partitionKey),
    sortKey: key(definition.sortKey),
    globalSecondaryIndexes: definition.indexes
      .filter((index) => !withheld.has(index.indexName))
      .map((index) => ({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        projectionType: dynamodb.ProjectionType.ALL,
      })),
    dynamoStream: definition.stream ? dynamodb.StreamViewType[definition.stream] : undefined,
    billing: dynamodb.Billing.onDemand(),
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new CfnOutput(scope, `${definition.id}TableName`, { value: table.tableName });
  return table;
}
