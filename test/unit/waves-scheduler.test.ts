// A wave's one-time schedule: the at() expression in the wave's zone across daylight-saving changes, the exact
// CreateSchedule request (EventBridge Scheduler mocked), retries that meet an existing schedule, and deletion.
import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  UpdateScheduleCommand,
  ValidationException,
} from "@aws-sdk/client-scheduler";
import { mockClient } from "aws-sdk-client-mock";
import { CronDate } from "croner";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Invalid } from "#shared/errors.ts";
import { parseAt } from "#shared/schedules/aws-cron.ts";
import { awsWaveScheduler, MIN_SCHEDULE_LEAD_MS, scheduleRequest } from "#shared/waves/aws-scheduler.ts";
import { localToInstant } from "#shared/waves/rules.ts";
import { atExpression, unconfiguredWaveScheduler, waveScheduleName } from "#shared/waves/scheduler.ts";
import type { Wave } from "#shared/waves/schemas.ts";

const config = {
  dispatchArn: "arn:aws:lambda:us-east-1:123456789012:function:wave-dispatch",
  roleArn: "arn:aws:iam::123456789012:role/wave-scheduler",
  group: "desk-waves",
  deadLetterArn: "arn:aws:sqs:us-east-1:123456789012:wave-schedule-dlq",
};
const HOUR = 3_600_000;
const conflict = () => new ConflictException({ message: "exists", Message: "exists", $metadata: {} });
const notFound = () => new ResourceNotFoundException({ message: "gone", Message: "gone", $metadata: {} });
const invalid = () => new ValidationException({ message: "bad", Message: "bad", $metadata: {} });

/** A wave as createWave stores it: sendInstant is localToInstant of sendAt in the zone. */
function waveAt(sendAt: string, timeZone: string, notAfterMs = 6 * HOUR, id = "01JWAVE00000000000000000001"): Wave {
  const sendInstant = localToInstant(sendAt, timeZone).toISOString();
  return {
    id,
    templateId: "first-report-request",
    audience: "non-reporting-states",
    sendAt,
    timeZone,
    sendInstant,
    notAfter: new Date(Date.parse(sendInstant) + notAfterMs).toISOString(),
    status: "draft",
    createdAt: "2027-01-01T00:00:00.000Z",
    updatedAt: "2027-01-01T00:00:00.000Z",
  };
}

/** The instant a scheduler reading `at(...)` in `timeZone` fires at, by croner's own reading of the zone rules. */
const firesAt = (expression: string, timeZone: string) =>
  new CronDate(parseAt(expression), timeZone).getDate().toISOString();

describe("the at() expression of a wave", () => {
  it("keeps the local wall-clock time and leaves the zone to the scheduler", () => {
    expect(atExpression("2027-03-15T09:00")).toBe("at(2027-03-15T09:00:00)");
    expect(parseAt(atExpression("2027-03-15T09:00"))).toBe("2027-03-15T09:00:00");
  });

  const cases = [
    // The repeated hour (clocks fall back at 02:00 EDT): 01:30 happens twice; the wave is the first, EDT.
    { sendAt: "2027-11-07T01:30", zone: "America/New_York", utc: "2027-11-07T05:30:00.000Z" },
    { sendAt: "2027-03-15T09:00", zone: "America/New_York", utc: "2027-03-15T13:00:00.000Z" },
    // Paris the day after the spring change (CEST, UTC+2), and its own repeated hour in October.
    { sendAt: "2027-03-29T09:00", zone: "Europe/Paris", utc: "2027-03-29T07:00:00.000Z" },
    { sendAt: "2027-10-31T02:30", zone: "Europe/Paris", utc: "2027-10-31T00:30:00.000Z" },
    // Tokyo keeps UTC+9 all year.
    { sendAt: "2027-06-01T09:00", zone: "Asia/Tokyo", utc: "2027-06-01T00:00:00.000Z" },
  ];

  it.each(cases)("$sendAt $zone: at() and zone as written, sendInstant $utc where the scheduler fires", (c) => {
    const wave = waveAt(c.sendAt, c.zone);
    const request = scheduleRequest(wave, config);
    expect(request.ScheduleExpression).toBe(`at(${c.sendAt}:00)`);
    expect(request.ScheduleExpressionTimezone).toBe(c.zone);
    expect(wave.sendInstant).toBe(c.utc);
    expect(firesAt(request.ScheduleExpression ?? "", c.zone)).toBe(wave.sendInstant);
  });

  it("never reaches a schedule for a time the clocks skip: the wave is refused when created", () => {
    expect(() => waveAt("2027-03-14T02:30", "America/New_York")).toThrow(Invalid);
    try {
      waveAt("2027-03-28T02:30", "Europe/Paris");
      expect.unreachable("2027-03-28T02:30 does not exist in Paris");
    } catch (error) {
      expect((error as Invalid).issues).toEqual([
        { path: "body.sendAt", message: expect.stringContaining("does not exist in Europe/Paris") },
      ]);
    }
  });

  it("names the schedule wave-<id>, within the service's 64 characters for the longest ids", () => {
    expect(waveScheduleName("01JWAVE00000000000000000001")).toBe("wave-01JWAVE00000000000000000001");
    const long = "x".repeat(64);
    const name = waveScheduleName(long);
    expect(name).toMatch(/^wave-x+-[0-9a-f]{12}$/);
    expect(name).toHaveLength(64);
    expect(waveScheduleName(`${"x".repeat(63)}y`)).not.toBe(name);
  });
});

describe("the EventBridge Scheduler adapter", () => {
  const scheduler = mockClient(SchedulerClient);
  afterAll(() => scheduler.restore());
  const clock = fixedClock("2027-01-01T00:00:00Z");
  const adapter = awsWaveScheduler(new SchedulerClient({ region: "us-east-1" }), config, clock);
  const wave = waveAt("2027-11-07T01:30", "America/New_York");
  const name = "wave-01JWAVE00000000000000000001";

  beforeEach(() => {
    scheduler.reset();
    clock.set("2027-01-01T00:00:00Z");
  });

  it("creates one one-time schedule with the exact request, and answers its name", async () => {
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: `arn:aws:scheduler:::schedule/desk-waves/${name}` });
    expect(await adapter.schedule(wave)).toBe(name);
    const calls = scheduler.commandCalls(CreateScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      Name: name,
      GroupName: "desk-waves",
      Description: "Wave 01JWAVE00000000000000000001: first-report-request to non-reporting-states",
      ScheduleExpression: "at(2027-11-07T01:30:00)",
      ScheduleExpressionTimezone: "America/New_York",
      FlexibleTimeWindow: { Mode: "OFF" },
      ActionAfterCompletion: "DELETE",
      State: "ENABLED",
      Target: {
        Arn: config.dispatchArn,
        RoleArn: config.roleArn,
        Input: '{"waveId":"01JWAVE00000000000000000001"}',
        DeadLetterConfig: { Arn: config.deadLetterArn },
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 6 * 3600 },
      },
      ClientToken: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it("creates a resend's schedule apart from the wave's own, firing wave-dispatch with enqueueResent in UTC", async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    const resendName = "wave-resend.01JWAVE00000000000000000001";
    expect(await adapter.scheduleResend(wave, "2027-01-01T00:02:00.000Z")).toBe(resendName);
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      Name: resendName,
      GroupName: "desk-waves",
      ScheduleExpression: "at(2027-01-01T00:02:00)",
      ScheduleExpressionTimezone: "UTC",
      ActionAfterCompletion: "DELETE",
      Target: { Arn: config.dispatchArn, Input: '{"waveId":"01JWAVE00000000000000000001","enqueueResent":true}' },
    });
    // Retries stop at the wave's notAfter (past 24 h away here: the service's ceiling).
    expect(input?.Target?.RetryPolicy?.MaximumEventAgeInSeconds).toBe(86_400);
  });

  it("refuses a resend's schedule less than a minute ahead before calling the service", async () => {
    await expect(adapter.scheduleResend(wave, "2027-01-01T00:00:30.000Z")).rejects.toBeInstanceOf(Conflict);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
  });

  it("sends the same client token for the same wave, so a retried call is the same call", () => {
    const token = scheduleRequest(wave, config).ClientToken;
    expect(scheduleRequest(structuredClone(wave), config).ClientToken).toBe(token);
    expect(scheduleRequest(waveAt("2027-11-07T02:30", "America/New_York"), config).ClientToken).not.toBe(token);
  });

  it("stops retrying an invocation at the wave's notAfter, within the service's 60 s to 24 h", () => {
    const age = (notAfterMs: number) =>
      scheduleRequest(waveAt("2027-06-01T09:00", "Asia/Tokyo", notAfterMs), config).Target?.RetryPolicy
        ?.MaximumEventAgeInSeconds;
    expect(age(2 * HOUR)).toBe(7200);
    expect(age(30_000)).toBe(60);
    expect(age(10 * 24 * HOUR)).toBe(86_400);
  });

  it("keeps an existing schedule that says the same (a retried call succeeds, nothing changes)", async () => {
    const request = scheduleRequest(wave, config);
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).resolves({ ...request, Arn: "arn" });
    expect(await adapter.schedule(wave)).toBe(name);
    expect(scheduler.commandCalls(GetScheduleCommand)[0]?.args[0].input).toEqual({
      Name: name,
      GroupName: "desk-waves",
    });
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it("brings an existing schedule that differs in line with UpdateSchedule", async () => {
    const request = scheduleRequest(wave, config);
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler
      .on(GetScheduleCommand)
      .resolves({ ...request, Target: { ...request.Target, Arn: "arn:aws:lambda:::function:old", RoleArn: "r" } });
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: "arn" });
    await adapter.schedule(wave);
    const update = scheduler.commandCalls(UpdateScheduleCommand)[0]?.args[0].input;
    const { ClientToken: createToken, ...expected } = request;
    expect(update).toEqual({ ...expected, ClientToken: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(update?.ClientToken).not.toBe(createToken);
  });

  it("creates again when the existing schedule vanished between the two calls, once", async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: "arn" });
    scheduler.on(GetScheduleCommand).rejects(notFound());
    expect(await adapter.schedule(wave)).toBe(name);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);

    scheduler.reset();
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).rejects(notFound());
    await expect(adapter.schedule(wave)).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(2);
  });

  it("lets any other service error through", async () => {
    scheduler.on(CreateScheduleCommand).rejects(invalid());
    await expect(adapter.schedule(wave)).rejects.toBeInstanceOf(ValidationException);
  });

  it("refuses a send time less than a minute ahead before calling the service", async () => {
    clock.set(new Date(Date.parse(wave.sendInstant) - MIN_SCHEDULE_LEAD_MS + 1000));
    await expect(adapter.schedule(wave)).rejects.toThrow(/at least 1 minute ahead/);
    expect(scheduler.calls()).toHaveLength(0);
  });

  it("deletes the schedule, and takes one already gone as deleted", async () => {
    scheduler.on(DeleteScheduleCommand).resolvesOnce({}).rejects(notFound());
    await adapter.unschedule("01JWAVE00000000000000000001");
    await adapter.unschedule("01JWAVE00000000000000000001");
    expect(scheduler.commandCalls(DeleteScheduleCommand).map((call) => call.args[0].input)).toEqual([
      { Name: name, GroupName: "desk-waves" },
      { Name: name, GroupName: "desk-waves" },
    ]);
    scheduler.on(DeleteScheduleCommand).rejects(invalid());
    await expect(adapter.unschedule("01JWAVE00000000000000000001")).rejects.toBeInstanceOf(ValidationException);
  });
});

describe("a deployment without a scheduler", () => {
  it("refuses to schedule with the reason, and has nothing to unschedule", async () => {
    const scheduler = unconfiguredWaveScheduler("no WAVE_DISPATCH_ARN");
    await expect(scheduler.schedule(waveAt("2027-06-01T09:00", "Asia/Tokyo"))).rejects.toThrow(Conflict);
    await expect(scheduler.schedule(waveAt("2027-06-01T09:00", "Asia/Tokyo"))).rejects.toThrow(/no WAVE_DISPATCH_ARN/);
    await expect(scheduler.unschedule("W")).resolves.toBeUndefined();
  });
});
