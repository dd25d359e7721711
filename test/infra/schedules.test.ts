// What the programme runs: one schedule per programme entry in its time zone with retries and a dead-letter queue (the
// programme's waves included), the schedules' narrow role, and the scheduled functions' grants.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { programme } from "../../events/programme.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { scheduleExpressionOf } from "../../infra/programme-schedules.ts";
import { StatefulStack } from "../../infra/stateful-stack.ts";
import { StatelessStack } from "../../infra/stateless-stack.ts";
import { programmeWaveInputSchema } from "../../shared/waves/programme-wave-schema.ts";
import {
  actionsOf,
  environmentOf,
  logicalId,
  must,
  newApp,
  type Resource,
  resource,
  resourcesOf,
  roleStatements,
  STAGE_CONTEXT,
  type Statement,
} from "./desk-template.ts";

const app = newApp();
const { stateful, stateless } = buildApp(app);
const template = Template.fromStack(stateless);

const functionIds: Record<string, string> = {
  "assistance-report": logicalId(stateless, stateless.assistanceReportFunction.function),
  "wave-dispatch": logicalId(stateless, stateless.wavePipeline.dispatchFunction.function),
  snapshot: logicalId(stateless, stateless.snapshotFunction.function),
  "programme-reminders": logicalId(stateless, stateless.programmeRemindersFunction.function),
};
const deadLettersId = logicalId(stateless, stateless.scheduleDeadLetters);
const sweepId = logicalId(stateless, stateless.waveSweep.sweepFunction.function);
// The programme's schedules; the wave sweep's own (every 15 minutes) is tested in wave-sweep.test.ts.
const schedules = Object.values(resourcesOf(template, "AWS::Scheduler::Schedule")).filter(
  (schedule) => !JSON.stringify(schedule.Properties.Target).includes(sweepId),
);

interface Target {
  Arn: { "Fn::GetAtt": [string, string] };
  RoleArn: { "Fn::GetAtt": [string, string] };
  Input: string;
  RetryPolicy: unknown;
  DeadLetterConfig: unknown;
}
const targetOf = (schedule: Resource) => schedule.Properties.Target as Target;

/** The programme's recurring letters (issue 6): key, template, audience, and the month they go out in. */
const programmeWaves = [
  ["first-report-request", "programme-first-report-request", "non-reporting-states", "3"],
  ["resolution-2663-letter", "programme-resolution-2663-letter", "reporting-states", "3"],
  ["point-of-contact-update-states", "programme-point-of-contact-update", "all-states", "3"],
  ["point-of-contact-update-organizations", "programme-point-of-contact-update", "organizations", "3"],
  ["provider-offer-update", "programme-provider-offer-update", "assistance-providers", "5"],
  ["open-briefing-invitation-states", "programme-effective-practices-invitation", "all-states", "9"],
  ["open-briefing-invitation-organizations", "programme-open-briefing-invitation", "organizations", "9"],
] as const;

describe("the programme's schedules", () => {
  it("has exactly one schedule per programme entry, in its time zone, invoking its function with its input", () => {
    expect(schedules).toHaveLength(programme.schedules.length);
    for (const entry of programme.schedules) {
      const matching = schedules.filter((schedule) => schedule.Properties.Description === entry.description);
      expect(matching, entry.id).toHaveLength(1);
      expect(matching[0]?.Properties, entry.id).toMatchObject({
        ScheduleExpression: entry.expression,
        ScheduleExpressionTimezone: entry.timezone,
        State: "ENABLED",
        FlexibleTimeWindow: { Mode: "OFF" },
        Target: {
          Arn: { "Fn::GetAtt": [must(functionIds[entry.target], entry.target), "Arn"] },
          Input: JSON.stringify(entry.input ?? {}),
          RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 21600 },
          DeadLetterConfig: { Arn: { "Fn::GetAtt": [deadLettersId, "Arn"] } },
        },
      });
    }
  });

  it("holds one schedule per programme wave, with the wave's input, its New York time zone and the dead-letter queue", () => {
    const waves = programme.schedules.filter((entry) => entry.target === "wave-dispatch");
    expect(waves.map((entry) => entry.id).sort()).toEqual(programmeWaves.map(([key]) => key).sort());
    for (const [key, templateId, audience, month] of programmeWaves) {
      const entry = must(
        waves.find((candidate) => candidate.id === key),
        key,
      );
      expect(entry.input, key).toStrictEqual({
        programmeWave: { key, templateId, audience, notAfterHours: 72, deadlineDays: 90 },
      });
      // What wave-dispatch parses it with.
      expect(programmeWaveInputSchema.safeParse(entry.input).success, key).toBe(true);
      const found = schedules.filter((schedule) => targetOf(schedule).Input === JSON.stringify(entry.input));
      expect(found, key).toHaveLength(1);
      const schedule = must(found[0], key);
      expect(schedule.Properties.ScheduleExpressionTimezone, key).toBe("America/New_York");
      expect(targetOf(schedule).Arn, key).toEqual({ "Fn::GetAtt": [functionIds["wave-dispatch"], "Arn"] });
      expect(targetOf(schedule).DeadLetterConfig, key).toEqual({ Arn: { "Fn::GetAtt": [deadLettersId, "Arn"] } });
      // 09:00 or 10:00 in New York, on a given weekday of the wave's month: never a weekend, never at night.
      expect(schedule.Properties.ScheduleExpression, key).toMatch(
        new RegExp(`^cron\\(0 (9|10) \\? ${month} [2-6]#[1-4] \\*\\)$`),
      );
    }
  });

  it("takes the quarterly snapshot on the first of January, April, July and October, and reminds daily", () => {
    const byTarget = (target: string) => programme.schedules.filter((entry) => entry.target === target);
    expect(byTarget("snapshot").map(({ expression, timezone, input }) => ({ expression, timezone, input }))).toEqual([
      { expression: "cron(0 6 1 1,4,7,10 ? *)", timezone: "America/New_York", input: {} },
    ]);
    expect(
      byTarget("programme-reminders").map(({ expression, timezone, input }) => ({ expression, timezone, input })),
    ).toEqual([{ expression: "cron(0 7 * * ? *)", timezone: "America/New_York", input: {} }]);
    expect(byTarget("assistance-report")).toHaveLength(3);
  });

  it("lets the schedules' role invoke exactly the scheduled functions and write to the dead-letter queue", () => {
    const roleIds = new Set(schedules.map((schedule) => targetOf(schedule).RoleArn["Fn::GetAtt"][0]));
    expect(roleIds.size).toBe(1);
    const [roleId] = [...roleIds];
    const role = resource(template, must(roleId, "schedule role"));
    expect(role.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Principal: { Service: "scheduler.amazonaws.com" },
          Condition: { StringEquals: { "aws:SourceAccount": STAGE_CONTEXT.account } },
        },
      ],
    });
    const statements = roleStatements(template, must(roleId, "schedule role"));
    const invoke = statements.filter((statement) => actionsOf(statement).includes("lambda:InvokeFunction"));
    expect(invoke).toHaveLength(1);
    const invoked = [invoke[0]?.Resource].flat() as { "Fn::GetAtt": [string, string] }[];
    expect(invoked.map((arn) => arn["Fn::GetAtt"][0]).sort()).toEqual(Object.values(functionIds).sort());
    for (const statement of statements) {
      expect(JSON.stringify(statement.Resource)).not.toContain("*");
      for (const action of actionsOf(statement)) expect(action).not.toContain("*");
    }
    expect(statements.flatMap(actionsOf).sort()).toEqual(["lambda:InvokeFunction", "sqs:SendMessage"]);
  });

  it("keeps a scheduled run that failed after Lambda's two retries in the schedules' dead-letter queue", () => {
    const configs = Object.values(resourcesOf(template, "AWS::Lambda::EventInvokeConfig"));
    for (const functionId of Object.values(functionIds)) {
      const config = configs.find((candidate) =>
        JSON.stringify(candidate.Properties.FunctionName).includes(functionId),
      );
      expect(config?.Properties, functionId).toMatchObject({
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: { "Fn::GetAtt": [deadLettersId, "Arn"] } } },
      });
    }
  });

  it("keeps failed invocations in an encrypted queue that refuses plain HTTP", () => {
    expect(resource(template, deadLettersId).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 1209600,
    });
    const policies = Object.values(resourcesOf(template, "AWS::SQS::QueuePolicy")).filter((policy) =>
      JSON.stringify(policy.Properties.Queues).includes(deadLettersId),
    );
    expect(JSON.stringify(policies)).toContain('"aws:SecureTransport":"false"');
  });

  it("builds cron, at and rate expressions in the entry's time zone", () => {
    const cron = scheduleExpressionOf({ expression: "cron(0 6 20 4 ? *)", timezone: "America/New_York" });
    expect([cron.expressionString, cron.timeZone?.timezoneName]).toEqual(["cron(0 6 20 4 ? *)", "America/New_York"]);
    const weekly = scheduleExpressionOf({ expression: "cron(30 8 ? * MON-FRI *)", timezone: "Europe/Vienna" });
    expect(weekly.expressionString).toBe("cron(30 8 ? * MON-FRI *)");
    const nth = scheduleExpressionOf({ expression: "cron(0 9 ? 3 3#2 *)", timezone: "America/New_York" });
    expect(nth.expressionString).toBe("cron(0 9 ? 3 3#2 *)");
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
    const other = newApp();
    const tables = new StatefulStack(other, "S");
    expect(
      () =>
        new StatelessStack(other, "L", {
          env: { account: STAGE_CONTEXT.account, region: STAGE_CONTEXT.region },
          stage: { name: "dev", account: STAGE_CONTEXT.account, region: STAGE_CONTEXT.region },
          webAclArn: "arn:aws:wafv2:us-east-1:123456789012:global/webacl/front/1",
          deskTable: tables.deskTable,
          auditTable: tables.auditTable,
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

describe("the scheduled functions", () => {
  const fnId = (target: string) => must(functionIds[target], target);
  const roleId = (fn: { role: { node: { defaultChild?: unknown } } }) => logicalId(stateless, fn.role);
  const auditId = logicalId(stateful, stateful.auditTable);
  const deskId = logicalId(stateful, stateful.deskTable);
  /** The actions a role has on one table (matched by the table's logical id in the cross-stack import). */
  const tableActions = (statements: Statement[], tableId: string) =>
    statements
      .filter((statement) => JSON.stringify(statement.Resource).includes(tableId))
      .flatMap(actionsOf)
      .sort();

  it("runs Node 24 on ARM with the tables in the environment; the snapshot has five minutes and 1024 MB", () => {
    for (const target of Object.keys(functionIds)) {
      const fn = resource(template, fnId(target));
      expect(fn.Properties, target).toMatchObject({ Runtime: "nodejs24.x", Architectures: ["arm64"] });
      expect(Object.keys(environmentOf(template, fnId(target))), target).toEqual(
        expect.arrayContaining(["DESK_TABLE", "AUDIT_TABLE"]),
      );
    }
    expect(resource(template, fnId("snapshot")).Properties).toMatchObject({ Timeout: 300, MemorySize: 1024 });
    expect(resource(template, fnId("assistance-report")).Properties.Timeout).toBe(60);
  });

  it("gives the report and the reminders the sender, the secretariat's address and the configuration set", () => {
    const configurationSetId = logicalId(stateless, stateless.mail.configurationSet);
    for (const target of ["assistance-report", "programme-reminders"]) {
      expect(environmentOf(template, fnId(target)), target).toMatchObject({
        MAIL_FROM: STAGE_CONTEXT.mailFrom,
        SECRETARIAT_EMAIL: STAGE_CONTEXT.secretariatAddress,
        SES_CONFIGURATION_SET: { Ref: configurationSetId },
      });
      expect(environmentOf(template, fnId(target))).not.toHaveProperty("SES_ENDPOINT");
    }
    expect(environmentOf(template, fnId("snapshot"))).not.toHaveProperty("MAIL_FROM");
  });

  it("lets the report and the reminders mail only the secretariat, only from the desk's address", () => {
    for (const fn of [stateless.assistanceReportFunction, stateless.programmeRemindersFunction]) {
      const ses = roleStatements(template, roleId(fn)).filter((statement) =>
        actionsOf(statement).some((action) => action.startsWith("ses:")),
      );
      expect(ses.map(actionsOf)).toEqual([["ses:SendEmail"]]);
      expect(ses[0]?.Condition).toEqual({
        StringEquals: { "ses:FromAddress": STAGE_CONTEXT.mailFrom },
        "ForAllValues:StringEquals": { "ses:Recipients": [STAGE_CONTEXT.secretariatAddress] },
      });
    }
  });

  it("grants each exactly its table actions: item reads and writes, no Scan, no DeleteItem, only appends to the audit", () => {
    const expected: Record<string, { desk: string[]; audit: string[] }> = {
      "assistance-report": {
        desk: ["GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem"],
        audit: ["PutItem"],
      },
      // No Scan: the snapshot reads by Query and batch reads (see infra/scheduled-functions.ts).
      snapshot: { desk: ["GetItem", "BatchGetItem", "Query", "PutItem"], audit: ["PutItem", "Query"] },
      "programme-reminders": { desk: ["GetItem", "Query", "PutItem", "UpdateItem"], audit: ["PutItem"] },
    };
    const functions = {
      "assistance-report": stateless.assistanceReportFunction,
      snapshot: stateless.snapshotFunction,
      "programme-reminders": stateless.programmeRemindersFunction,
    };
    for (const [target, fn] of Object.entries(functions)) {
      const statements = roleStatements(template, roleId(fn));
      const grants = must(expected[target], target);
      const prefixed = (actions: string[]) => actions.map((action) => `dynamodb:${action}`).sort();
      expect(tableActions(statements, deskId), target).toEqual(prefixed(grants.desk));
      expect(tableActions(statements, auditId), target).toEqual(prefixed(grants.audit));
      expect(resource(template, roleId(fn)).Properties.ManagedPolicyArns, target).toBeUndefined();
    }
  });

  it("lets the report read a State's letters (the ledger's gsi2) and their waves and templates by key", () => {
    const desk = roleStatements(template, roleId(stateless.assistanceReportFunction)).filter((statement) =>
      JSON.stringify(statement.Resource).includes(deskId),
    );
    const querying = desk.filter((statement) => actionsOf(statement).includes("dynamodb:Query"));
    expect(JSON.stringify(querying.map((statement) => statement.Resource))).toContain("/index/gsi2");
    expect(desk.flatMap(actionsOf)).toContain("dynamodb:GetItem");
  });
});
