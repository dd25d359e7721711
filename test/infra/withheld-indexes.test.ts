// A release that adds two indexes to one table deploys the Stateful stack twice, DynamoDB adding one index per update:
// `-c withholdIndexes=` leaves the second out of the first deploy (docs/operations.md, "Adding two indexes to one
// table"). Only the named indexes go; a name no table has fails the synth rather than deploying everything.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { StatefulStack } from "../../infra/stateful-stack.ts";
import { tables } from "../../shared/tables.ts";
import { newApp, resourcesOf } from "./desk-template.ts";

const indexesOf = (context: Record<string, unknown>) => {
  const stack = new StatefulStack(newApp({ context }), "S");
  const globalTables = Object.values(resourcesOf(Template.fromStack(stack), "AWS::DynamoDB::GlobalTable"));
  return globalTables.map((table) =>
    (table.Properties.GlobalSecondaryIndexes as { IndexName: string }[]).map((index) => index.IndexName),
  );
};

describe("indexes withheld from a deploy", () => {
  it("leaves out only the indexes named, on whichever table has them", () => {
    const all = indexesOf({}).flat();
    expect(all).toEqual(Object.values(tables).flatMap((table) => table.indexes.map((index) => index.indexName)));
    const withheld = indexesOf({ withholdIndexes: "organizationTimeline" }).flat();
    expect(withheld).toEqual(all.filter((name) => name !== "organizationTimeline"));
    expect(withheld).toContain("stateTimeline");
  });

  it("refuses a name no table has, naming it", () => {
    expect(() => indexesOf({ withholdIndexes: "stateTimeline, orgTimeline" })).toThrow(
      "Context withholdIndexes names no index of the desk's tables: orgTimeline",
    );
  });
});
