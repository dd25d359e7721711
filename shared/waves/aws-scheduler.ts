// EventBridge Scheduler as the waves' scheduler: one one-time at() schedule per wave, in the wave's time zone,
// invoking the wave-dispatch function with { waveId }, deleted by the service once it has fired.
import { createHash } from "node:crypto";
import {
  ConflictException,
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  type GetScheduleCommandOutput,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
} from "@aws-sdk/client-scheduler";
import type { Clock } from "../clock.ts";
import type { WaveScheduleConfig } from "../config.ts";
import { Conflict } from "../errors.ts";
import {
  resendScheduleOf,
  type WaveSchedule,
  type WaveScheduler,
  waveResendScheduleName,
  waveScheduleName,
  waveScheduleOf,
} from "./scheduler.ts";
import type { Wave } from "./schemas.ts";

/** Retries of a failed invocation (throttled or unavailable Lambda), with the service's exponential backoff. */
export const MAX_RETRY_ATTEMPTS = 5;
/** The service's bounds on how long it keeps retrying one invocation. */
const MIN_EVENT_AGE_S = 60;
const MAX_EVENT_AGE_S = 86_400;
/**
 * EventBridge Scheduler invokes within the minute of its at() time (60-second precision), and an at() already past
 * when the service receives the request cannot be relied on to fire; so a send time must be at least this far
 * ahead when its schedule is created.
 */
export const MIN_SCHEDULE_LEAD_MS = 60_000;

export function createSchedulerClient(region: string): SchedulerClient {
  return new SchedulerClient({ region });
}

/**
 * Retries stop once the wave's notAfter has passed: a late invocation would only expire every letter. (The
 * service takes no less than a minute; dispatch expires what is left past the deadline in any case.)
 */
function maximumEventAge(wave: Pick<Wave, "sendInstant" | "notAfter">): number {
  const window = Math.floor((Date.parse(wave.notAfter) - Date.parse(wave.sendInstant)) / 1000);
  return Math.min(MAX_EVENT_AGE_S, Math.max(MIN_EVENT_AGE_S, window));
}

/** An idempotency token of the request itself: a retried identical call is the same call to the service. */
const tokenOf = (request: object) => createHash("sha256").update(JSON.stringify(request)).digest("hex");

/** The CreateSchedule request for a wave (also the UpdateSchedule request, with its own token). */
export function scheduleRequest(wave: Wave, config: WaveScheduleConfig): CreateScheduleCommandInput {
  return requestOf(waveScheduleOf(wave), maximumEventAge(wave), config);
}

/** The CreateSchedule request for a resend's schedule: fires at `firesAt`, retried no later than the wave's notAfter. */
export function resendScheduleRequest(wave: Wave, firesAt: string, config: WaveScheduleConfig) {
  return requestOf(resendScheduleOf(wave, firesAt), maximumEventAge({ ...wave, sendInstant: firesAt }), config);
}

function requestOf(
  schedule: WaveSchedule,
  maxEventAge: number,
  config: WaveScheduleConfig,
): CreateScheduleCommandInput {
  const request = {
    Name: schedule.name,
    GroupName: config.group,
    Description: schedule.description,
    ScheduleExpression: schedule.expression,
    ScheduleExpressionTimezone: schedule.timeZone,
    FlexibleTimeWindow: { Mode: "OFF" as const },
    ActionAfterCompletion: "DELETE" as const,
    State: "ENABLED" as const,
    Target: {
      Arn: config.dispatchArn,
      RoleArn: config.roleArn,
      Input: JSON.stringify(schedule.input),
      DeadLetterConfig: { Arn: config.deadLetterArn },
      RetryPolicy: { MaximumRetryAttempts: MAX_RETRY_ATTEMPTS, MaximumEventAgeInSeconds: maxEventAge },
    },
  };
  return { ...request, ClientToken: tokenOf(request) };
}

/** What makes two schedules the same for a wave: when, where it is read, what it invokes, and how. */
function essentials(schedule: CreateScheduleCommandInput | GetScheduleCommandOutput) {
  const { Target: target } = schedule;
  return JSON.stringify([
    schedule.ScheduleExpression,
    schedule.ScheduleExpressionTimezone,
    schedule.FlexibleTimeWindow?.Mode,
    schedule.ActionAfterCompletion,
    schedule.State,
    target?.Arn,
    target?.RoleArn,
    target?.Input,
    target?.DeadLetterConfig?.Arn,
    target?.RetryPolicy?.MaximumRetryAttempts,
    target?.RetryPolicy?.MaximumEventAgeInSeconds,
  ]);
}

export function awsWaveScheduler(client: SchedulerClient, config: WaveScheduleConfig, clock: Clock): WaveScheduler {
  /**
   * A schedule of that name exists already (a retried call, or an attempt whose wave move failed): one that says
   * the same is kept, one that differs (an older deployment's target) is brought in line. It can vanish between
   * the two calls (it fired, or a cancel deleted it); then it is created again, once.
   */
  async function confirm(request: CreateScheduleCommandInput, createAgain: boolean): Promise<void> {
    let existing: GetScheduleCommandOutput;
    try {
      existing = await client.send(new GetScheduleCommand({ Name: request.Name, GroupName: request.GroupName }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException && createAgain) return create(request, false);
      throw error;
    }
    if (essentials(existing) === essentials(request)) return;
    const { ClientToken: _created, ...update } = request;
    await client.send(new UpdateScheduleCommand({ ...update, ClientToken: tokenOf({ update }) }));
  }

  async function create(request: CreateScheduleCommandInput, createAgain: boolean): Promise<void> {
    try {
      await client.send(new CreateScheduleCommand(request));
    } catch (error) {
      if (error instanceof ConflictException) return confirm(request, createAgain);
      throw error;
    }
  }

  function assertAhead(waveId: string, instant: string) {
    if (Date.parse(instant) < clock.now().getTime() + MIN_SCHEDULE_LEAD_MS) {
      throw new Conflict(
        `Wave ${waveId} sends at ${instant}, too soon for EventBridge Scheduler, which fires within the ` +
          `minute of its time: give a send time at least ${MIN_SCHEDULE_LEAD_MS / 60_000} minute ahead`,
      );
    }
  }

  return {
    async schedule(wave) {
      assertAhead(wave.id, wave.sendInstant);
      await create(scheduleRequest(wave, config), true);
      return waveScheduleName(wave.id);
    },

    async scheduleResend(wave, firesAt) {
      assertAhead(wave.id, firesAt);
      await create(resendScheduleRequest(wave, firesAt, config), true);
      return waveResendScheduleName(wave.id);
    },

    async unschedule(waveId) {
      try {
        await client.send(new DeleteScheduleCommand({ Name: waveScheduleName(waveId), GroupName: config.group }));
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
      }
    },
  };
}
