// The send pipeline's wiring (ADR 0010): the wave queue and its redrive, the send event source, the SES configuration
// set and its events, the waves' schedules, each function's grants, and the alarms that reach the operators.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { SES_EVENT_TYPES } from "../../infra/mail.ts";
import { CLAIM_LEASE, SEND_TIMEOUT } from "../../infra/wave-pipeline.ts";
import { DEFAULT_LEASE_MS } from "../../shared/correspondence/send.ts";
import {
  actionsOf,
  environmentOf,
  logicalId,
  must,
  newApp,
  resource,
  resourcesOf,
  roleStatements,
  STAGE_CONTEXT,
  type Statement,
} from "./desk-template.ts";

const app = newApp();
const { stateful, stateless } = buildApp(app);
const template = Template.fromStack(stateless);
const waves = stateless.wavePipeline;
const id = (construct: { node: { defaultChild?: unknown } }) => logicalId(stateless, construct);

const queueId = id(waves.queue);
const deadLettersId = id(waves.deadLetters);
const sendId = id(waves.sendFunction.function);
const dispatchId = id(waves.dispatchFunction.function);
const sesEventsId = id(waves.sesEventsFunction.function);
const configurationSetId = id(stateless.mail.configurationSet);
const deskId = logicalId(stateful, stateful.deskTable);
const auditId = logicalId(stateful, stateful.auditTable);
const getAtt = (logical: string) => ({ "Fn::GetAtt": [logical, "Arn"] });

const tableActions = (statements: Statement[], tableId: string) =>
  statements
    .filter((statement) => JSON.stringify(statement.Resource).includes(tableId))
    .flatMap(actionsOf)
    .sort();
const dynamo = (...actions: string[]) => actions.map((action) => `dynamodb:${action}`).sort();
const statementsWith = (statements: Statement[], prefix: string) =>
  statements.filter((statement) => actionsOf(statement).some((action) => action.startsWith(prefix)));

describe("the wave queue", () => {
  it("sends a key received five times to an encrypted dead-letter queue kept for 14 days", () => {
    expect(resource(template, queueId).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      RedrivePolicy: { deadLetterTargetArn: getAtt(deadLettersId), maxReceiveCount: 5 },
    });
    expect(resource(template, deadLettersId).Properties).toMatchObject({
      SqsManagedSseEnabled: true,
      MessageRetentionPeriod: 14 * 24 * 3600,
    });
  });

  it("hides a received key longer than the send claim's lease and at least six times the send timeout", () => {
    const visibility = Number(resource(template, queueId).Properties.VisibilityTimeout);
    const sendTimeout = Number(resource(template, sendId).Properties.Timeout);
    expect(CLAIM_LEASE.toSeconds()).toBe(DEFAULT_LEASE_MS / 1000);
    expect(visibility).toBeGreaterThan(120);
    expect(visibility).toBeGreaterThan(DEFAULT_LEASE_MS / 1000);
    expect(visibility).toBeGreaterThanOrEqual(6 * sendTimeout);
    expect(sendTimeout).toBe(SEND_TIMEOUT.toSeconds());
    // A live claim ends with its invocation, well inside the lease.
    expect(sendTimeout).toBeLessThan(DEFAULT_LEASE_MS / 1000);
  });

  it("refuses plain HTTP on every queue of the stack", () => {
    const queues = Object.keys(resourcesOf(template, "AWS::SQS::Queue"));
    const policies = JSON.stringify(resourcesOf(template, "AWS::SQS::QueuePolicy"));
    for (const queue of queues) expect(policies, queue).toContain(queue);
    expect(policies).toContain('"aws:SecureTransport":"false"');
  });
});

describe("wave-send", () => {
  it("takes batches of 10 from the wave queue, reports failed items, and runs at most SEND_CONCURRENCY at once", () => {
    // The other mapping is the search indexer's, on the desk table's stream (test/infra/search-indexer.test.ts).
    const mappings = Object.values(resourcesOf(template, "AWS::Lambda::EventSourceMapping")).filter(
      (mapping) => !JSON.stringify(mapping.Properties.EventSourceArn).includes("StreamArn"),
    );
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.Properties).toMatchObject({
      EventSourceArn: getAtt(queueId),
      FunctionName: { Ref: sendId },
      BatchSize: 10,
      FunctionResponseTypes: ["ReportBatchItemFailures"],
      ScalingConfig: { MaximumConcurrency: 2 },
    });
    expect(environmentOf(template, sendId)).toMatchObject({
      SEND_RATE_PER_SECOND: "14",
      SEND_CONCURRENCY: "2",
      MAIL_FROM: STAGE_CONTEXT.mailFrom,
      SES_CONFIGURATION_SET: { Ref: configurationSetId },
      POWERTOOLS_SERVICE_NAME: "Desk1540-dev-Stateless-wave-send",
      POWERTOOLS_METRICS_NAMESPACE: "Desk1540",
    });
  });

  it("takes the send rate and the concurrency from the context, and refuses a concurrency under AWS's minimum of 2", () => {
    const tuned = newApp({ context: { sendRate: "40", sendConcurrency: "4" } });
    const built = buildApp(tuned).stateless;
    const tunedTemplate = Template.fromStack(built);
    expect(environmentOf(tunedTemplate, logicalId(built, built.wavePipeline.sendFunction.function))).toMatchObject({
      SEND_RATE_PER_SECOND: "40",
      SEND_CONCURRENCY: "4",
    });
    tunedTemplate.hasResourceProperties("AWS::Lambda::EventSourceMapping", {
      ScalingConfig: { MaximumConcurrency: 4 },
    });
    expect(() => buildApp(newApp({ context: { sendConcurrency: "1" } }))).toThrow(/sendConcurrency=1/);
  });

  it("may send only from the desk's address, read the send quota, and claim and settle ledger messages", () => {
    const statements = roleStatements(template, id(waves.sendFunction.role));
    const ses = statementsWith(statements, "ses:");
    expect(ses.map(actionsOf).sort()).toEqual([["ses:GetSendQuota"], ["ses:SendEmail"]]);
    expect(ses.find((statement) => actionsOf(statement).includes("ses:SendEmail"))?.Condition).toEqual({
      StringEquals: { "ses:FromAddress": STAGE_CONTEXT.mailFrom },
    });
    expect(tableActions(statements, deskId)).toEqual(dynamo("GetItem", "PutItem", "Query", "UpdateItem"));
    expect(tableActions(statements, auditId)).toEqual(dynamo("PutItem"));
  });
});

describe("wave-dispatch", () => {
  it("has minutes to write a wave's ledger, and the queue's URL", () => {
    expect(resource(template, dispatchId).Properties.Timeout).toBe(300);
    expect(environmentOf(template, dispatchId)).toMatchObject({ WAVE_QUEUE_URL: { Ref: queueId } });
  });

  it("reads and writes the ledger by item and index, appends to the audit, and may only send to the wave queue", () => {
    const statements = roleStatements(template, id(waves.dispatchFunction.role));
    expect(tableActions(statements, deskId)).toEqual(
      dynamo("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem"),
    );
    expect(tableActions(statements, auditId)).toEqual(dynamo("PutItem"));
    const onQueue = statements.filter((statement) => JSON.stringify(statement.Resource).includes(queueId));
    expect(onQueue).toEqual([{ Effect: "Allow", Action: "sqs:SendMessage", Resource: getAtt(queueId) }]);
  });
});

describe("SES events", () => {
  it("has the stack's own configuration set publish every event the desk acts on to the default bus", () => {
    const destinations = Object.values(resourcesOf(template, "AWS::SES::ConfigurationSetEventDestination"));
    expect(destinations).toHaveLength(1);
    const destination = must(destinations[0], "event destination").Properties;
    expect(destination.ConfigurationSetName).toEqual({ Ref: configurationSetId });
    expect(destination.EventDestination).toMatchObject({ Enabled: true });
    const { EventBridgeDestination, MatchingEventTypes } = destination.EventDestination as {
      EventBridgeDestination: unknown;
      MatchingEventTypes: string[];
    };
    expect(JSON.stringify(EventBridgeDestination)).toContain(":event-bus/default");
    expect([...MatchingEventTypes].sort()).toEqual(
      ["send", "delivery", "bounce", "complaint", "reject", "deliveryDelay", "renderingFailure"].sort(),
    );
  });

  it("routes that configuration set's events, and only those, to ses-events, retried and with a dead-letter queue", () => {
    const rules = Object.values(resourcesOf(template, "AWS::Events::Rule"));
    expect(rules).toHaveLength(1);
    const rule = must(rules[0], "rule").Properties;
    expect(rule.EventPattern).toEqual({
      source: ["aws.ses"],
      "detail-type": Object.values(SES_EVENT_TYPES),
      detail: { mail: { tags: { "ses:configuration-set": [{ Ref: configurationSetId }] } } },
    });
    expect(rule.EventPattern).toMatchObject({
      "detail-type": expect.arrayContaining(["Email Delivered", "Email Bounced", "Email Complaint Received"]),
    });
    const sesDeadLettersId = id(waves.sesEventDeadLetters);
    expect(rule.Targets).toEqual([
      expect.objectContaining({
        Arn: getAtt(sesEventsId),
        DeadLetterConfig: { Arn: getAtt(sesDeadLettersId) },
        RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
      }),
    ]);
    template.hasResourceProperties("AWS::Lambda::EventInvokeConfig", {
      FunctionName: { Ref: sesEventsId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: getAtt(sesDeadLettersId) } },
    });
  });

  it("lets ses-events read and update the ledger and the contacts, and append to the audit; it sends no mail", () => {
    const statements = roleStatements(template, id(waves.sesEventsFunction.role));
    expect(tableActions(statements, deskId)).toEqual(dynamo("GetItem", "PutItem", "Query", "UpdateItem"));
    expect(tableActions(statements, auditId)).toEqual(dynamo("PutItem"));
    expect(statementsWith(statements, "ses:")).toEqual([]);
  });
});

describe("the waves' one-time schedules", () => {
  // The correspondence group's api function: the one that schedules waves and sends their test copies (ADR 0014).
  const apiId = id(stateless.apiFunctions.correspondence.function);
  const apiStatements = roleStatements(template, id(stateless.apiFunctions.correspondence.role));
  const schedulerRoleId = id(waves.schedulerRole);
  const groupName = waves.scheduleGroup.scheduleGroupName;

  it("gives the correspondence api function the dispatch function, the role, the group and the dead-letter queue for a wave's schedule", () => {
    expect(environmentOf(template, apiId)).toMatchObject({
      WAVE_DISPATCH_ARN: getAtt(dispatchId),
      WAVE_SCHEDULER_ROLE_ARN: getAtt(schedulerRoleId),
      WAVE_SCHEDULE_GROUP: groupName,
      WAVE_SCHEDULE_DLQ_ARN: getAtt(id(stateless.scheduleDeadLetters)),
      MAIL_FROM: STAGE_CONTEXT.mailFrom,
      SES_CONFIGURATION_SET: { Ref: configurationSetId },
    });
    template.hasResourceProperties("AWS::Scheduler::ScheduleGroup", { Name: groupName });
  });

  it("lets the correspondence api function manage only wave-* schedules of that group, and pass only that role, only to EventBridge Scheduler", () => {
    const scheduling = statementsWith(apiStatements, "scheduler:");
    expect(scheduling).toHaveLength(1);
    expect(actionsOf(must(scheduling[0], "scheduler statement")).sort()).toEqual(
      [
        "scheduler:CreateSchedule",
        "scheduler:DeleteSchedule",
        "scheduler:GetSchedule",
        "scheduler:UpdateSchedule",
      ].sort(),
    );
    expect(JSON.stringify(scheduling[0]?.Resource)).toContain(`:schedule/${groupName}/wave-*`);
    const passRole = apiStatements.filter((statement) => actionsOf(statement).includes("iam:PassRole"));
    expect(passRole).toEqual([
      {
        Effect: "Allow",
        Action: "iam:PassRole",
        Resource: getAtt(schedulerRoleId),
        Condition: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      },
    ]);
    // No other role of the stack may pass a role.
    const everyStatement = Object.values(resourcesOf(template, "AWS::IAM::Policy")).flatMap(
      (policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement,
    );
    expect(everyStatement.filter((statement) => actionsOf(statement).includes("iam:PassRole"))).toHaveLength(1);
  });

  it("lets the correspondence api function send a wave's test copy only from the desk's address, to staff domains", () => {
    const ses = statementsWith(apiStatements, "ses:");
    expect(ses.map(actionsOf)).toEqual([["ses:SendEmail"]]);
    // By default the staff domain is the secretariat's own (-c staffMailDomains=... names others).
    const staffDomain = STAGE_CONTEXT.secretariatAddress.split("@")[1];
    expect(ses[0]?.Condition).toEqual({
      StringEquals: { "ses:FromAddress": STAGE_CONTEXT.mailFrom },
      "ForAllValues:StringLike": { "ses:Recipients": [`*@${staffDomain}`] },
    });
    // The api refuses any other address first (422), by the same list.
    expect(environmentOf(template, apiId)).toMatchObject({ STAFF_MAIL_DOMAINS: staffDomain });
  });

  it("has the schedules' role, assumable by Scheduler for this group only, invoke wave-dispatch and nothing else", () => {
    const role = resource(template, schedulerRoleId);
    expect(role.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Principal: { Service: "scheduler.amazonaws.com" },
          Condition: {
            StringEquals: {
              "aws:SourceAccount": STAGE_CONTEXT.account,
              "aws:SourceArn": getAtt(id(waves.scheduleGroup)),
            },
          },
        },
      ],
    });
    expect(roleStatements(template, schedulerRoleId)).toEqual([
      { Effect: "Allow", Action: "lambda:InvokeFunction", Resource: getAtt(dispatchId) },
      { Effect: "Allow", Action: "sqs:SendMessage", Resource: getAtt(id(stateless.scheduleDeadLetters)) },
    ]);
  });
});

describe("every role of the stack", () => {
  // CDK's BucketDeployment handler, which fills the console's bucket at deploy, holds CDK's own grants; they are
  // checked in test/infra/console-site.test.ts and acknowledged in infra/nag.ts.
  const roles = Object.keys(resourcesOf(template, "AWS::IAM::Role")).filter(
    (role) => !role.startsWith("CustomCDKBucketDeployment"),
  );

  it("names its actions (no wildcard), has no Scan or DeleteItem on a table, and no managed policy of ours", () => {
    // CDK's own trigger and cross-region reference providers keep AWSLambdaBasicExecutionRole (ADR 0002); every desk
    // function's role has none.
    const deskRoles = roles.filter((role) => !role.startsWith("AWS") && !role.startsWith("CustomCrossRegion"));
    for (const role of deskRoles) {
      expect(resource(template, role).Properties.ManagedPolicyArns, role).toBeUndefined();
      for (const action of roleStatements(template, role).flatMap(actionsOf)) {
        expect(action, role).not.toContain("*");
        expect(["dynamodb:Scan", "dynamodb:DeleteItem"], role).not.toContain(action);
      }
    }
  });

  it("uses a wildcard resource only where SES allows nothing narrower or names are made per wave", () => {
    const wildcards: string[] = [];
    for (const role of roles) {
      for (const statement of roleStatements(template, role)) {
        for (const arn of [statement.Resource].flat()) {
          if (JSON.stringify(arn).includes("*")) wildcards.push(`${role} ${JSON.stringify(arn)}`);
        }
      }
    }
    const allowed = [/:identity\/\*"/, /^\S+ "\*"$/, /:schedule\/[^"]+\/wave-\*"/];
    for (const wildcard of wildcards) {
      expect(
        allowed.some((pattern) => pattern.test(wildcard)),
        wildcard,
      ).toBe(true);
    }
    // The bare "*" belongs to X-Ray's trace writes on every function's role, and to ses:GetSendQuota on the send role.
    const bare = (role: string) =>
      roleStatements(template, role)
        .filter((statement) => statement.Resource === "*")
        .flatMap(actionsOf)
        .sort();
    const xray = ["xray:PutTelemetryRecords", "xray:PutTraceSegments"];
    for (const role of roles.filter((role) => bare(role).length > 0)) {
      const expected = role === id(waves.sendFunction.role) ? ["ses:GetSendQuota", ...xray] : xray;
      expect(bare(role), role).toEqual(expected);
    }
  });
});

describe("operator alarms", () => {
  const topicId = id(stateless.operatorsTopic);
  const alarms = Object.values(resourcesOf(template, "AWS::CloudWatch::Alarm")).map((alarm) => alarm.Properties);
  const alarmOn = (match: Record<string, unknown>) =>
    alarms.filter((alarm) =>
      Object.entries(match).every(([key, value]) => JSON.stringify(alarm[key]) === JSON.stringify(value)),
    );

  it("notifies the operators' topic from every alarm; CloudWatch may use its key and publish to it", () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.AlarmActions, String(alarm.AlarmDescription)).toEqual([{ Ref: topicId }]);
    // Its own customer-managed key: the AWS-managed alias/aws/sns key lets no AWS service publish (issue 14).
    const keyId = id(stateless.node.findChild("OperatorsKey"));
    template.hasResourceProperties("AWS::SNS::Topic", { KmsMasterKeyId: { "Fn::GetAtt": [keyId, "Arn"] } });
    const keyPolicy = JSON.stringify(resource(template, keyId).Properties.KeyPolicy);
    expect(keyPolicy).toContain('"Service":"cloudwatch.amazonaws.com"');
    expect(keyPolicy).toContain("kms:GenerateDataKey*");
    const topicPolicy = JSON.stringify(resourcesOf(template, "AWS::SNS::TopicPolicy"));
    expect(topicPolicy).toContain("aws:SecureTransport");
    // An Allow for CloudWatch, limited to this account's alarms (test/infra/production.test.ts has the statement).
    expect(topicPolicy).toMatch(/"Effect":"Allow","Principal":\{"Service":"cloudwatch\.amazonaws\.com"\}/);
    expect(topicPolicy).toContain('"aws:SourceAccount"');
  });

  it("alarms on any message in a dead-letter queue: the wave queue's, the schedules' and the SES events'", () => {
    for (const queue of [waves.deadLetters, stateless.scheduleDeadLetters, waves.sesEventDeadLetters]) {
      const found = alarmOn({
        Namespace: "AWS/SQS",
        MetricName: "ApproximateNumberOfMessagesVisible",
        Dimensions: [{ Name: "QueueName", Value: { "Fn::GetAtt": [id(queue), "QueueName"] } }],
      });
      expect(found, id(queue)).toHaveLength(1);
      expect(found[0]).toMatchObject({ Threshold: 0, ComparisonOperator: "GreaterThanThreshold" });
    }
  });

  it("alarms on failed and unknown letters, in wave-send's Powertools namespace and service dimension", () => {
    for (const metricName of ["MessagesFailed", "MessagesUnknown"]) {
      const found = alarmOn({ Namespace: "Desk1540", MetricName: metricName });
      expect(found, metricName).toHaveLength(1);
      expect(found[0]).toMatchObject({
        // The stage's own letters: another stage in the account counts under its own service.
        Dimensions: [{ Name: "service", Value: "Desk1540-dev-Stateless-wave-send" }],
        Statistic: "Sum",
        Threshold: 0,
        ComparisonOperator: "GreaterThanThreshold",
      });
    }
  });

  it("alarms at SES's review thresholds: a 5 % bounce rate and a 0.1 % complaint rate", () => {
    expect(alarmOn({ Namespace: "AWS/SES", MetricName: "Reputation.BounceRate" })).toEqual([
      expect.objectContaining({ Threshold: 0.05, ComparisonOperator: "GreaterThanOrEqualToThreshold" }),
    ]);
    expect(alarmOn({ Namespace: "AWS/SES", MetricName: "Reputation.ComplaintRate" })).toEqual([
      expect.objectContaining({ Threshold: 0.001, ComparisonOperator: "GreaterThanOrEqualToThreshold" }),
    ]);
  });

  it("alarms on the errors of every function no caller watches", () => {
    const watched = [
      waves.dispatchFunction,
      waves.sendFunction,
      waves.sesEventsFunction,
      stateless.snapshotFunction,
      stateless.programmeRemindersFunction,
      stateless.assistanceReportFunction,
    ];
    for (const fn of watched) {
      const found = alarmOn({
        Namespace: "AWS/Lambda",
        MetricName: "Errors",
        Dimensions: [{ Name: "FunctionName", Value: { Ref: id(fn.function) } }],
      });
      expect(found, fn.node.path).toHaveLength(1);
      expect(found[0]).toMatchObject({ Threshold: 0, ComparisonOperator: "GreaterThanThreshold" });
    }
  });
});
