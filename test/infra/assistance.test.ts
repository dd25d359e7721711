// The assistance report's deployment: one schedule per programme entry in its time zone, the function's narrow grants.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { App, CfnElement, type Stack } from "aws-cdk-lib";
import { Match, Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { programme } from "../../events/programme.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { StatefulStack } from "../../infra/stateful-stack.ts";
import { MAIL_DEFAULTS, StatelessStack, scheduleExpressionOf } from "../../infra/stateless-stack.ts";

function cdkContext(): Record<string, unknown> {
  const cdkJson: { context?: Record<string, unknown> } = JSON.parse(
    readFileSync(fileURLToPath(new URL("../../cdk.json", import.meta.url)), "utf8"),
  );
  return cdkJson.context ?? {};
}

const app = new App({ context: cdkContext() });
const { stateless } = buildApp(app);
app.synth();
const template = Template.fromStack(stateless);

interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

function logicalId(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild;
  if (!(child instanceof CfnElement)) throw new Error("construct has no CloudFormation element");
  return stack.getLogicalId(child);
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}

const resources = (type: string) => template.findResources(type) as Record<string, Resource>;
const actionsOf = (statement: Statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]);

function roleStatements(roleId: string): Statement[] {
  return Object.values(resources("AWS::IAM::Policy"))
    .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
    .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const reportFunctionId = logicalId(stateless, stateless.assistanceReportFunction.function);
const reportRoleId = logicalId(stateless, stateless.assistanceReportFunction.role);
const queueId = logicalId(stateless, stateless.scheduleDeadLetters);

describe("assistance-report schedules", () => {
  it("has one schedule per programme entry, in its time zone, invoking the report function with its input", () => {
    const schedules = Object.values(resources("AWS::Scheduler::Schedule"));
    expect(schedules).toHaveLength(programme.schedules.length);
    expect(programme.schedules.filter((entry) => entry.target === "assistance-report")).toHaveLength(3);
    for (const entry of programme.schedules) {
      const schedule = schedules.find((candidate) => candidate.Properties.Description === entry.description);
      expect(schedule?.Properties, entry.id).toMatchObject({
        ScheduleExpression: entry.expression,
        ScheduleExpressionTimezone: "America/New_York",
        State: "ENABLED",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: {
          Arn: { "Fn::GetAtt": [reportFunctionId, "Arn"] },
          Input: JSON.stringify(entry.input ?? {}),
          RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: { Arn: { "Fn::GetAtt": [queueId, "Arn"] } },
        },
      });
    }
    expect(schedules.map((schedule) => schedule.Properties.ScheduleExpression).sort()).toEqual(
      ["cron(0 6 10 12 ? *)", "cron(0 6 20 4 ? *)", "cron(0 6 20 8 ? *)"].sort(),
    );
  });

  it("lets the schedules' role invoke exactly the report function and write to the dead-letter queue", () => {
    const schedule = must(Object.values(resources("AWS::Scheduler::Schedule"))[0], "schedule");
    const target = schedule.Properties.Target as { RoleArn: { "Fn::GetAtt": [string, string] } };
    const roleId = target.RoleArn["Fn::GetAtt"][0];
    const role = resources("AWS::IAM::Role")[roleId];
    expect(JSON.stringify(role?.Properties.AssumeRolePolicyDocument)).toContain("scheduler.amazonaws.com");
    const statements = roleStatements(roleId);
    const invoke = statements.filter((statement) => actionsOf(statement).includes("lambda:InvokeFunction"));
    expect(invoke).toEqual([
      { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: { "Fn::GetAtt": [reportFunctionId, "Arn"] } },
    ]);
    for (const statement of statements) {
      expect(JSON.stringify(statement.Resource)).not.toContain("*");
      for (const action of actionsOf(statement)) expect(action).not.toContain("*");
    }
    expect(statements.flatMap(actionsOf)).toContain("sqs:SendMessage");
  });

  it("keeps failed invocations in an encrypted queue that refuses plain HTTP", () => {
    const queue = resources("AWS::SQS::Queue")[queueId];
    expect(queue?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 });
    const policies = Object.values(resources("AWS::SQS::QueuePolicy")).filter((policy) =>
      JSON.stringify(policy.Properties.Queues).includes(queueId),
    );
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
  });

  it("builds cron, at and rate expressions in the entry's time zone", () => {
    const cron = scheduleExpressionOf({ expression: "cron(0 6 20 4 ? *)", timezone: "America/New_York" });
    expect([cron.expressionString, cron.timeZone?.timezoneName]).toEqual(["cron(0 6 20 4 ? *)", "America/New_York"]);
    const weekly = scheduleExpressionOf({ expression: "cron(30 8 ? * MON-FRI *)", timezone: "Europe/Vienna" });
    expect(weekly.expressionString).toBe("cron(30 8 ? * MON-FRI *)");
    const once = scheduleExpressionOf({ expression: "at(2026-04-20T06:00:00)", timezone: "America/New_York" });
    expect([once.expressionString, once.timeZone?.timezoneName]).toEqual([
      "at(2026-04-20T06:00:00)",
      "America/New_York",
    ]);
    expect(scheduleExpressionOf({ expression: "rate(2 hours)", timezone: "UTC" }).expressionString).toBe(
      "rate(2 hours)",
    );
  });

  it("refuses a programme entry whose target has no function in the stack", () => {
    const other = new App({ context: cdkContext() });
    const stateful = new StatefulStack(other, "S");
    expect(
      () =>
        new StatelessStack(other, "L", {
          deskTable: stateful.deskTable,
          auditTable: stateful.auditTable,
          programme: {
            year: 2026,
            schedules: [
              {
                id: "first-reminder",
                description: "letters",
                expression: "cron(0 9 1 3 ? *)",
                timezone: "Europe/Zurich",
                target: "dispatch",
              },
            ],
          },
        }),
    ).toThrow(/first-reminder targets "dispatch"/);
  });
});

describe("assistance-report function", () => {
  it("runs Node 24 on ARM with the tables, the sender and the secretariat's address in its environment", () => {
    const fn = must(resources("AWS::Lambda::Function")[reportFunctionId], "report function");
    expect(fn.Properties).toMatchObject({ Runtime: "nodejs24.x", Architectures: ["arm64"], Timeout: 60 });
    const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables)).toEqual(expect.arrayContaining(["DESK_TABLE", "AUDIT_TABLE"]));
    expect(variables).toMatchObject({
      MAIL_FROM: MAIL_DEFAULTS.mailFrom,
      SECRETARIAT_EMAIL: MAIL_DEFAULTS.secretariatEmail,
    });
    expect(variables).not.toHaveProperty("SES_ENDPOINT");
  });

  it("has no Scan, no DeleteItem and no wildcard action; only appends to the audit table", () => {
    const statements = roleStatements(reportRoleId);
    const actions = statements.flatMap(actionsOf);
    expect(actions).toEqual(expect.arrayContaining(["dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"]));
    for (const action of actions) {
      expect(action).not.toBe("dynamodb:Scan");
      expect(action).not.toBe("dynamodb:DeleteItem");
      expect(action).not.toContain("*");
    }
    const auditId = JSON.stringify(
      statements.find((statement) => JSON.stringify(statement.Resource).includes("audit"))?.Resource,
    );
    expect(auditId).toBeDefined();
    const onAudit = statements.filter((statement) => JSON.stringify(statement.Resource) === auditId);
    expect(onAudit.flatMap(actionsOf)).toEqual(["dynamodb:PutItem"]);
    expect(resources("AWS::IAM::Role")[reportRoleId]?.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it("may send mail only from the configured address", () => {
    const ses = roleStatements(reportRoleId).filter((statement) =>
      actionsOf(statement).some((a) => a.startsWith("ses:")),
    );
    expect(ses).toHaveLength(1);
    expect(actionsOf(ses[0] as Statement).sort()).toEqual(["ses:SendEmail", "ses:SendRawEmail"]);
    expect(ses[0]?.Condition).toEqual({ StringEquals: { "ses:FromAddress": MAIL_DEFAULTS.mailFrom } });
  });
});

describe("operator alarms", () => {
  it("alarm on schedule dead letters and report failures, notifying an encrypted, TLS-only operators topic", () => {
    const topicId = logicalId(stateless, stateless.operatorsTopic);
    template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: Match.anyValue() });
    const alarms = Object.values(template.findResources("AWS::CloudWatch::Alarm")) as Resource[];
    const byMetric = new Map(alarms.map((alarm) => [alarm.Properties.MetricName, alarm.Properties]));
    expect(byMetric.get("ApproximateNumberOfMessagesVisible")).toMatchObject({
      Namespace: "AWS/SQS",
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      AlarmActions: [{ Ref: topicId }],
    });
    expect(byMetric.get("Errors")).toMatchObject({ Namespace: "AWS/Lambda", AlarmActions: [{ Ref: topicId }] });
    const policies = Object.values(template.findResources("AWS::SNS::TopicPolicy")) as Resource[];
    expect(JSON.stringify(policies)).toContain("aws:SecureTransport");
  });
});
