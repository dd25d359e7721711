// The search indexer's wiring: the desk table's stream, the filtered event source with retries and a dead-letter
// queue, and a role that may write the index's partitions only.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { actionsOf, logicalId, newApp, resource, resourcesOf, roleStatements } from "./desk-template.ts";

const app = newApp();
const { stateful, stateless } = buildApp(app);
const statefulTemplate = Template.fromStack(stateful);
const statelessTemplate = Template.fromStack(stateless);
const indexer = stateless.searchIndexer.indexer;

describe("search indexer", () => {
  it("streams the desk table's new and old images, and no other table's", () => {
    const desk = resource(statefulTemplate, logicalId(stateful, stateful.deskTable));
    expect(desk.Properties.StreamSpecification).toEqual({ StreamViewType: "NEW_AND_OLD_IMAGES" });
    const audit = resource(statefulTemplate, logicalId(stateful, stateful.auditTable));
    expect(audit.Properties.StreamSpecification).toBeUndefined();
  });

  it("feeds the function the searchable entities' records only, retried, split, and kept when they fail", () => {
    const mappings = Object.values(resourcesOf(statelessTemplate, "AWS::Lambda::EventSourceMapping"));
    const mapping = mappings.find(
      (m) =>
        JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalId(stateless, indexer.function) }),
    );
    expect(mapping?.Properties).toMatchObject({
      StartingPosition: "TRIM_HORIZON",
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
    });
    const criteria = mapping?.Properties.FilterCriteria as { Filters: { Pattern: string }[] } | undefined;
    const filters = (criteria?.Filters ?? []).map((f) => JSON.parse(f.Pattern));
    // A received document (`submission`) too: its void or change of kind is a new image of the same entity.
    const entities = ["state", "organization", "contact", "assistance-request", "wave", "template", "submission"];
    expect(filters).toEqual([
      { dynamodb: { NewImage: { entity: { S: entities } } } },
      { dynamodb: { OldImage: { entity: { S: entities } } } },
    ]);
    expect(JSON.stringify(mapping?.Properties.DestinationConfig)).toContain(
      logicalId(stateless, stateless.searchIndexer.deadLetters),
    );
  });

  it("may batch-write the SEARCH# partitions of the desk table, and neither Scan nor any other write", () => {
    const statements = roleStatements(statelessTemplate, logicalId(stateless, indexer.role));
    const writes = statements.filter((s) => actionsOf(s).some((a) => /^dynamodb:.*(Write|Put|Delete|Update)/.test(a)));
    expect(writes).toHaveLength(1);
    const [write] = writes;
    if (!write) throw new Error("no write statement");
    expect(actionsOf(write)).toEqual(["dynamodb:BatchWriteItem"]);
    expect(write.Condition).toEqual({ "ForAllValues:StringLike": { "dynamodb:LeadingKeys": ["SEARCH#*"] } });
    for (const statement of statements) expect(actionsOf(statement)).not.toContain("dynamodb:Scan");
  });
});
