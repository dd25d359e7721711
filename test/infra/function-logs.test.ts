// Every Lambda function of every stack, CDK's own helpers included, logs into a log group kept a year and retained with
// its stack (docs/operations.md: "Logs are kept one year").
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { newApp, type Resource, resourcesOf } from "./desk-template.ts";

const { stateful, stateless, edge } = buildApp(newApp());

describe("function logs", () => {
  for (const stack of [stateful, stateless, edge]) {
    it(`keeps the logs of every function of ${stack.node.id} for a year`, () => {
      const template = Template.fromStack(stack);
      const logGroups = resourcesOf(template, "AWS::Logs::LogGroup");
      for (const [id, fn] of Object.entries(resourcesOf(template, "AWS::Lambda::Function"))) {
        const config = fn.Properties.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined;
        const logGroup: Resource | undefined = logGroups[config?.LogGroup?.Ref ?? ""];
        expect(logGroup?.Properties.RetentionInDays, `${id}'s log group`).toBe(365);
        expect(logGroup?.DeletionPolicy, `${id}'s log group`).toBe("Retain");
        // Tagged with its stage like every other resource, the helpers' groups made after the tagging Aspect included.
        expect(logGroup?.Properties.Tags, `${id}'s log group`).toContainEqual({ Key: "desk-1540:stage", Value: "dev" });
      }
    });
  }

  it("covers CDK's helpers: the trigger and export providers and the console's deployment", () => {
    const functions = [stateless, edge].flatMap((stack) =>
      Object.keys(resourcesOf(Template.fromStack(stack), "AWS::Lambda::Function")),
    );
    for (const helper of [
      /^AWSCDKTriggerCustomResourceProvider/,
      /^CustomCDKBucketDeployment/,
      /^CustomCrossRegionExportReader/,
      /^CustomCrossRegionExportWriter/,
    ]) {
      expect(
        functions.some((id) => helper.test(id)),
        String(helper),
      ).toBe(true);
    }
  });
});
