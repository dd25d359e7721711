// cdk-nag AwsSolutions: the desk app passes with only scoped, explained acknowledgements, and the check really runs.
import { App, Stack, Validations } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import { AwsSolutionsChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { newApp } from "./desk-template.ts";

/** Every finding the pack reports for a tree, as "rule at construct path". */
function findings(app: App): string[] {
  const report = new AwsSolutionsChecks(undefined, { verbose: false }).validateScope(app);
  return report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
  );
}

describe("cdk-nag AwsSolutions", () => {
  it("reports no unacknowledged error or warning for the desk app, and the synth succeeds", () => {
    const app = newApp();
    buildApp(app);
    // The registered plugin runs inside synth and throws on any error or warning.
    expect(() => app.synth()).not.toThrow();
    expect(findings(app)).toEqual([]);
  });

  it("is live: a stack with an unprotected table and a wildcard policy fails the same app's synth", () => {
    const app = newApp();
    buildApp(app);
    const throwaway = new Stack(app, "Throwaway");
    new dynamodb.Table(throwaway, "Bare", { partitionKey: { name: "pk", type: dynamodb.AttributeType.STRING } });
    const role = new iam.Role(throwaway, "Wild", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
    role.addToPolicy(new iam.PolicyStatement({ actions: ["dynamodb:*"], resources: ["*"] }));

    expect(() => app.synth()).toThrow(/AwsSolutions-DDB3/);
    const found = findings(app);
    expect(found).toContain("AwsSolutions-DDB3 at Throwaway/Bare/Resource");
    expect(found).toContain("AwsSolutions-IAM5[Resource::*] at Throwaway/Wild/DefaultPolicy/Resource");
    // The desk's own stacks still contribute nothing.
    expect(found.filter((finding) => !finding.includes(" at Throwaway/"))).toEqual([]);
  });

  it("acknowledges only on the constructs that raise a finding, never on the app or a stack, each with a reason", () => {
    const app = newApp();
    const { stateless } = buildApp(app);
    const acknowledged: string[] = [];
    for (const construct of app.node.findAll()) {
      for (const entry of construct.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        expect(App.isApp(construct) || Stack.isStack(construct), construct.node.path).toBe(false);
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          expect(reason.length, `${id} on ${construct.node.path}`).toBeGreaterThan(60);
          acknowledged.push(`${id.replace(/^annotation::/i, "")} at ${construct.node.path}`);
        }
      }
    }
    const group = stateless.wavePipeline.scheduleGroup.scheduleGroupName;
    const arn = (service: string, resource: string) =>
      `arn:<AWS::Partition>:${service}:<AWS::Region>:<AWS::AccountId>:${resource}`;
    const sesIdentity = `AwsSolutions-IAM5[Resource::${arn("ses", "identity/*")}]`;
    expect(acknowledged.sort()).toEqual(
      [
        "AwsSolutions-COG2 at Desk1540Stateless/Staff",
        "AwsSolutions-COG8 at Desk1540Stateless/Staff",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--health",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--openapi.json",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--docs",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--docs--{asset}",
        // Every function that sends mail: any identity, only From the desk's address.
        `${sesIdentity} at Desk1540Stateless/Api/Correspondence/Role`,
        `${sesIdentity} at Desk1540Stateless/Waves/Send/Role`,
        `${sesIdentity} at Desk1540Stateless/AssistanceReport/Role`,
        `${sesIdentity} at Desk1540Stateless/ProgrammeReminders/Role`,
        // ses:GetSendQuota has no resource type.
        "AwsSolutions-IAM5[Resource::*] at Desk1540Stateless/Waves/Send/Role",
        // The waves' one-time schedules, named per wave.
        `AwsSolutions-IAM5[Resource::${arn("scheduler", `schedule/${group}/wave-*`)}] at Desk1540Stateless/Api/Correspondence/Role`,
        "AwsSolutions-SQS3 at Desk1540Stateless/ScheduleDeadLetters",
        "AwsSolutions-SQS3 at Desk1540Stateless/Waves/SesEventDeadLetters",
        "AwsSolutions-SQS3 at Desk1540Stateless/SearchIndexer/DeadLetters",
      ].sort(),
    );
  });
});
