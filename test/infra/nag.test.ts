// cdk-nag's AwsSolutions and Serverless packs and the desk's checks for TableV2: the desk app passes with only scoped,
// explained acknowledgements, and the checks really run.
import { App, CfnElement, Stack, Validations } from "aws-cdk-lib";
import * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as lambda from "aws-cdk-lib/aws-lambda";
import { AwsSolutionsChecks, ServerlessChecks } from "cdk-nag";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { DeskFunction } from "../../infra/desk-function.ts";
import { GlobalTableChecks } from "../../infra/nag-global-tables.ts";
import { newApp, STAGE_CONTEXT } from "./desk-template.ts";

/** Every finding the packs report for a tree, as "rule at construct path". */
function findings(app: App): string[] {
  const packs = [new AwsSolutionsChecks(), new ServerlessChecks(), new GlobalTableChecks()];
  return packs.flatMap((pack) =>
    pack
      .validateScope(app)
      .violations.flatMap((violation) =>
        violation.violatingResources.map((resource) => `${violation.ruleName} at ${resource.constructPath}`),
      ),
  );
}

describe("cdk-nag", () => {
  it("reports no unacknowledged error or warning for the desk app, and the synth succeeds", () => {
    const app = newApp();
    buildApp(app);
    // The registered plugin runs inside synth and throws on any error or warning.
    expect(() => app.synth()).not.toThrow();
    expect(findings(app)).toEqual([]);
  });

  it("passes with a custom domain, where the distribution's TLS policy (CFR4) needs no acknowledgement", () => {
    const app = newApp({
      context: { domain: "desk.un.example", hostedZone: "Z0123456789ABC", hostedZoneName: "un.example" },
    });
    const { stateless } = buildApp(app);
    expect(() => app.synth()).not.toThrow();
    expect(findings(app)).toEqual([]);
    const acknowledged = stateless.frontDoor.distribution.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.keys(entry.data as Record<string, string>))
      .map((id) => id.replace(/^annotation::/i, ""));
    expect(acknowledged.sort()).toEqual(["AwsSolutions-CFR1", "AwsSolutions-CFR3"]);
  });

  it("is live: an unprotected TableV2, a wildcard policy and an untraced function fail the same app's synth", () => {
    const app = newApp();
    buildApp(app);
    const throwaway = new Stack(app, "Throwaway", {
      env: { account: STAGE_CONTEXT.account, region: STAGE_CONTEXT.region },
    });
    // A TableV2 (AWS::DynamoDB::GlobalTable), as the desk's tables are: cdk-nag 3.0.2's own DynamoDB rules see only
    // AWS::DynamoDB::Table, so the desk's pack carries DDB3 and deletion protection over.
    new dynamodb.TableV2(throwaway, "Bare", { partitionKey: { name: "pk", type: dynamodb.AttributeType.STRING } });
    const role = new iam.Role(throwaway, "Wild", { assumedBy: new iam.ServicePrincipal("lambda.amazonaws.com") });
    role.addToPolicy(new iam.PolicyStatement({ actions: ["dynamodb:*"], resources: ["*"] }));
    new lambda.Function(throwaway, "Untraced", {
      runtime: lambda.Runtime.NODEJS_24_X,
      handler: "index.handler",
      code: lambda.Code.fromInline("export const handler = async () => {};"),
    });

    expect(() => app.synth()).toThrow(/Desk-DDB3/);
    const found = findings(app);
    expect(found).toContain("Desk-DDB3 at Throwaway/Bare/Resource");
    expect(found).toContain("Desk-DDB-DeletionProtection at Throwaway/Bare/Resource");
    expect(found).toContain("AwsSolutions-IAM5[Resource::*] at Throwaway/Wild/DefaultPolicy/Resource");
    expect(found).toContain("Serverless-LambdaTracing at Throwaway/Untraced/Resource");
    // The desk's own stacks still contribute nothing.
    expect(found.filter((finding) => !finding.includes(" at Throwaway/"))).toEqual([]);
  });

  it("acknowledges only on the constructs that raise a finding, never on the app or a stack, each with a reason", () => {
    const app = newApp();
    const { stateless } = buildApp(app);
    const functions = stateless.node.findAll().filter((construct) => construct instanceof DeskFunction);
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
    const consoleBucket = stateless.consoleSite.bucket.node.defaultChild;
    if (!(consoleBucket instanceof CfnElement)) throw new Error("the console's bucket has no CloudFormation element");
    const bucketDeploymentHandler = stateless.node.children
      .map((child) => child.node.path)
      .find((path) => path.startsWith("Desk1540Stateless/Custom::CDKBucketDeployment"));
    const arn = (service: string, resource: string) =>
      `arn:<AWS::Partition>:${service}:${STAGE_CONTEXT.region}:${STAGE_CONTEXT.account}:${resource}`;
    const path = (fn: DeskFunction) => fn.node.path;
    const sesIdentity = `AwsSolutions-IAM5[Resource::${arn("ses", "identity/*")}]`;
    expect(acknowledged.sort()).toEqual(
      [
        "AwsSolutions-COG8 at Desk1540Stateless/SignIn/Staff",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--health",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--openapi.json",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--docs",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--docs--{asset}",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/GET--calendar--{feed}",
        // HEAD of each: the GET's answer without the body.
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/HEAD--health",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/HEAD--openapi.json",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/HEAD--docs",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/HEAD--docs--{asset}",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/HEAD--",
        "AwsSolutions-APIG4 at Desk1540Stateless/Http/HEAD--calendar--{feed}",
        // Every function that sends mail: any identity, only From the desk's address.
        `${sesIdentity} at Desk1540Stateless/Api/Correspondence/Role`,
        `${sesIdentity} at Desk1540Stateless/Waves/Send/Role`,
        `${sesIdentity} at Desk1540Stateless/AssistanceReport/Role`,
        `${sesIdentity} at Desk1540Stateless/ProgrammeReminders/Role`,
        // X-Ray's trace writes (and, on the send role, ses:GetSendQuota) have no resource type.
        ...functions.map((fn) => `AwsSolutions-IAM5[Resource::*] at ${path(fn)}/Role`),
        // Synchronous, SQS-driven or with an on-failure destination: no function needs a dead-letter queue.
        ...functions.map((fn) => `Serverless-LambdaDLQ at ${path(fn)}/Function`),
        "Serverless-LambdaEventSourceMappingDestination at Desk1540Stateless/Waves/Send/Function/SqsEventSource:Desk1540StatelessWavesQueue2DE03DED",
        // The waves' one-time schedules, named per wave.
        `AwsSolutions-IAM5[Resource::${arn("scheduler", `schedule/${group}/wave-*`)}] at Desk1540Stateless/Api/Correspondence/Role`,
        "AwsSolutions-SQS3 at Desk1540Stateless/ScheduleDeadLetters",
        "AwsSolutions-SQS3 at Desk1540Stateless/Waves/SesEventDeadLetters",
        ...["ScheduleDeadLetters", "Waves/SesEventDeadLetters", "Waves/DeadLetters", "SearchIndexer/DeadLetters"].map(
          (queue) => `Serverless-SQSRedrivePolicy at Desk1540Stateless/${queue}`,
        ),
        ...["CFR1", "CFR3", "CFR4"].map((rule) => `AwsSolutions-${rule} at Desk1540Stateless/FrontDoor/Distribution`),
        ...["Backup", "Restores"].map(
          (policy) =>
            `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSBackupServiceRolePolicyFor${policy}] at Desk1540Stateful/Backups/Plan/Tables/Role`,
        ),
        "AwsSolutions-SQS3 at Desk1540Stateless/SearchIndexer/DeadLetters",
        // The console's bucket, and the handler CDK's BucketDeployment brings to fill it (infra/console-site.ts).
        "AwsSolutions-S1 at Desk1540Stateless/Console/Bucket",
        ...[
          "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
          ...["GetObject*", "GetBucket*", "List*", "DeleteObject*", "Abort*"].map(
            (action) => `AwsSolutions-IAM5[Action::s3:${action}]`,
          ),
          `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${STAGE_CONTEXT.account}-${STAGE_CONTEXT.region}/*]`,
          `AwsSolutions-IAM5[Resource::<${stateless.getLogicalId(consoleBucket)}.Arn>/*]`,
          "AwsSolutions-IAM5[Resource::*]",
          "AwsSolutions-L1",
          "Serverless-LambdaLatestVersion",
          "Serverless-LambdaDLQ",
          "Serverless-LambdaTracing",
        ].map((id) => `${id} at ${bucketDeploymentHandler}`),
      ].sort(),
    );
  });
});
