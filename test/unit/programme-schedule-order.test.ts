// The programme's letters in the order a reader expects them: the States are invited to the open briefing before the
// organizations, in every year, whatever weekday the month starts on.
import { Cron } from "croner";
import { describe, expect, it } from "vitest";
import { toCronerPattern } from "#shared/schedules/aws-cron.ts";
import { programme } from "../../events/programme.ts";

function firstRunOnOrAfter(id: string, from: Date): Date {
  const schedule = programme.schedules.find((candidate) => candidate.id === id);
  if (!schedule) throw new Error(`events/programme.json has no schedule ${id}`);
  const job = new Cron(toCronerPattern(schedule.expression), {
    timezone: schedule.timezone,
    mode: "5-part",
    paused: true,
  });
  const next = job.nextRun(from);
  if (!next) throw new Error(`${id} never runs after ${from.toISOString()}`);
  return next;
}

describe("the open briefing's invitations", () => {
  it("reach the States before the organizations every September from 2026 to 2045", () => {
    const late: string[] = [];
    for (let year = 2026; year <= 2045; year++) {
      const from = new Date(`${year}-08-01T00:00:00Z`);
      const states = firstRunOnOrAfter("open-briefing-invitation-states", from);
      const organizations = firstRunOnOrAfter("open-briefing-invitation-organizations", from);
      expect(states.getUTCMonth(), `${year}`).toBe(8);
      if (organizations <= states) late.push(`${year}: ${organizations.toISOString()} <= ${states.toISOString()}`);
    }
    expect(late).toEqual([]);
  });
});
