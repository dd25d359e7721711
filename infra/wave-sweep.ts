// The wave sweep (ADR 0018): every 15 minutes, EventBridge Scheduler runs wave-sweep, which dispatches again and
// completes the waves stuck in dispatching. Its own role, schedule and errors alarm; its failed runs are kept; an alarm
// on the scheduled waves it finds missed.
import { Duration, Stack } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as schedulerTargets from "aws-cdk-lib/aws-scheduler-targets";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Construct } from "constructs";
import { MISSED_WAVE_WARNING, SWEPT_LETTERS_FAILED_WARNING, WAVE_SWEEP_SCHEDULE } from "../shared/waves/sweep.ts";
import { ALARM_PERIOD, type OperatorAlarms } from "./alarms.ts";
import { keepFailedRuns } from "./dead-letters.ts";
import { DeskFunction } from "./desk-function.ts";
import { logLineCount } from "./log-line-count.ts";
import { scheduleExpressionOf } from "./programme-schedules.ts";
import { type DeskTables, grantTables, tableEnvironment } from "./table-access.ts";

/** Two of the sweep's runs: a wave missed at one run is still missed at the next, so the alarm does not flap. */
export const MISSED_WAVES_PERIOD = Duration.minutes(30);

export interface WaveSweepProps {
  readonly tables: DeskTables;
  /** The wave queue the sweep puts keys on again, as dispatch does. */
  readonly waveQueue: sqs.IQueue;
  /** Where a schedule that could not invoke the sweep, and a run that failed after Lambda's retries, are kept. */
  readonly deadLetters: sqs.IQueue;
  /** The operators' alarms: the sweep's errors are one. */
  readonly alarms: OperatorAlarms;
}

export class WaveSweep extends Construct {
  readonly sweepFunction: DeskFunction;
  readonly schedule: scheduler.Schedule;
  /** The role the schedule runs as: it may invoke the sweep and write to the dead-letter queue, nothing else. */
  readonly invoker: iam.Role;

  constructor(scope: Construct, id: string, props: WaveSweepProps) {
    super(scope, id);
    const { tables, waveQueue, deadLetters } = props;
    this.sweepFunction = new DeskFunction(this, "Sweep", {
      entry: "functions/wave-sweep/handler.ts",
      description: "Every 15 minutes: dispatches again, and completes, the waves stuck in dispatching (idempotent)",
      environment: {
        ...tableEnvironment(tables),
        WAVE_QUEUE_URL: waveQueue.queueUrl,
        POWERTOOLS_SERVICE_NAME: "desk-1540-wave-sweep",
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      // As long as dispatch may take for a large wave; well under the 15 minutes between runs.
      timeout: Duration.minutes(5),
    });
    // What dispatch does (ledger puts, the wave's moves with their audit entries), and the waves' status index.
    grantTables(this.sweepFunction.role, tables, {
      desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
      audit: ["dynamodb:PutItem"],
    });
    // SendMessage also authorizes SendMessageBatch; nothing else on the queue.
    this.sweepFunction.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [waveQueue.queueArn] }),
    );
    keepFailedRuns(this.sweepFunction, deadLetters);

    this.invoker = new iam.Role(this, "Invoker", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": Stack.of(this).account } },
      }),
      description: "EventBridge Scheduler runs the wave sweep",
    });
    // The unqualified function only (CDK's own grant would add `<arn>:*`, every version and alias).
    this.invoker.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: [this.sweepFunction.function.functionArn],
      }),
    );
    this.invoker.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [deadLetters.queueArn] }),
    );
    this.schedule = new scheduler.Schedule(this, "Schedule", {
      description: WAVE_SWEEP_SCHEDULE.description,
      schedule: scheduleExpressionOf(WAVE_SWEEP_SCHEDULE),
      target: new schedulerTargets.LambdaInvoke(this.sweepFunction.function, {
        role: this.invoker.withoutPolicyUpdates(),
        input: scheduler.ScheduleTargetInput.fromObject(WAVE_SWEEP_SCHEDULE.input),
        // A missed run is made up by the next one a quarter of an hour later: no point retrying for longer.
        retryAttempts: 2,
        maxEventAge: Duration.minutes(15),
        deadLetterQueue: deadLetters,
      }),
    });

    props.alarms.alarm("WaveSweepErrors", {
      description:
        "The wave sweep failed: a wave stuck in dispatching could not be resumed (its log names the wave and why); " +
        "it is tried again every 15 minutes, or POST /waves/{id}/redispatch once the cause is fixed",
      metric: this.sweepFunction.function.metricErrors({ period: ALARM_PERIOD }),
    });
    props.alarms.alarm("WavesMissed", {
      description:
        "A scheduled wave's send time passed more than 15 minutes ago and it was not dispatched (its schedule did not " +
        "fire, or was removed): no letter of it has left, and none will on its own. The sweep's warning names the wave",
      // The sweep warns at every run while the wave waits, twice in each period: the alarm stays on until someone acts.
      metric: logLineCount(this, {
        logGroup: this.sweepFunction.logGroup,
        messages: [MISSED_WAVE_WARNING],
        name: "WavesMissed",
        period: MISSED_WAVES_PERIOD,
      }),
    });
    props.alarms.alarm("LettersFailedBySweep", {
      description:
        "The sweep failed letters of a halted wave that a crash had left queued: they were not sent, and the sender, " +
        "whose failures MessagesFailed counts, never saw them. The sweep's warning names the wave",
      metric: logLineCount(this, {
        logGroup: this.sweepFunction.logGroup,
        messages: [SWEPT_LETTERS_FAILED_WARNING],
        name: "LettersFailedBySweep",
        sums: "failed",
        period: ALARM_PERIOD,
      }),
    });
  }
}
