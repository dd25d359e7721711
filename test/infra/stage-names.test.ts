// Two stages in one account and region (the promise of infra/stage.ts): no physical name the templates set is the same
// in both, or the second stage's deploy fails on a name the first one holds (ADR 0046).
import type { Stack } from "aws-cdk-lib";
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp, type DeskApp } from "../../infra/desk-app.ts";
import { newApp, STAGE_CONTEXT } from "./desk-template.ts";

/** A name the template sets: where it is, and its value once CloudFormation's pseudo parameters are filled in. */
interface PhysicalName {
  where: string;
  value: string;
}

/**
 * Keys that end in "Name" but name no account- or region-wide thing: each is scoped to its parent resource, or names
 * something that already exists (an AWS-managed rule group, a metric), so two stages may share it.
 */
const NOT_PHYSICAL: Record<string, string> = {
  AttributeName: "a DynamoDB attribute, within its table",
  IndexName: "a secondary index, within its table",
  MetricName: "a CloudWatch or WAF metric: many resources publish under one metric name",
  PolicyName: "an inline IAM policy, within its role",
  GroupName: "a Cognito group, within its user pool",
  ScopeName: "an OAuth scope, within its resource server",
  RuleName: "an AWS Backup rule, within its plan",
  SelectionName: "an AWS Backup selection, within its plan",
  StageName: "an API Gateway stage, within its API",
  VendorName: "the vendor of a managed WAF rule group (AWS)",
  DisplayName: "the display name of an SNS topic, not its identity",
};
/** Keys named "Name" that are not physical names, by where they sit. */
const NOT_PHYSICAL_NAME_AT: [RegExp, string][] = [
  [/\.Dimensions\[\d+\]\.Name$/, "a CloudWatch metric's dimension"],
  [/\.RecoveryMechanisms\[\d+\]\.Name$/, "a Cognito account recovery mechanism"],
  [/^AWS::WAFv2::WebACL .*\.Rules\[\d+\]\.Name$/, "a rule, within its web ACL"],
  [/\.ManagedRuleGroupStatement\.Name$/, "the AWS-managed rule group a rule runs"],
  [/\.RuleActionOverrides\[\d+\]\.Name$/, "a rule within an AWS-managed rule group"],
  [/^AWS::ApiGatewayV2::Authorizer [^.]+\.Name$/, "an authorizer, within its API"],
  [/^AWS::Cognito::UserPoolResourceServer [^.]+\.Name$/, "a resource server's display name, within its user pool"],
  [/^AWS::ApiGatewayV2::Api [^.]+\.Name$/, "an HTTP API's name, which API Gateway does not require to be unique"],
];
/** Keys that do not end in "Name" but are names the account (or the world) holds once. */
const OTHER_NAME_KEYS = new Set(["Domain", "EmailIdentity"]);

function pseudo(stack: Stack): Record<string, string> {
  return {
    "AWS::Region": stack.region,
    "AWS::AccountId": stack.account,
    "AWS::StackName": stack.stackName,
    "AWS::Partition": "aws",
    "AWS::URLSuffix": "amazonaws.com",
  };
}

/** The value as a string when it is literal or built from literals and pseudo parameters; otherwise a reference. */
function literal(value: unknown, stack: Stack): string | undefined {
  if (typeof value === "string") return value;
  if (!value || typeof value !== "object") return undefined;
  const [[fn, args] = []] = Object.entries(value);
  if (fn === "Ref" && typeof args === "string") return pseudo(stack)[args];
  if (fn === "Fn::Join" && Array.isArray(args)) {
    const [separator, parts] = args as [string, unknown[]];
    const resolved = parts.map((part) => literal(part, stack));
    return resolved.every((part) => part !== undefined) ? resolved.join(separator) : undefined;
  }
  if (fn === "Fn::Sub" && typeof args === "string") {
    const names = pseudo(stack);
    const filled = args.replace(/\$\{([^}]+)\}/g, (whole, name: string) => names[name] ?? whole);
    return filled.includes("${") ? undefined : filled;
  }
  return undefined;
}

function isPhysicalName(key: string, where: string): boolean {
  if (!key.endsWith("Name") && !OTHER_NAME_KEYS.has(key)) return false;
  if (key in NOT_PHYSICAL) return false;
  return !NOT_PHYSICAL_NAME_AT.some(([pattern]) => pattern.test(where));
}

/** Every physical name a stage's templates set, with export names and the cross-region exports' SSM parameters. */
function physicalNames(app: DeskApp): PhysicalName[] {
  const found: PhysicalName[] = [];
  for (const stack of [app.stateful, app.stateless, app.edge]) {
    const template = Template.fromStack(stack).toJSON() as {
      Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
      Outputs?: Record<string, { Export?: { Name: unknown } }>;
    };
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== "object") return;
      const entries = Array.isArray(node)
        ? node.map((item, index) => [`[${index}]`, item] as const)
        : Object.entries(node).map(([key, value]) => [`.${key}`, value] as const);
      for (const [step, value] of entries) {
        const name = literal(value, stack);
        if (name !== undefined && isPhysicalName(step.slice(1), where + step))
          found.push({ where: where + step, value: name });
        else walk(value, where + step);
      }
    };
    for (const [id, resource] of Object.entries(template.Resources)) {
      walk(resource.Properties, `${resource.Type} ${id}`);
      if (resource.Type === "Custom::CrossRegionExportWriter") {
        const writer = resource.Properties?.WriterProps as { exports: Record<string, unknown> } | undefined;
        const exports = writer?.exports ?? {};
        for (const parameter of Object.keys(exports)) found.push({ where: `${id} SSM parameter`, value: parameter });
      }
    }
    for (const [id, output] of Object.entries(template.Outputs ?? {})) {
      const name = output.Export && literal(output.Export.Name, stack);
      if (name) found.push({ where: `Output ${id}.Export.Name`, value: name });
    }
  }
  return found;
}

const ZONE = { hostedZone: "Z0123456789ABC", hostedZoneName: "un.example" };

describe.each([
  { names: "CloudFront's own", staging: {}, prod: {}, alsoSet: [] },
  {
    // A custom domain is one stage's (CloudFront takes an alias once): its certificate and records carry it.
    names: "a custom domain each",
    staging: { ...ZONE, domain: "desk-staging.un.example" },
    prod: { ...ZONE, domain: "desk.un.example" },
    alsoSet: [/^AWS::CertificateManager::Certificate \w+\.DomainName$/m, /^AWS::Route53::RecordSet \w+\.Name$/m],
  },
])("two stages in one account and region, with $names", ({ staging: stagingContext, prod: prodContext, alsoSet }) => {
  const staging = physicalNames(buildApp(newApp({ context: { stage: "staging", ...stagingContext } })));
  // Stages that share an account and region send from different domains: an SES identity exists once in them.
  const prod = physicalNames(
    buildApp(newApp({ context: { stage: "prod", mailFrom: "desk-1540@prod.un.example", ...prodContext } })),
  );

  it("compare the physical names they set, the ones that collided before among them", () => {
    const where = staging.map((name) => name.where).join("\n");
    for (const expected of [
      /^AWS::Backup::BackupVault \w+\.BackupVaultName$/m,
      /^AWS::Backup::BackupPlan \w+\.BackupPlan\.BackupPlanName$/m,
      /^AWS::CloudFront::Function \w+\.Name$/m,
      /^AWS::Cognito::UserPoolDomain \w+\.Domain$/m,
      /^AWS::Scheduler::ScheduleGroup \w+\.Name$/m,
      /^AWS::CloudFront::ResponseHeadersPolicy \w+\.ResponseHeadersPolicyConfig\.Name$/m,
      /^AWS::CloudFront::OriginAccessControl \w+\.OriginAccessControlConfig\.Name$/m,
      / SSM parameter$/m,
      ...alsoSet,
    ]) {
      expect(where).toMatch(expected);
    }
    expect(prod.map((name) => name.where).sort()).toEqual(staging.map((name) => name.where).sort());
  });

  it("share none of them", () => {
    const prodValues = new Set(prod.map((name) => name.value));
    const shared = staging.filter((name) => prodValues.has(name.value));
    expect(shared, `names both stages set in ${STAGE_CONTEXT.account}/${STAGE_CONTEXT.region}`).toEqual([]);
  });
});
