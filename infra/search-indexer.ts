// The search indexer: a function fed by the desk table's stream that keeps the search token items in step with every
// write (ADR 0021). It may write the index's partitions (SEARCH#...) and nothing else.
import { Duration } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as sources from "aws-cdk-lib/aws-lambda-event-sources";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { SEARCH_KINDS } from "../shared/search/schemas.ts";
import { deadLetterQueue } from "./dead-letters.ts";
import { DeskFunction } from "./desk-function.ts";
import { type DeskTables, tableEnvironment } from "./table-access.ts";

export interface SearchIndexerProps {
  tables: DeskTables;
}

export class SearchIndexer extends Construct {
  readonly indexer: DeskFunction;
  /** Batches that still failed after the retries and the splits: their stream positions, for an operator. */
  readonly deadLetters: sqs.Queue;

  constructor(scope: Construct, id: string, props: SearchIndexerProps) {
    super(scope, id);
    const { deskTable } = props.tables;
    this.indexer = new DeskFunction(this, "Function", {
      entry: "functions/search-indexer/handler.ts",
      description: "Keeps the search index in step with the desk table, from its stream",
      environment: {
        ...tableEnvironment(props.tables),
        POWERTOOLS_SERVICE_NAME: "desk-1540-search-indexer",
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      timeout: Duration.minutes(1),
    });
    // Batch puts and deletes, only on the index's own partitions (its items are derived: a rebuild makes them again).
    this.indexer.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["dynamodb:BatchWriteItem"],
        resources: [deskTable.tableArn],
        conditions: { "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["SEARCH#*"] } },
      }),
    );
    this.deadLetters = deadLetterQueue(this, "DeadLetters");
    // Only the records of searchable entities reach the function: the ledger's many writes, and the index's own
    // writes, are filtered out by the event source.
    const entityIs = (image: "NewImage" | "OldImage") =>
      lambda.FilterCriteria.filter({ dynamodb: { [image]: { entity: { S: lambda.FilterRule.or(...SEARCH_KINDS) } } } });
    this.indexer.function.addEventSource(
      new sources.DynamoEventSource(deskTable, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        retryAttempts: 10,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        filters: [entityIs("NewImage"), entityIs("OldImage")],
        onFailure: new sources.SqsDlq(this.deadLetters),
      }),
    );
  }
}
