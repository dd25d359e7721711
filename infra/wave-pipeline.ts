// The send pipeline of the correspondence waves (ADR 0007, ADR 0010): dispatch -> SQS -> send -> SES, SES events back
// to the ledger, and the schedule group where each scheduled wave gets its one-time schedule.
import { Duration, RemovalPolicy, Stack } from "aws-cdk-lib";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as events from "aws-cdk-lib/aws-events";
import * as eventsTargets from "aws-cdk-lib/aws-events-targets";
import * as iam from "aws-cdk-lib/aws-iam";
import * as eventSources from "aws-cdk-lib/aws-lambda-event-sources";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { DEFAULT_LEASE_MS } from "../shared/correspondence/send.ts";
import { ALARM_PERIOD } from "./alarms.ts";
import { numberContext } from "./context.ts";
import { deadLetterQueue, keepFailedRuns, secureQueueProps } from "./dead-letters.ts";
import { DeskFunction } from "./desk-function.ts";
import type { Mail } from "./mail.ts";
import { type DeskTables, grantTables, tableEnvironment } from "./table-access.ts";

/** The per-message outcomes wave-send counts (functions/wave-send/app.ts); failed and unknown are an operator's matter. */
export type SendOutcomeMetric = "MessagesSent" | "MessagesFailed" | "MessagesUnknown" | "MessagesExpired";

/**
 * The timing that keeps one letter per message (ADR 0007): a send invocation ends within its timeout, so a live claim
 * never outlasts its lease; a key comes back only after the visibility timeout, by when a crashed claim's lease is
 * over and the message is marked unknown instead of sent again. AWS advises a visibility timeout of at least six times
 * the function's timeout for an SQS event source. 60 s x 6 = 360 s > 120 s lease > 60 s timeout. 60 s because a batch of
 * 10 at the sandbox rate (1/s, split between two senders) takes about 22 s of pacing alone.
 */
export const SEND_TIMEOUT = Duration.seconds(60);
export const CLAIM_LEASE = Duration.millis(DEFAULT_LEASE_MS);
export const WAVE_VISIBILITY_TIMEOUT = Duration.seconds(
  Math.max(6 * SEND_TIMEOUT.toSeconds(), CLAIM_LEASE.toSeconds() + SEND_TIMEOUT.toSeconds()),
);
/** A key received this often (throttled each time, or crashing its sender) goes to the dead-letter queue. */
export const MAX_RECEIVE_COUNT = 5;

/** Who may start a wave's one-time schedule: names beginning with this, in the waves' group only. */
export const WAVE_SCHEDULE_PREFIX = "wave-";

export interface WavePipelineProps {
  tables: DeskTables;
  mail: Mail;
  /** Where a wave schedule that could not invoke dispatch, and a dispatch run that failed, are kept. */
  scheduleDeadLetters: sqs.IQueue;
}

export class WavePipeline extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetters: sqs.Queue;
  readonly dispatchFunction: DeskFunction;
  readonly sendFunction: DeskFunction;
  readonly sesEventsFunction: DeskFunction;
  readonly sesEventsRule: events.Rule;
  /** SES events the ses-events function could not take after EventBridge's and Lambda's retries. */
  readonly sesEventDeadLetters: sqs.Queue;
  /** The waves' one-time schedules (`wave-<waveId>`), created and deleted by the api. */
  readonly scheduleGroup: scheduler.ScheduleGroup;
  /** The role those schedules run as: it may invoke wave-dispatch and write to the schedules' dead-letter queue. */
  readonly schedulerRole: iam.Role;
  /** SEND_RATE_PER_SECOND and SEND_CONCURRENCY, from `-c sendRate=` and `-c sendConcurrency=`. */
  readonly sendRatePerSecond: number;
  readonly sendConcurrency: number;
  private readonly scheduleDeadLetters: sqs.IQueue;
  /**
   * The CloudWatch namespace and `service` dimension of wave-send's Powertools metrics (POWERTOOLS_* below). The service
   * names the stack, so the stage: stages may share an account and region, and each one's alarms count its own letters.
   */
  private readonly sendMetrics: { namespace: string; service: string };

  constructor(scope: Construct, id: string, props: WavePipelineProps) {
    super(scope, id);
    const { tables, mail } = props;
    this.scheduleDeadLetters = props.scheduleDeadLetters;
    this.sendMetrics = { namespace: "Desk1540", service: `${Stack.of(this).stackName}-wave-send` };
    if (
      WAVE_VISIBILITY_TIMEOUT.toSeconds() <= CLAIM_LEASE.toSeconds() ||
      CLAIM_LEASE.toSeconds() <= SEND_TIMEOUT.toSeconds()
    ) {
      throw new Error(
        "The send timeout must be shorter than the claim's lease, and the lease shorter than the visibility timeout",
      );
    }
    // 14/s, a usual first production quota, by default; the account's MaxSendRate (GetSendQuota) lowers it at run time,
    // to 1/s while the account is in the SES sandbox (1 message a second, 200 a day).
    this.sendRatePerSecond = numberContext(this, "sendRate", { fallback: 14, min: 1, max: 10_000 });
    // AWS's minimum maximum concurrency for an SQS event source is 2.
    this.sendConcurrency = numberContext(this, "sendConcurrency", { fallback: 2, min: 2, max: 1000, integer: true });

    this.deadLetters = deadLetterQueue(this, "DeadLetters");
    this.queue = new sqs.Queue(this, "Queue", {
      ...secureQueueProps,
      visibilityTimeout: WAVE_VISIBILITY_TIMEOUT,
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: MAX_RECEIVE_COUNT },
    });

    this.dispatchFunction = new DeskFunction(this, "Dispatch", {
      entry: "functions/wave-dispatch/handler.ts",
      description: "Dispatches a wave: one ledger message per recipient, their keys on the wave queue (idempotent)",
      environment: {
        ...tableEnvironment(tables),
        WAVE_QUEUE_URL: this.queue.queueUrl,
        POWERTOOLS_SERVICE_NAME: "desk-1540-wave-dispatch",
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      // A wave to every contact of 193 States and the organizations is a few thousand conditional puts.
      timeout: Duration.minutes(5),
    });
    grantTables(this.dispatchFunction.role, tables, {
      desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
      audit: ["dynamodb:PutItem"],
    });
    // SendMessage also authorizes SendMessageBatch; nothing else on the queue.
    this.dispatchFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [this.queue.queueArn] }),
    );
    keepFailedRuns(this.dispatchFunction, this.scheduleDeadLetters);

    this.sendFunction = new DeskFunction(this, "Send", {
      entry: "functions/wave-send/handler.ts",
      description: "Sends queued letters through SES: claim, pace under the account's rate, send once, record",
      environment: {
        ...tableEnvironment(tables),
        SEND_RATE_PER_SECOND: String(this.sendRatePerSecond),
        SEND_CONCURRENCY: String(this.sendConcurrency),
        POWERTOOLS_SERVICE_NAME: this.sendMetrics.service,
        POWERTOOLS_METRICS_NAMESPACE: this.sendMetrics.namespace,
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      timeout: SEND_TIMEOUT,
    });
    grantTables(this.sendFunction.role, tables, {
      // PutItem: completing or halting a wave, and a contact's e-mail status, are transactions with a Put.
      desk: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
      audit: ["dynamodb:PutItem"],
    });
    mail.grantSend(this.sendFunction);
    // GetSendQuota has no resource type: SES authorizes it on "*" only (see infra/nag.ts).
    this.sendFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["ses:GetSendQuota"], resources: ["*"] }),
    );
    this.sendFunction.function.addEventSource(
      new eventSources.SqsEventSource(this.queue, {
        batchSize: 10,
        reportBatchItemFailures: true,
        // With pacing, the account's rate split between at most this many senders (shared/config.ts).
        maxConcurrency: this.sendConcurrency,
      }),
    );

    this.sesEventsFunction = new DeskFunction(this, "SesEvents", {
      entry: "functions/ses-events/handler.ts",
      description: "Applies SES delivery, bounce, complaint and reject events to the ledger and the contacts",
      environment: {
        ...tableEnvironment(tables),
        POWERTOOLS_SERVICE_NAME: "desk-1540-ses-events",
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      timeout: Duration.seconds(30),
    });
    grantTables(this.sesEventsFunction.role, tables, {
      // PutItem: completing or halting a wave, and a contact's e-mail status, are transactions with a Put.
      desk: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
      audit: ["dynamodb:PutItem"],
    });
    this.sesEventDeadLetters = deadLetterQueue(this, "SesEventDeadLetters");
    this.sesEventsRule = new events.Rule(this, "SesEventsRule", {
      description: "SES events of the desk's configuration set, to the ses-events function",
      eventPattern: mail.eventPattern,
    });
    this.sesEventsRule.addTarget(
      new eventsTargets.LambdaFunction(this.sesEventsFunction.function, {
        // EventBridge's own retries cover an invoke that fails (throttled, unavailable): its maximum, for a day.
        retryAttempts: 185,
        maxEventAge: Duration.hours(24),
        deadLetterQueue: this.sesEventDeadLetters,
      }),
    );
    // A run that throws is retried by Lambda and then kept; applying an SES event twice changes nothing.
    keepFailedRuns(this.sesEventsFunction, this.sesEventDeadLetters);

    // The schedules of scheduled waves are state the stack can rebuild (a scheduled wave can be scheduled again), and
    // they invoke this stack's dispatch function: they go with the stack.
    this.scheduleGroup = new scheduler.ScheduleGroup(this, "Schedules", { removalPolicy: RemovalPolicy.DESTROY });
    this.schedulerRole = new iam.Role(this, "SchedulerRole", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: {
          StringEquals: {
            "aws:SourceAccount": Stack.of(this).account,
            "aws:SourceArn": this.scheduleGroup.scheduleGroupArn,
          },
        },
      }),
      description: "EventBridge Scheduler runs the waves' one-time schedules: invokes wave-dispatch",
    });
    // The unqualified function only (CDK's own grant would add `<arn>:*`, every version and alias).
    this.schedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: [this.dispatchFunction.function.functionArn],
      }),
    );
    this.schedulerRole.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [this.scheduleDeadLetters.queueArn] }),
    );
  }

  /**
   * Lets the function (the api) create, read, change and delete the waves' one-time schedules in the group, pass the
   * schedules' role to EventBridge Scheduler only, and find what it needs in WAVE_* (shared/config.ts).
   */
  grantWaveScheduling(fn: DeskFunction): void {
    const environment = {
      WAVE_DISPATCH_ARN: this.dispatchFunction.function.functionArn,
      WAVE_SCHEDULER_ROLE_ARN: this.schedulerRole.roleArn,
      WAVE_SCHEDULE_GROUP: this.scheduleGroup.scheduleGroupName,
      WAVE_SCHEDULE_DLQ_ARN: this.scheduleDeadLetters.queueArn,
    };
    for (const [name, value] of Object.entries(environment)) fn.function.addEnvironment(name, value);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: [
          "scheduler:CreateSchedule",
          "scheduler:GetSchedule",
          "scheduler:UpdateSchedule",
          "scheduler:DeleteSchedule",
        ],
        resources: [
          Stack.of(this).formatArn({
            service: "scheduler",
            resource: "schedule",
            resourceName: `${this.scheduleGroup.scheduleGroupName}/${WAVE_SCHEDULE_PREFIX}*`,
          }),
        ],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["iam:PassRole"],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { "iam:PassedToService": "scheduler.amazonaws.com" } },
      }),
    );
  }

  /** A wave-send outcome count (Powertools EMF: namespace Desk1540, the single dimension `service`, the stage's), summed. */
  metricSendOutcome(name: SendOutcomeMetric): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: this.sendMetrics.namespace,
      metricName: name,
      dimensionsMap: { service: this.sendMetrics.service },
      statistic: cloudwatch.Stats.SUM,
      period: ALARM_PERIOD,
    });
  }
}
