// The waves each programme letter is served with: a scheduled letter's own wave (<key>-<year>) first, then the waves
// staff made from its template inside the programme's period; never another schedule's wave, nor one of another year.
// Each with its description, which says why a wave its schedule made a draft was not sent.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { letterWaves } from "#shared/programme/letters.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { seededProgramme, waveOfTemplate } from "./programme-fixture.ts";

const clock = fixedClock("2027-10-01T15:00:00Z");
const audit = { actor: systemActor("test") };

const wave = waveOfTemplate;

/** Each letter of the 2027 draft's activity `id`, with the ids of the waves it is served with. */
async function lettersOf(waves: ReturnType<typeof inMemoryWaves>, id: string) {
  const { years } = await seededProgramme(clock);
  const { programme } = await years.get(2027);
  const activity = programme.activities.find((candidate) => candidate.id === id);
  if (!activity) throw new Error(`the 2027 draft has no ${id}`);
  const linked = await letterWaves(waves).wavesOf(programme);
  return linked.withWaves(activity).letters?.map((letter) => [letter.waveKey, letter.waves?.map((made) => made.id)]);
}

describe("a scheduled programme letter's waves", () => {
  it("lists its own wave first, then the staff waves of its template in the programme's period", async () => {
    const waves = inMemoryWaves(clock);
    const states = "programme-effective-practices-invitation";
    for (const made of [
      wave("open-briefing-invitation-states-2027", states, "2027-09-14T09:00", "draft"),
      // Staff sent the invitation as their own wave, with the briefing's values.
      wave("01STAFFINVITATION", states, "2027-09-15T09:00", "completed"),
      // Not this year's: before the period, and the last year's July programme letter of the same template.
      wave("01LASTYEAR", states, "2026-09-15T09:00", "completed"),
      wave("effective-practices-invitation-2026", states, "2026-07-14T09:00", "completed"),
      // A staff wave of the organizations' letter's template.
      wave("01OTHER", "programme-open-briefing-invitation", "2027-09-15T10:00", "scheduled"),
    ]) {
      await waves.create(made, audit);
    }
    expect(await lettersOf(waves, "sep-letter-open-briefing-invitation")).toEqual([
      ["open-briefing-invitation-states", ["open-briefing-invitation-states-2027", "01STAFFINVITATION"]],
      ["open-briefing-invitation-organizations", ["01OTHER"]],
    ]);
  });

  it("never lists another letter's scheduled wave of the same template as a staff wave", async () => {
    const waves = inMemoryWaves(clock);
    const template = "programme-point-of-contact-update";
    await waves.create(wave("point-of-contact-update-states-2027", template, "2027-03-16T09:00", "completed"), audit);
    await waves.create(
      wave("point-of-contact-update-organizations-2027", template, "2027-03-17T09:00", "completed"),
      audit,
    );
    expect(await lettersOf(waves, "mar-letter-points-of-contact")).toEqual([
      ["point-of-contact-update-states", ["point-of-contact-update-states-2027"]],
      ["point-of-contact-update-organizations", ["point-of-contact-update-organizations-2027"]],
    ]);
  });

  it("serves each wave's description: the reason its schedule's wave was held as a draft", async () => {
    const waves = inMemoryWaves(clock);
    const template = "programme-first-report-request";
    const held =
      "Programme letter first-report-request of 2027: a draft, not sent: staff wave 01EARLY sends this letter to the " +
      "same audience";
    await waves.create(
      { ...wave("first-report-request-2027", template, "2027-03-09T09:00", "draft"), description: held },
      audit,
    );
    await waves.create(wave("01EARLY", template, "2027-03-02T09:00", "completed"), audit);
    const { years } = await seededProgramme(clock);
    const { programme } = await years.get(2027);
    const activity = programme.activities.find((candidate) => candidate.id === "mar-letter-first-report");
    if (!activity) throw new Error("the 2027 draft has no mar-letter-first-report");
    const [letter] = (await letterWaves(waves).wavesOf(programme)).withWaves(activity).letters ?? [];
    expect(letter?.waves).toEqual([
      {
        id: "first-report-request-2027",
        status: "draft",
        sendAt: "2027-03-09T09:00",
        timeZone: "America/New_York",
        description: held,
      },
      // A wave with no description is served without one.
      { id: "01EARLY", status: "completed", sendAt: "2027-03-02T09:00", timeZone: "America/New_York" },
    ]);
  });
});
