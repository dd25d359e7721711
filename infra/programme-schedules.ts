// The programme's timetable (events/programme.json) as EventBridge Scheduler schedules, each in its time zone, with
// retries and a dead-letter queue, run by one role that may invoke exactly the scheduled functions.
import { Duration, Stack, TimeZone } from "aws-cdk-lib";
import * as iam from "aws-cdk-lib/aws-iam";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as schedulerTargets from "aws-cdk-lib/aws-scheduler-targets";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { parseAt, parseRate, parseScheduleExpression } from "../shared/schedules/aws-cron.ts";
import type { Programme, Schedule } from "../shared/schedules/schema.ts";
import type { DeskFunction } from "./desk-function.ts";

export interface ProgrammeSchedulesProps {
  programme: Programme;
  /** The functions a schedule may target, by the name programme.json uses (the function's folder). */
  targets: Record<string, DeskFunction>;
  /** Where a schedule that could not invoke its function after its retries leaves the event. */
  deadLetters: sqs.IQueue;
}

/** Creates the schedules in `scope`, one per programme entry, by schedule id; an unknown target fails the synth. */
export function scheduleProgramme(scope: Construct, props: ProgrammeSchedulesProps): Map<string, scheduler.Schedule> {
  const { programme, targets, deadLetters } = props;
  const runs = programme.schedules.map((entry) => {
    const target = targets[entry.target];
    // As the local scheduler does: a schedule with nothing to run fails here, not silently on the day.
    if (!target) {
      throw new Error(
        `Schedule ${entry.id} targets "${entry.target}", which the stack has no function for ` +
          `(known: ${Object.keys(targets).join(", ")})`,
      );
    }
    return { entry, target };
  });
  // One role for every schedule, granted exactly the scheduled functions (CDK's own grant adds `<arn>:*`, every
  // version and alias; the schedules invoke the unqualified function) and the dead-letter queue.
  const invoker = new iam.Role(scope, "ScheduleInvoker", {
    assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
      conditions: { StringEquals: { "aws:SourceAccount": Stack.of(scope).account } },
    }),
    description: "EventBridge Scheduler invokes the desk's scheduled functions",
  });
  const invoked = [...new Set(runs.map(({ target }) => target))];
  if (invoked.length) {
    invoker.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: invoked.map((fn) => fn.function.functionArn),
      }),
    );
  }
  invoker.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ["sqs:SendMessage"], resources: [deadLetters.queueArn] }),
  );

  const schedules = new Map<string, scheduler.Schedule>();
  for (const { entry, target } of runs) {
    schedules.set(
      entry.id,
      new scheduler.Schedule(scope, `Schedule-${entry.id}`, {
        description: entry.description,
        schedule: scheduleExpressionOf(entry),
        target: new schedulerTargets.LambdaInvoke(target.function, {
          role: invoker.withoutPolicyUpdates(),
          input: scheduler.ScheduleTargetInput.fromObject(entry.input ?? {}),
          // Every target is idempotent, so retries are safe: a report or snapshot is stored once and mailed once, a
          // reminder is mailed once per deadline, and wave-dispatch writes each letter with a conditional put (a
          // retried or repeated dispatch adds nothing and sends nothing twice).
          retryAttempts: 5,
          maxEventAge: Duration.hours(6),
          deadLetterQueue: deadLetters,
        }),
      }),
    );
  }
  return schedules;
}

/** An EventBridge Scheduler expression from a programme entry, read in the entry's time zone. */
export function scheduleExpressionOf(entry: Pick<Schedule, "expression" | "timezone">): scheduler.ScheduleExpression {
  const timeZone = TimeZone.of(entry.timezone);
  const parsed = parseScheduleExpression(entry.expression);
  if (parsed.kind === "rate")
    return scheduler.ScheduleExpression.rate(Duration.minutes(parseRate(entry.expression) / 60_000));
  if (parsed.kind === "at") {
    // CDK writes the Date's UTC fields as the at() literal and sends the zone beside it, so the local
    // date-time is given as if it were UTC.
    return scheduler.ScheduleExpression.at(new Date(`${parseAt(entry.expression)}Z`), timeZone);
  }
  const fields = /^cron\((.*)\)$/.exec(entry.expression.trim())?.[1]?.trim().split(/\s+/) ?? [];
  const [minute, hour, day, month, weekDay, year] = fields;
  // AWS cron has exactly one of day-of-month and day-of-week as `?`; CDK wants only the other one.
  return scheduler.ScheduleExpression.cron({
    minute,
    hour,
    month,
    year,
    ...(day === "?" ? { weekDay } : { day }),
    timeZone,
  });
}
