// An adopted programme year is the record of what the Committee adopted (shared/programme/adopted-year.ts, ADR 0060):
// a put over it changes no activity, title, period or source (audit 30: an Annex-verified February meeting was moved
// to March through the API, stayed "verified" and rolled into every later draft); the days activities were held and
// the letters' values may still be given.
import { describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { changesToAdopted } from "#shared/programme/adopted-year.ts";
import type { ProgrammeFile } from "#shared/programme/schemas.ts";
import { seededProgramme } from "./programme-fixture.ts";

const staff = { actor: { kind: "user" as const, id: "officer", groups: ["secretariat" as const] } };

async function adopted2023() {
  const deps = await seededProgramme(fixedClock("2026-12-03T15:00:00Z"));
  const stored = await deps.store.get(2023);
  if (stored?.value.status !== "adopted") throw new Error("2023 is not seeded as adopted");
  return { deps, file: stored.value.file, version: stored.version };
}

type Activity = ProgrammeFile["activities"][number];

const withActivity = (file: ProgrammeFile, id: string, change: (activity: Activity) => Activity): ProgrammeFile => ({
  ...file,
  activities: file.activities.map((activity) => (activity.id === id ? change(activity) : activity)),
});

describe("a put over an adopted programme year", () => {
  it("refuses an Annex-verified activity moved to another month, with 409 naming it; nothing is stored", async () => {
    const { deps, file, version } = await adopted2023();
    const meeting = file.activities.find((activity) => activity.verified && "month" in activity);
    if (!meeting) throw new Error("no verified meeting planned for a month");
    const moved = withActivity(file, meeting.id, (activity) => ({ ...activity, month: "2023-12" }));
    await expect(deps.years.put(2023, moved, version, staff)).rejects.toMatchObject({
      kind: "conflict",
      message:
        `The 2023 programme of work is adopted: what the Committee adopted changes no more (changes ${meeting.id}). ` +
        "Only its scheduled letters' values and the day an activity was held may still be given",
    });
    expect((await deps.store.get(2023))?.version).toBe(version);
    expect((await deps.store.get(2023))?.value.file).toEqual(file);
  });

  it("answers a put read before the year's adoption with 412, not with the changes adoption made", async () => {
    const deps = await seededProgramme(fixedClock("2026-12-03T15:00:00Z"));
    const draft = await deps.years.get(2026);
    await deps.years.adopt(2026, draft.version, staff);
    await expect(deps.years.put(2026, draft.file, draft.version, staff)).rejects.toMatchObject({
      kind: "precondition-failed",
    });
  });

  it("names each change: the title, an activity removed, one added, the order; none for the year as it stands", async () => {
    const { file: stored } = await adopted2023();
    const [first, second, ...rest] = stored.activities;
    if (!first || !second) throw new Error("too few activities");
    expect(changesToAdopted(stored, { ...stored, title: "Another" })).toEqual(["its title"]);
    expect(changesToAdopted(stored, { ...stored, activities: [second, ...rest] })).toEqual([`removes ${first.id}`]);
    expect(
      changesToAdopted(stored, { ...stored, activities: [...stored.activities, { ...first, id: "new-one" }] }),
    ).toEqual(["adds new-one"]);
    expect(changesToAdopted(stored, { ...stored, activities: [second, first, ...rest] })).toEqual([
      "the order of its activities",
    ]);
    expect(changesToAdopted(stored, structuredClone(stored))).toEqual([]);
  });

  it("takes the day an activity planned for a month was held, and its letters' values; it stays adopted", async () => {
    const { deps, file, version } = await adopted2023();
    const planned = file.activities.find((activity) => "month" in activity && !activity.held);
    const letter = file.activities.find((activity) => activity.letters?.some((link) => !link.manual));
    if (!planned || !("month" in planned) || !letter) throw new Error("no activity to give");
    const heldOn = `${planned.month}-15`;
    const given = withActivity(
      withActivity(file, planned.id, (activity) => ({
        ...activity,
        held: { date: heldOn, sources: [activity.source] },
      })),
      letter.id,
      (activity) => ({
        ...activity,
        letters: activity.letters?.map((link) =>
          link.manual ? link : { ...link, values: { "briefing.venue": "Conference Room 1" } },
        ),
      }),
    );
    const stored = await deps.years.put(2023, given, version, staff);
    expect(stored.status).toBe("adopted");
    expect(changesToAdopted(file, given)).toEqual([]);
    expect((await deps.store.get(2023))?.value.file.activities.find(({ id }) => id === planned.id)?.held?.date).toBe(
      heldOn,
    );
  });
});
