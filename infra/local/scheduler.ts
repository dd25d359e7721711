// Local stand-in for EventBridge Scheduler: fires the programme's schedules, and the one-time schedules the api makes
// for waves, at the same targets, in their time zones; and says what it runs, and how a target failed.
import { Cron, CronDate } from "croner";
import type { Clock } from "../../shared/clock.ts";
import { DomainError } from "../../shared/errors.ts";
import { parseScheduleExpression } from "../../shared/schedules/aws-cron.ts";
import type { Programme, Schedule, ScheduleInput } from "../../shared/schedules/schema.ts";
import {
  resendScheduleOf,
  WAVE_DISPATCH_TARGET,
  type WaveScheduler,
  waveScheduleName,
  waveScheduleOf,
} from "../../shared/waves/scheduler.ts";

export type ScheduleTarget = (input: ScheduleInput) => Promise<unknown>;
export type ScheduleTargets = Record<string, ScheduleTarget>;

export interface SchedulerOptions {
  programme: Programme;
  targets: ScheduleTargets;
  /** The reference for nextRuns() and for deciding that an at() is past; timers follow the real time. */
  clock?: Clock;
  log: (line: string) => void;
}

/** A schedule the scheduler holds, with its next run (null when there is none: an at() already past). */
export interface ScheduledRun {
  schedule: Schedule;
  next: Date | null;
}

export interface LocalScheduler {
  /** Schedule id -> its next run; null when there is none (an at() already past). */
  nextRuns(): Record<string, Date | null>;
  /** Every schedule it holds, the programme's first, in the order they were added. */
  runs(): ScheduledRun[];
  /**
   * Like CreateSchedule (or UpdateSchedule, for an id already there): the schedule replaces any of the same id. An
   * at() schedule added here is removed once it has fired, as ActionAfterCompletion DELETE does.
   */
  add(schedule: Schedule): void;
  /** Like DeleteSchedule; answers whether there was one (an unknown id is nothing to do). */
  remove(id: string): boolean;
  /** Stops every timer, then waits for runs already under way. */
  stop(): Promise<void>;
}

interface Job {
  schedule: Schedule;
  next(): Date | null;
  stop(): void;
}

// setTimeout takes at most 2^31-1 ms (about 24.8 days); longer rate() periods are waited for in steps.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function startScheduler(opts: SchedulerOptions): LocalScheduler {
  const clock: Clock = opts.clock ?? { now: () => new Date() };
  const { schedules } = opts.programme;

  // Refuse the whole programme up front, as a deployment would, rather than fail when a schedule fires.
  const missing = schedules.filter((schedule) => !Object.hasOwn(opts.targets, schedule.target));
  if (missing.length > 0) {
    const list = missing.map((s) => `"${s.id}" -> "${s.target}"`).join(", ");
    throw new Error(
      `Schedules with no local target: ${list}. Register the target in infra/local/targets.ts ` +
        `(known targets: ${knownTargets(opts.targets)})`,
    );
  }

  const running = new Set<Promise<void>>();
  const fire = (schedule: Schedule) => {
    const target = opts.targets[schedule.target];
    if (!target) return;
    const run = (async () => {
      const started = Date.now();
      opts.log(`schedule ${schedule.id}: invoking ${schedule.target}`);
      try {
        await target(schedule.input ?? {});
        opts.log(`schedule ${schedule.id}: ${schedule.target} finished in ${Date.now() - started} ms`);
      } catch (error) {
        // EventBridge would retry and then drop; locally the failure is shown and the schedule carries on.
        const message = error instanceof Error ? error.message : String(error);
        opts.log(`schedule ${schedule.id}: ${schedule.target} failed: ${message}`);
      }
    })();
    running.add(run);
    void run.finally(() => running.delete(run));
  };

  const jobs = new Map<string, Job>();
  try {
    for (const schedule of schedules)
      jobs.set(
        schedule.id,
        startJob(schedule, () => fire(schedule), clock),
      );
  } catch (error) {
    for (const job of jobs.values()) job.stop();
    throw error;
  }

  function remove(id: string): boolean {
    const job = jobs.get(id);
    job?.stop();
    return jobs.delete(id);
  }

  const runs = () => [...jobs.values()].map((job) => ({ schedule: job.schedule, next: job.next() }));
  return {
    nextRuns: () => Object.fromEntries(runs().map(({ schedule, next }) => [schedule.id, next])),
    runs,
    add(schedule) {
      if (!Object.hasOwn(opts.targets, schedule.target)) {
        throw new Error(
          `Schedule "${schedule.id}": no local target "${schedule.target}" (${knownTargets(opts.targets)})`,
        );
      }
      const once = parseScheduleExpression(schedule.expression).kind === "at";
      const job = startJob(
        schedule,
        () => {
          // Only this job's own entry: a schedule added again under the same id stays.
          if (once && jobs.get(schedule.id) === job) jobs.delete(schedule.id);
          fire(schedule);
        },
        clock,
      );
      remove(schedule.id);
      jobs.set(schedule.id, job);
    },
    remove,
    async stop() {
      for (const job of jobs.values()) job.stop();
      await Promise.allSettled([...running]);
    },
  };
}

/**
 * The banner's table of what runs: id, expression, target and the next run in the schedule's zone, each column as wide
 * as its longest entry.
 */
export function scheduleTable(runs: readonly ScheduledRun[], indent = "    "): string[] {
  const rows = runs.map(({ schedule, next }) => [
    schedule.id,
    schedule.expression,
    `-> ${schedule.target}`,
    next ? `${inZone(next, schedule.timezone)} ${schedule.timezone} (${next.toISOString()})` : "no next run",
  ]);
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
  return rows.map(
    (row) => indent + row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join(" "),
  );
}

function inZone(date: Date, timeZone: string): string {
  // The sv-SE locale writes dates as yyyy-mm-dd hh:mm, which reads unambiguously.
  return new Intl.DateTimeFormat("sv-SE", { timeZone, dateStyle: "short", timeStyle: "short" }).format(date);
}

/**
 * How `npm run fire` reports a target that threw: a refusal the desk makes on purpose (a domain error) in one line, its
 * message; anything unexpected with its stack, for whoever has to find the cause.
 */
export function targetFailure(name: string, error: unknown): string {
  if (error instanceof DomainError) return `${name} refused: ${error.message}`;
  return `${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

function knownTargets(targets: ScheduleTargets): string {
  const known = Object.keys(targets);
  return known.length > 0 ? known.join(", ") : "none yet";
}

/**
 * The waves' one-time schedules on the local scheduler: the same name, at() expression, zone, target and input as
 * on EventBridge Scheduler (shared/waves/scheduler.ts), so the local stack fires a wave the way AWS would.
 */
export function localWaveScheduler(scheduler: Pick<LocalScheduler, "add" | "remove">): WaveScheduler {
  return {
    async schedule(wave) {
      const { name, description, expression, timeZone, input } = waveScheduleOf(wave);
      scheduler.add({ id: name, description, expression, timezone: timeZone, target: WAVE_DISPATCH_TARGET, input });
      return name;
    },
    async scheduleResend(wave, firesAt) {
      const { name, description, expression, timeZone, input } = resendScheduleOf(wave, firesAt);
      scheduler.add({ id: name, description, expression, timezone: timeZone, target: WAVE_DISPATCH_TARGET, input });
      return name;
    },
    async unschedule(waveId) {
      scheduler.remove(waveScheduleName(waveId));
    },
  };
}

function startJob(schedule: Schedule, fire: () => void, clock: Clock): Job {
  const parsed = parseScheduleExpression(schedule.expression);
  const timezone = schedule.timezone;
  switch (parsed.kind) {
    case "cron": {
      // "5-part" so a translated pattern can never be read with a seconds field, as raw AWS cron would be.
      const job = new Cron(parsed.pattern, { timezone, mode: "5-part" }, fire);
      return { schedule, next: () => job.nextRun(clock.now()), stop: () => job.stop() };
    }
    case "at": {
      const instant = new CronDate(parsed.localDateTime, timezone).getDate();
      // A past at() never fires locally: firing it at every start would repeat a one-off letter run.
      const job = instant.getTime() > clock.now().getTime() ? new Cron(instant, { timezone }, fire) : undefined;
      return {
        schedule,
        next: () => (instant.getTime() > clock.now().getTime() && job?.isRunning() ? instant : null),
        stop: () => job?.stop(),
      };
    }
    case "rate": {
      // Like a rate() schedule created now: the first run is one period after the start.
      let nextAt = Date.now() + parsed.everyMs;
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        timer = setTimeout(
          () => {
            if (Date.now() >= nextAt) {
              nextAt += parsed.everyMs;
              fire();
            }
            arm();
          },
          Math.min(MAX_TIMEOUT_MS, Math.max(0, nextAt - Date.now())),
        );
      };
      arm();
      return { schedule, next: () => new Date(nextAt), stop: () => clearTimeout(timer) };
    }
  }
}
