// When a programme schedule next fires: its AWS cron expression read through croner, in the schedule's own zone.
import { Cron } from "croner";
import { dayIn } from "../zoned-time.ts";
import { parseScheduleExpression } from "./aws-cron.ts";

/** Further west or east of UTC than any zone: the instant before which no zone has reached a given day. */
const WIDEST_OFFSET_MS = 14 * 3_600_000;

/**
 * The first firing of a cron schedule on a local day from `from` to `to` (yyyy-mm-dd, in `timeZone`), or undefined
 * when it fires on none of them (or is not a cron schedule).
 */
export function firstFiringBetween(expression: string, timeZone: string, from: string, to: string): Date | undefined {
  const parsed = parseScheduleExpression(expression);
  if (parsed.kind !== "cron") return undefined;
  const job = new Cron(parsed.pattern, { timezone: timeZone, mode: "5-part", paused: true });
  let run = job.nextRun(new Date(Date.parse(`${from}T00:00:00Z`) - WIDEST_OFFSET_MS));
  while (run && dayIn(run, timeZone) < from) run = job.nextRun(run);
  return run && dayIn(run, timeZone) <= to ? run : undefined;
}
