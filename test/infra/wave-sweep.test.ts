// The wave sweep's wiring (ADR 0018): its function and grants (no Scan, the wave queue only), its 15-minute schedule run
// by a role that may invoke it alone, its failed runs kept, and its errors alarm reaching the operators.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { MISSED_WAVE_WARNING, SWEPT_LETTERS_FAILED_WARNING, WAVE_SWEEP_SCHEDULE } from "../../shared/waves/sweep.ts";
import {
  actionsOf,
  environmentOf,
  logicalId,
  newApp,
  resource,
  resourcesOf,
  roleStatements,
  type Statement,
} from "./desk-template.ts";

const app = newApp();
const { stateful, stateless } = buildApp(app);
const template = Template.fromStack(stateless);
const sweep = stateless.waveSweep;
const id = (construct: { node: { defaultChild?: unknown } }) => logicalId(stateless, construct);
const getAtt = (logical: string) => ({ "Fn::GetAtt": [logical, "Arn"] });

const functionId = id(sweep.sweepFunction.function);
const roleId = id(sweep.sweepFunction.role);
const invokerId = id(sweep.invoker);
const queueId = id(stateless.wavePipeline.queue);
const deadLettersId = id(stateless.scheduleDeadLetters);
const deskId = logicalId(stateful, stateful.deskTable);
const auditId = logicalId(stateful, stateful.auditTable);

const actionsOn = (statements: Statement[], logical: string) =>
  statements
    .filter((statement) => JSON.stringify(statement.Resource).includes(logical))
    .flatMap(actionsOf)
    .sort();

describe("the wave sweep function", () => {
  it("runs functions/wave-sweep with the tables and the wave queue, for at most 5 minutes", () => {
    const fn = resource(template, functionId).Properties;
    expect(fn.Timeout).toBe(300);
    expect(environmentOf(template, functionId)).toMatchObject({
      POWERTOOLS_SERVICE_NAME: "desk-1540-wave-sweep",
      WAVE_QUEUE_URL: { Ref: queueId },
    });
  });

  it("may read and write items as dispatch does, never Scan or delete, and send to the wave queue only", () => {
    const statements = roleStatements(template, roleId);
    expect(actionsOn(statements, deskId)).toEqual(
      ["BatchGetItem", "GetItem", "PutItem", "Query", "UpdateItem"].map((action) => `dynamodb:${action}`),
    );
    expect(actionsOn(statements, auditId)).toEqual(["dynamodb:PutItem"]);
    const sqs = statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith("sqs:")));
    expect(sqs.map((statement) => [actionsOf(statement), statement.Resource])).toEqual(
      expect.arrayContaining([[["sqs:SendMessage"], getAtt(queueId)]]),
    );
    // The other sqs:SendMessage is the failed-run destination (the dead-letter queue), which Lambda writes to.
    for (const statement of sqs) {
      expect([getAtt(queueId), getAtt(deadLettersId)]).toContainEqual(statement.Resource);
    }
    expect(JSON.stringify(statements)).not.toContain("Scan");
  });

  it("keeps a failed run in the schedules' dead-letter queue after Lambda's two retries", () => {
    const configs = Object.values(resourcesOf(template, "AWS::Lambda::EventInvokeConfig")).filter(
      (config) => JSON.stringify(config.Properties.FunctionName) === JSON.stringify({ Ref: functionId }),
    );
    expect(configs.map((config) => config.Properties)).toEqual([
      expect.objectContaining({
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: getAtt(deadLettersId) } },
      }),
    ]);
  });
});

describe("the wave sweep schedule", () => {
  const schedules = Object.values(resourcesOf(template, "AWS::Scheduler::Schedule")).filter((schedule) =>
    JSON.stringify(schedule.Properties.Target).includes(functionId),
  );

  it("invokes the sweep every 15 minutes with {}, retrying briefly, then to the dead-letter queue", () => {
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: "rate(15 minutes)",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: getAtt(functionId),
        RoleArn: getAtt(invokerId),
        Input: JSON.stringify(WAVE_SWEEP_SCHEDULE.input),
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 900 },
        DeadLetterConfig: { Arn: getAtt(deadLettersId) },
      },
    });
  });

  it("runs as a role, assumed by the scheduler for this account only, that may invoke the sweep and nothing else", () => {
    const role = resource(template, invokerId).Properties;
    expect(JSON.stringify(role.AssumeRolePolicyDocument)).toContain("scheduler.amazonaws.com");
    expect(JSON.stringify(role.AssumeRolePolicyDocument)).toContain("aws:SourceAccount");
    const statements = roleStatements(template, invokerId);
    expect(statements.map((statement) => [actionsOf(statement), statement.Resource])).toEqual([
      [["lambda:InvokeFunction"], getAtt(functionId)],
      [["sqs:SendMessage"], getAtt(deadLettersId)],
    ]);
  });
});

/** The metric counted from the sweep's own log lines of one message: there is one filter per message. */
function sweepLogMetric(message: string) {
  const filters = Object.values(resourcesOf(template, "AWS::Logs::MetricFilter")).filter(
    (resource) =>
      JSON.stringify(resource.Properties.LogGroupName).includes(id(sweep.sweepFunction.logGroup)) &&
      resource.Properties.FilterPattern === `{ $.message = "${message}" }`,
  );
  expect(filters, message).toHaveLength(1);
  const [transformation] = (filters[0]?.Properties.MetricTransformations ?? []) as {
    MetricName: string;
    MetricNamespace: string;
    MetricValue: string;
  }[];
  return transformation;
}

const alarmsOn = (metric: { MetricName: string } | undefined) =>
  Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).filter(
    (alarm) => alarm.Properties.MetricName === metric?.MetricName,
  );

describe("the wave sweep alarm", () => {
  it("notifies the operators' topic when a sweep fails", () => {
    // Its throttles have their own alarm, as every function's do (infra/observability.ts).
    const alarms = Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).filter(
      (alarm) =>
        JSON.stringify(alarm.Properties.Dimensions ?? []).includes(functionId) &&
        alarm.Properties.MetricName === "Errors",
    );
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.Properties).toMatchObject({
      MetricName: "Errors",
      Namespace: "AWS/Lambda",
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      AlarmActions: [{ Ref: id(stateless.operatorsTopic) }],
    });
    expect(String(alarms[0]?.Properties.AlarmDescription)).toContain("/redispatch");
  });

  it("notifies the operators' topic while a scheduled wave is missed, from the sweep's own warning", () => {
    const transformation = sweepLogMetric(MISSED_WAVE_WARNING);
    expect(transformation).toMatchObject({ MetricName: `${stateless.stackName}-WavesMissed`, MetricValue: "1" });
    const alarms = alarmsOn(transformation);
    expect(alarms[0]?.Properties).toMatchObject({
      Namespace: transformation?.MetricNamespace,
      Statistic: "Sum",
      // The sweep runs every 15 minutes: each half hour holds two of its warnings, so a missed wave keeps it on.
      Period: 1800,
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      AlarmActions: [{ Ref: id(stateless.operatorsTopic) }],
    });
    expect(String(alarms[0]?.Properties.AlarmDescription)).toContain('"Alarm WavesMissed"');
  });

  it("notifies the operators' topic of the letters it failed for a halted wave, counted from its own warning", () => {
    const transformation = sweepLogMetric(SWEPT_LETTERS_FAILED_WARNING);
    // The warning carries how many letters it failed: the metric sums them, not the lines.
    expect(transformation).toMatchObject({
      MetricName: `${stateless.stackName}-LettersFailedBySweep`,
      MetricValue: "$.failed",
    });
    const alarms = alarmsOn(transformation);
    expect(alarms).toHaveLength(1);
    expect(alarms[0]?.Properties).toMatchObject({
      Namespace: transformation?.MetricNamespace,
      Statistic: "Sum",
      Threshold: 0,
      ComparisonOperator: "GreaterThanThreshold",
      AlarmActions: [{ Ref: id(stateless.operatorsTopic) }],
    });
    expect(String(alarms[0]?.Properties.AlarmDescription)).toContain('"Alarm LettersFailedBySweep"');
  });
});
