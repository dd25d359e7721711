// Issue 14 on the synthesized templates: sign-in with code + PKCE and access tokens only, the SES identity, alarms
// that can be delivered, the front door, stages, tracing, the dashboard and the load alarms, and the backups.
import { Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { API_SCOPE } from "../../infra/api-scope.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { DeskFunction } from "../../infra/desk-function.ts";
import { HSTS_MAX_AGE, MANAGED_RULE_GROUPS } from "../../infra/front-door.ts";
import { API_5XX_THRESHOLD, WAVE_QUEUE_MAX_AGE } from "../../infra/observability.ts";
import { LOGIN_REDIRECT_URI } from "../../infra/sign-in.ts";
import { OPEN_ROUTE_THROTTLE, STAGE_THROTTLE } from "../../infra/stateless-stack.ts";
import { logicalId, newApp, type Resource, resourcesOf, STAGE_CONTEXT, type Statement } from "./desk-template.ts";

// One synth of the default stage, and one with the optional context (hosted zone, alarm e-mail).
const { stateful, stateless, edge } = buildApp(newApp());
const template = Template.fromStack(stateless);
const statefulTemplate = Template.fromStack(stateful);
const edgeTemplate = Template.fromStack(edge);
const optional = buildApp(
  newApp({ context: { hostedZone: "Z0123456789ABC", hostedZoneName: "un.example", alarmEmail: "ops@un.example" } }),
);
const optionalTemplate = Template.fromStack(optional.stateless);

const id = (construct: { node: { defaultChild?: unknown } }) => logicalId(stateless, construct);
const only = (found: Record<string, Resource>, what: string): Resource => {
  const values = Object.values(found);
  expect(values, what).toHaveLength(1);
  const [value] = values;
  if (!value) throw new Error(`no ${what}`);
  return value;
};
const statementsOf = (resource: Resource, property: string) =>
  (resource.Properties[property] as { Statement: (Statement & { Principal?: unknown; Sid?: string })[] }).Statement;
const alarms = Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).map((alarm) => alarm.Properties);
const functions = stateless.node.findAll().filter((construct) => construct instanceof DeskFunction);

describe("sign-in", () => {
  it("requires TOTP (no SMS) for every account", () => {
    template.hasResourceProperties("AWS::Cognito::UserPool", {
      MfaConfiguration: "ON",
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
    });
  });

  it("has a managed login domain, styled, for the one staff client", () => {
    template.hasResourceProperties("AWS::Cognito::UserPoolDomain", {
      Domain: `desk1540-dev-${STAGE_CONTEXT.account}`,
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties("AWS::Cognito::ManagedLoginBranding", {
      ClientId: { Ref: id(stateless.userPoolClient) },
      UseCognitoProvidedValues: true,
    });
  });

  it("lets the staff client use the authorization code flow only, without a secret, back to localhost (and the console)", () => {
    const client = only(resourcesOf(template, "AWS::Cognito::UserPoolClient"), "app client").Properties;
    expect(client).toMatchObject({
      AllowedOAuthFlows: ["code"],
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ["COGNITO"],
    });
    expect(client.GenerateSecret ?? false).toBe(false);
    // The terminal's listener first; the console's address is the second (test/infra/console-site.test.ts).
    expect((client.CallbackURLs as unknown[])[0]).toBe(LOGIN_REDIRECT_URI);
    expect(JSON.stringify(client.AllowedOAuthScopes)).toContain("/api");
    template.hasResourceProperties("AWS::Cognito::UserPoolResourceServer", {
      Identifier: API_SCOPE.split("/")[0],
      Scopes: [{ ScopeName: "api", ScopeDescription: Match.anyValue() }],
    });
  });

  it("invites a new account to the staff console at its address, and names the terminal's sign-in too", () => {
    const pool = only(resourcesOf(template, "AWS::Cognito::UserPool"), "user pool").Properties;
    const config = pool.AdminCreateUserConfig as { InviteMessageTemplate: { EmailMessage: unknown } };
    const message = JSON.stringify(config.InviteMessageTemplate.EmailMessage);
    // Cognito refuses a template without its two placeholders.
    for (const placeholder of ["{username}", "{####}", "npm run login", "staff console at https://"]) {
      expect(message).toContain(placeholder);
    }
    const client = only(resourcesOf(template, "AWS::Cognito::UserPoolClient"), "app client").Properties;
    const consoleCallback = JSON.stringify((client.CallbackURLs as unknown[])[1]);
    // The console's address is the distribution's, the same reference its sign-in redirect uses.
    const domainRef = consoleCallback.match(/\{"Fn::GetAtt":\["[^"]+","DomainName"\]\}/)?.[0];
    expect(domainRef).toBeDefined();
    expect(message).toContain(domainRef);
  });

  it("accepts access tokens only: the client id as audience, and the API's scope on every closed route", () => {
    template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      JwtConfiguration: { Audience: [{ Ref: id(stateless.userPoolClient) }] },
    });
    const routes = Object.values(resourcesOf(template, "AWS::ApiGatewayV2::Route")).map((route) => route.Properties);
    const closed = routes.filter((route) => route.AuthorizationType === "JWT");
    expect(closed.length).toBeGreaterThan(0);
    for (const route of closed) expect(route.AuthorizationScopes, String(route.RouteKey)).toEqual([API_SCOPE]);
    for (const route of routes.filter((route) => route.AuthorizationType === "NONE")) {
      expect(route.AuthorizationScopes, String(route.RouteKey)).toBeUndefined();
    }
  });

  it("outputs what npm run login, token and users read from the stage's outputs file", () => {
    const outputs = Object.keys(template.toJSON().Outputs);
    for (const key of [
      "Region",
      "UserPoolId",
      "UserPoolClientId",
      "LoginDomainUrl",
      "LoginRedirectUri",
      "ApiScope",
      "ApiUrl",
    ]) {
      expect(outputs).toContain(key);
    }
  });
});

describe("mail identity", () => {
  it("verifies the sending domain with Easy DKIM and a custom MAIL FROM subdomain", () => {
    template.hasResourceProperties("AWS::SES::EmailIdentity", {
      EmailIdentity: "mail.un.example",
      DkimAttributes: { SigningEnabled: true },
      DkimSigningAttributes: { NextSigningKeyLength: "RSA_2048_BIT" },
      MailFromAttributes: { MailFromDomain: "bounce.mail.un.example", BehaviorOnMxFailure: "USE_DEFAULT_VALUE" },
    });
  });

  it("lists the DKIM and MAIL FROM records as outputs without a hosted zone, and creates them with one", () => {
    const outputs = Object.keys(template.toJSON().Outputs);
    for (const key of ["DkimRecord1", "DkimRecord2", "DkimRecord3", "MailFromMxRecord", "MailFromTxtRecord"]) {
      expect(outputs.some((output) => output.startsWith(`Mail${key}`))).toBe(true);
    }
    template.resourceCountIs("AWS::Route53::RecordSet", 0);
    const records = Object.values(resourcesOf(optionalTemplate, "AWS::Route53::RecordSet")).map(
      (record) => record.Properties,
    );
    expect(records.filter((record) => record.Type === "CNAME")).toHaveLength(3);
    expect(records.map((record) => record.Type).sort()).toEqual(["CNAME", "CNAME", "CNAME", "MX", "TXT"]);
    for (const record of records) expect(record.HostedZoneId).toBe("Z0123456789ABC");
    expect(Object.keys(optionalTemplate.toJSON().Outputs)).not.toContain("MailDkimRecord1");
  });

  it("verifies the sending domain, not the hosted zone's, and writes its five records into the zone", () => {
    // The zone of the sending domain itself, and one of its parent (-c hostedZoneName=un.example).
    const sameZone = buildApp(newApp({ context: { hostedZone: "Z0123456789ABC" } })).stateless;
    for (const [stack, zoned] of [
      [sameZone, Template.fromStack(sameZone)],
      [optional.stateless, optionalTemplate],
    ] as const) {
      const identity = logicalId(stack, stack.mail.identity);
      expect(only(resourcesOf(zoned, "AWS::SES::EmailIdentity"), "identity").Properties.EmailIdentity).toBe(
        "mail.un.example",
      );
      const dkim = [1, 2, 3].map((n) => ({
        Type: "CNAME",
        Name: { "Fn::GetAtt": [identity, `DkimDNSTokenName${n}`] },
        ResourceRecords: [{ "Fn::GetAtt": [identity, `DkimDNSTokenValue${n}`] }],
      }));
      const mailFrom = [
        { Type: "MX", Name: "bounce.mail.un.example.", ResourceRecords: ["10 feedback-smtp.eu-west-1.amazonses.com"] },
        { Type: "TXT", Name: "bounce.mail.un.example.", ResourceRecords: ['"v=spf1 include:amazonses.com ~all"'] },
      ];
      const records = Object.values(resourcesOf(zoned, "AWS::Route53::RecordSet")).map((record) => record.Properties);
      expect(records).toEqual(
        [...dkim, ...mailFrom].map((record) => ({ ...record, HostedZoneId: "Z0123456789ABC", TTL: "1800" })),
      );
    }
  });

  it("fails the synth when the hosted zone holds neither the sending domain nor a parent of it", () => {
    const context = { hostedZone: "Z0123456789ABC", hostedZoneName: "desk.un.example" };
    expect(() => buildApp(newApp({ context }))).toThrow(/hostedZoneName=desk.un.example must be the sending domain/);
  });

  it("gives every sender the secretariat's address for Reply-To", () => {
    for (const sender of stateless.mail.senders) {
      const variables = (template.toJSON().Resources[id(sender.function)] as Resource).Properties.Environment as {
        Variables: Record<string, unknown>;
      };
      expect(variables.Variables.SECRETARIAT_ADDRESS, sender.node.path).toBe(STAGE_CONTEXT.secretariatAddress);
    }
  });

  it("fails the synth naming a missing sender or secretariat address", () => {
    expect(() => buildApp(newApp({ context: { mailFrom: "" } }))).toThrow(/Context mailFrom is missing/);
    expect(() => buildApp(newApp({ context: { secretariatAddress: "" } }))).toThrow(
      /Context secretariatAddress is missing/,
    );
    expect(() => buildApp(newApp({ context: { mailFrom: "desk" } }))).toThrow(/mailFrom=desk is not an e-mail/);
  });
});

describe("alarms that arrive", () => {
  const topic = only(resourcesOf(template, "AWS::SNS::Topic"), "operators' topic");
  const keyId = id(stateless.node.findChild("OperatorsKey"));
  const key = resourcesOf(template, "AWS::KMS::Key")[keyId];

  it("encrypts the topic with its own rotated key, not the AWS-managed SNS key", () => {
    expect(topic.Properties.KmsMasterKeyId).toEqual({ "Fn::GetAtt": [keyId, "Arn"] });
    expect(key?.Properties.EnableKeyRotation).toBe(true);
  });

  it("lets CloudWatch make and read the topic's data keys", () => {
    const statements = key ? statementsOf(key, "KeyPolicy") : [];
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: ["kms:Decrypt", "kms:GenerateDataKey*"],
        Resource: "*",
      }),
    );
  });

  it("allows CloudWatch alarms of this account, and only those, to publish; plain HTTP stays refused", () => {
    const policy = only(resourcesOf(template, "AWS::SNS::TopicPolicy"), "topic policy");
    const statements = statementsOf(policy, "PolicyDocument");
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: "Allow",
        Principal: { Service: "cloudwatch.amazonaws.com" },
        Action: "sns:Publish",
        Resource: { Ref: id(stateless.operatorsTopic) },
        Condition: {
          StringEquals: { "aws:SourceAccount": STAGE_CONTEXT.account },
          ArnLike: {
            "aws:SourceArn": {
              "Fn::Join": [
                "",
                [
                  "arn:",
                  { Ref: "AWS::Partition" },
                  `:cloudwatch:${STAGE_CONTEXT.region}:${STAGE_CONTEXT.account}:alarm:*`,
                ],
              ],
            },
          },
        },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: "Deny", Condition: { Bool: { "aws:SecureTransport": "false" } } }),
    );
  });

  it("subscribes the address given with -c alarmEmail, and none without it", () => {
    template.resourceCountIs("AWS::SNS::Subscription", 0);
    optionalTemplate.hasResourceProperties("AWS::SNS::Subscription", { Protocol: "email", Endpoint: "ops@un.example" });
  });

  it("points every alarm to its runbook section, and the dead wave letters to redrive and redispatch", () => {
    for (const alarm of alarms) expect(alarm.AlarmDescription).toMatch(/Runbook: docs\/operations\.md, "Alarm \w+"\.$/);
    const deadLetters = alarms.find((alarm) => String(alarm.AlarmDescription).startsWith("A wave message's key"));
    expect(deadLetters?.AlarmDescription).toContain("npm run ops -- redrive --stage");
    expect(deadLetters?.AlarmDescription).toContain("POST /waves/{id}/redispatch");
    expect(JSON.stringify(alarms)).not.toContain("dispatch the wave again");
  });
});

describe("front door", () => {
  it("keeps the web ACL in us-east-1, for CloudFront, with AWS's managed rules and a per-IP rate rule", () => {
    expect(Stack.of(edge).region).toBe("us-east-1");
    expect(edge.stackName).toBe("Desk1540-dev-Edge");
    const acl = only(resourcesOf(edgeTemplate, "AWS::WAFv2::WebACL"), "web ACL").Properties;
    expect(acl.Scope).toBe("CLOUDFRONT");
    const rules = acl.Rules as { Name: string; Statement: Record<string, { Name?: string; Limit?: number }> }[];
    expect(rules.map((rule) => rule.Statement.ManagedRuleGroupStatement?.Name).filter(Boolean)).toEqual([
      ...MANAGED_RULE_GROUPS,
    ]);
    expect(rules.find((rule) => rule.Name === "PerIpRateLimit")?.Statement.RateBasedStatement).toMatchObject({
      Limit: 1000,
      AggregateKeyType: "IP",
    });
  });

  it("puts CloudFront with that ACL before the API: uncached, every method, the viewer's headers but Host", () => {
    const distribution = only(resourcesOf(template, "AWS::CloudFront::Distribution"), "distribution").Properties
      .DistributionConfig as Record<string, unknown>;
    // The ACL's ARN crosses regions through CDK's reader, which reads the parameter the edge stack writes.
    expect(JSON.stringify(distribution.WebACLId)).toContain("ExportsReader");
    expect(distribution.DefaultCacheBehavior).toMatchObject({
      AllowedMethods: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
      CachePolicyId: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
      OriginRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac",
      ViewerProtocolPolicy: "https-only",
    });
    expect(JSON.stringify(distribution.Origins)).toContain(id(stateless.api));
  });

  it("sends HSTS for two years and nosniff on every API answer, API Gateway's own included", () => {
    const distribution = only(resourcesOf(template, "AWS::CloudFront::Distribution"), "distribution").Properties
      .DistributionConfig as { DefaultCacheBehavior: { ResponseHeadersPolicyId: unknown } };
    const policyId = JSON.stringify(distribution.DefaultCacheBehavior.ResponseHeadersPolicyId);
    const policy = Object.entries(resourcesOf(template, "AWS::CloudFront::ResponseHeadersPolicy")).find(([logical]) =>
      policyId.includes(logical),
    )?.[1];
    if (!policy) throw new Error("the API behaviour has no response headers policy of this stack");
    const config = policy.Properties.ResponseHeadersPolicyConfig as Record<string, Record<string, unknown>>;
    const security = config.SecurityHeadersConfig;
    expect(security?.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: HSTS_MAX_AGE.toSeconds(),
      IncludeSubdomains: true,
      Override: true,
    });
    expect(security?.ContentTypeOptions).toEqual({ Override: true });
    // The console's CSP is the console's: the API's answers are JSON, and its docs page sets its own.
    expect(security?.ContentSecurityPolicy).toBeUndefined();
  });

  it("throttles the open routes well below the stage's default", () => {
    const stage = only(resourcesOf(template, "AWS::ApiGatewayV2::Stage"), "stage").Properties;
    expect(stage.DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: STAGE_THROTTLE.burstLimit,
      ThrottlingRateLimit: STAGE_THROTTLE.rateLimit,
    });
    const open = {
      ThrottlingBurstLimit: OPEN_ROUTE_THROTTLE.burstLimit,
      ThrottlingRateLimit: OPEN_ROUTE_THROTTLE.rateLimit,
    };
    const openPaths = ["/", "/health", "/openapi.json", "/docs", "/docs/{asset}", "/calendar/{feed}"];
    expect(stage.RouteSettings).toEqual(
      Object.fromEntries(openPaths.flatMap((path) => [`GET ${path}`, `HEAD ${path}`]).map((key) => [key, open])),
    );
    expect(OPEN_ROUTE_THROTTLE.rateLimit).toBeLessThan(STAGE_THROTTLE.rateLimit / 5);
  });

  it("logs the caller's subject, the request id and the integration latency", () => {
    const stage = only(resourcesOf(template, "AWS::ApiGatewayV2::Stage"), "stage").Properties;
    const format = JSON.parse(String((stage.AccessLogSettings as { Format: string }).Format)) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: "$context.requestId",
      sub: "$context.authorizer.claims.sub",
      integrationLatency: "$context.integrationLatency",
    });
  });
});

describe("stages", () => {
  it("names every stack by its stage, pinned to the account and region given", () => {
    const staging = buildApp(newApp({ context: { stage: "staging" } }));
    const prod = buildApp(newApp({ context: { stage: "prod" } }));
    const names = (app: typeof staging) => [app.stateful, app.stateless, app.edge].map((stack) => stack.stackName);
    expect(names(staging)).toEqual([
      "Desk1540-staging-Stateful",
      "Desk1540-staging-Stateless",
      "Desk1540-staging-Edge",
    ]);
    expect(names(prod)).toEqual(["Desk1540-prod-Stateful", "Desk1540-prod-Stateless", "Desk1540-prod-Edge"]);
    expect(Stack.of(prod.stateless).account).toBe(STAGE_CONTEXT.account);
    expect(Stack.of(prod.stateless).region).toBe(STAGE_CONTEXT.region);
    // The login domain is global: one per stage and account.
    expect(prod.stateless.signIn.domain.domainName).not.toBe(staging.stateless.signIn.domain.domainName);
  });

  it("refuses a synth without an account or region, or with a malformed stage name", () => {
    const saved = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
    delete process.env.CDK_DEFAULT_ACCOUNT;
    delete process.env.CDK_DEFAULT_REGION;
    try {
      expect(() => buildApp(newApp({ context: { account: "" } }))).toThrow(/account is missing/);
      expect(() => buildApp(newApp({ context: { region: "" } }))).toThrow(/region is missing/);
    } finally {
      if (saved.account) process.env.CDK_DEFAULT_ACCOUNT = saved.account;
      if (saved.region) process.env.CDK_DEFAULT_REGION = saved.region;
    }
    expect(() => buildApp(newApp({ context: { stage: "Prod!" } }))).toThrow(/stage=Prod! must be/);
  });
});

describe("observability", () => {
  it("traces every function with X-Ray", () => {
    for (const fn of functions) {
      expect(template.toJSON().Resources[id(fn.function)].Properties.TracingConfig, fn.node.path).toEqual({
        Mode: "Active",
      });
    }
  });

  it("alarms on API 5xx and p99 latency", () => {
    expect(alarms).toContainEqual(
      expect.objectContaining({
        Namespace: "AWS/ApiGateway",
        MetricName: "5xx",
        Statistic: "Sum",
        Threshold: API_5XX_THRESHOLD,
      }),
    );
    expect(alarms).toContainEqual(
      expect.objectContaining({ Namespace: "AWS/ApiGateway", MetricName: "Latency", ExtendedStatistic: "p99" }),
    );
  });

  it("alarms on throttles of every function, and of both tables", () => {
    for (const fn of functions) {
      const found = alarms.filter(
        (alarm) =>
          alarm.MetricName === "Throttles" &&
          JSON.stringify(alarm.Dimensions) ===
            JSON.stringify([{ Name: "FunctionName", Value: { Ref: id(fn.function) } }]),
      );
      expect(found, fn.node.path).toHaveLength(1);
    }
    for (const table of [stateful.deskTable, stateful.auditTable]) {
      const tableName = JSON.stringify(stateless.resolve(table.tableName));
      const found = alarms.filter(
        (alarm) =>
          JSON.stringify(alarm.Metrics ?? []).includes("ReadThrottleEvents") &&
          JSON.stringify(alarm.Metrics).includes(tableName),
      );
      expect(found, tableName).toHaveLength(1);
      expect(JSON.stringify(found[0]?.Metrics)).toContain("WriteThrottleEvents");
    }
  });

  it("alarms when the wave queue's oldest key is old, and when dispatch nears its timeout", () => {
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: "ApproximateAgeOfOldestMessage",
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [id(stateless.wavePipeline.queue), "QueueName"] } }],
        Threshold: WAVE_QUEUE_MAX_AGE.toSeconds(),
      }),
    );
    const dispatchTimeoutMs =
      Number(template.toJSON().Resources[id(stateless.wavePipeline.dispatchFunction.function)].Properties.Timeout) *
      1000;
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: "Duration",
        Statistic: "Maximum",
        Dimensions: [{ Name: "FunctionName", Value: { Ref: id(stateless.wavePipeline.dispatchFunction.function) } }],
        Threshold: 0.8 * dispatchTimeoutMs,
      }),
    );
  });

  it("draws one dashboard: API, letters, queues, reputation, scheduled runs and tables", () => {
    const dashboard = only(resourcesOf(template, "AWS::CloudWatch::Dashboard"), "dashboard");
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    for (const part of [
      "API requests",
      "API errors",
      "API latency",
      "MessagesSent",
      "MessagesFailed",
      "MessagesUnknown",
      "ApproximateAgeOfOldestMessage",
      "Dead letters",
      "Reputation.BounceRate",
      "Reputation.ComplaintRate",
      "snapshot runs",
      "assistance report runs",
      "Table throttles",
    ]) {
      expect(body, part).toContain(part);
    }
  });
});

describe("backups", () => {
  it("backs up both tables daily into the desk's own vault, encrypted with its own key, for 35 days", () => {
    const vault = only(resourcesOf(statefulTemplate, "AWS::Backup::BackupVault"), "vault");
    const vaultKey = logicalId(stateful, stateful.backups.key);
    expect(vault.Properties.EncryptionKeyArn).toEqual({ "Fn::GetAtt": [vaultKey, "Arn"] });
    expect(vault.DeletionPolicy).toBe("Retain");
    statefulTemplate.hasResourceProperties("AWS::KMS::Key", { EnableKeyRotation: true });
    const plan = only(resourcesOf(statefulTemplate, "AWS::Backup::BackupPlan"), "plan").Properties.BackupPlan as {
      BackupPlanRule: Record<string, unknown>[];
    };
    expect(plan.BackupPlanRule).toEqual([
      expect.objectContaining({
        ScheduleExpression: "cron(0 3 * * ? *)",
        Lifecycle: { DeleteAfterDays: 35 },
        TargetBackupVault: { "Fn::GetAtt": [logicalId(stateful, stateful.backups.vault), "BackupVaultName"] },
      }),
    ]);
    const selection = only(resourcesOf(statefulTemplate, "AWS::Backup::BackupSelection"), "selection").Properties
      .BackupSelection as { Resources: unknown[] };
    expect(selection.Resources).toEqual([
      { "Fn::GetAtt": [logicalId(stateful, stateful.deskTable), "Arn"] },
      { "Fn::GetAtt": [logicalId(stateful, stateful.auditTable), "Arn"] },
    ]);
    // The selection's role both backs up and restores (the runbook restores with it).
    const roles = JSON.stringify(resourcesOf(statefulTemplate, "AWS::IAM::Role"));
    expect(roles).toContain("AWSBackupServiceRolePolicyForBackup");
    expect(roles).toContain("AWSBackupServiceRolePolicyForRestores");
  });
});
