// The console's correction of one activity of a draft programme year (console/src/pages/programme-activity-correction.ts),
// in Node, against the programme years' own use case (the API's PUT /programme/{year}) on the desk's 2026 draft, rolled
// forward from 2023: the form from an activity's timing (a day, a month, a due day, a quarter's or a month's end),
// the year sent back with only what was typed over this activity (a colleague's change to another activity, or to a
// field of this one the form does not show, stands), a change to this activity since the form read it told apart, the
// refusal of an incomplete form before sending, the API's 422 paths read back to the form's fields, and a year adopted
// since refused.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Invalid } from "#shared/errors.ts";
import { programmeFileSchema } from "#shared/programme/schemas.ts";
import {
  adoptedRefusal,
  CORRECTION_WORDS,
  changedSince,
  correctedActivity,
  correctedWords,
  correctionRefusal,
  correctionValuesOf,
  type FileActivity,
  type ProgrammeFile,
  problemAtFormFields,
  yearWithCorrection,
} from "../../console/src/pages/programme-activity-correction.ts";
import { readAgainWords } from "../../console/src/pages/typed-over.ts";
import { seededProgramme } from "./programme-fixture.ts";

// Thursday 3 December 2026 in New York: the 2026 programme year, a draft rolled forward from 2023.
const NOW = "2026-12-03T15:00:00Z";
const audit = { actor: systemActor("test") };

async function draft2026() {
  const deps = await seededProgramme(fixedClock(NOW));
  const year = await deps.years.get(2026);
  expect([year.status, year.version]).toEqual(["draft", 0]);
  return { ...deps, file: year.file as ProgrammeFile };
}

function activityIn(file: ProgrammeFile, id: string): { index: number; activity: FileActivity } {
  const index = file.activities.findIndex((candidate) => candidate.id === id);
  const activity = file.activities[index];
  if (!activity) throw new Error(`no activity ${id}`);
  return { index, activity };
}

/** The use case's 422 as the API answers it: its issues at their paths. */
async function refusalOfPut(put: Promise<unknown>) {
  const error = await put.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof Invalid)) throw new Error(`expected a 422, got ${String(error)}`);
  return { type: "/problems/invalid", title: error.message, status: 422, errors: error.issues };
}

describe("correcting an activity of a draft programme year in the console", () => {
  it("opens the form on the activity's one timing, whichever the file gives", async () => {
    const { file } = await draft2026();
    const values = (id: string) => correctionValuesOf(activityIn(file, id).activity);
    expect(values("jul-meeting-focus-areas")).toEqual({
      timing: "month",
      when: "2026-07",
      title: activityIn(file, "jul-meeting-focus-areas").activity.title,
      note: expect.stringMatching(/^Draft: rolled forward from the 2023 programme/),
    });
    expect(values("pending-assistance-report-1")).toMatchObject({ timing: "dueBy", when: "2026-04-30" });
    expect(values("pending-assistance-report-2")).toMatchObject({ timing: "monthEnd", when: "2026-08" });
    const quarter = { ...activityIn(file, "pending-assistance-report-2").activity, dueBy: { quarterEnd: "2026-Q3" } };
    expect(correctionValuesOf(quarter)).toMatchObject({ timing: "quarterEnd", when: "2026-Q3" });
    const { dueBy: _dueBy, ...day } = { ...quarter, date: "2026-09-08" };
    expect(correctionValuesOf(day)).toMatchObject({ timing: "date", when: "2026-09-08" });
  });

  it("puts only the month typed over the activity, which the year's own PUT stores; every other field and activity as read", async () => {
    const { file, years } = await draft2026();
    const { index, activity } = activityIn(file, "jul-meeting-focus-areas");
    const body = yearWithCorrection(file, index, { when: "2026-08" });
    expect(body.activities[index]).toEqual({ ...activity, month: "2026-08" });
    expect(body.activities.filter((_, at) => at !== index)).toEqual(file.activities.filter((_, at) => at !== index));
    const stored = await years.put(2026, body, 0, audit);
    expect(activityIn(stored.file as ProgrammeFile, activity.id).activity.month).toBe("2026-08");
    expect(stored.status).toBe("draft");
  });

  it("switches the timing to a day, a due day or a quarter's end: one of date, dueBy and month, as the schema demands", async () => {
    const { file } = await draft2026();
    const { activity } = activityIn(file, "jul-meeting-focus-areas");
    const timed = (typed: Parameters<typeof correctedActivity>[1]) => {
      const { date, dueBy, month } = correctedActivity(activity, typed);
      return { date, dueBy, month };
    };
    expect(timed({ timing: "date", when: " 2026-07-14 " })).toEqual({ date: "2026-07-14" });
    expect(timed({ timing: "dueBy", when: "2026-07-31" })).toEqual({ dueBy: "2026-07-31" });
    expect(timed({ timing: "quarterEnd", when: "2026-Q3" })).toEqual({ dueBy: { quarterEnd: "2026-Q3" } });
    expect(timed({ timing: "monthEnd" })).toEqual({ dueBy: { monthEnd: "2026-07" } });
    const switched = correctedActivity(activity, { timing: "date", when: "2026-07-14" });
    expect(Object.keys(switched)).not.toContain("month");
    expect(programmeFileSchema().safeParse({ ...file, activities: [switched] }).success).toBe(true);
  });

  it("keeps a colleague's change to another activity, and to this one's agenda, made after the form read it", async () => {
    const { file, years } = await draft2026();
    const read = activityIn(file, "jul-meeting-focus-areas").activity;
    // A colleague puts the year meanwhile: another activity's title, and this one's agenda (no field of the form).
    const other = activityIn(file, "aug-meeting-assistance-mechanism");
    const theirs: ProgrammeFile = {
      ...file,
      activities: file.activities.map((activity) => {
        if (activity.id === other.activity.id) return { ...activity, title: "Assistance mechanism (moved)" };
        if (activity.id === read.id) return { ...activity, agendaItems: ["Focus areas, as the Chair proposed"] };
        return activity;
      }),
    };
    const since = await years.put(2026, theirs, 0, audit);
    const now = since.file as ProgrammeFile;
    const { index, activity } = activityIn(now, read.id);
    expect(changedSince(read, activity)).toBe(false);
    const body = yearWithCorrection(now, index, { when: "2026-09", note: "Moved to September by the Chair's letter." });
    const stored = (await years.put(2026, body, since.version, audit)).file as ProgrammeFile;
    expect(activityIn(stored, other.activity.id).activity.title).toBe("Assistance mechanism (moved)");
    expect(activityIn(stored, read.id).activity).toEqual({
      ...read,
      agendaItems: ["Focus areas, as the Chair proposed"],
      month: "2026-09",
      note: "Moved to September by the Chair's letter.",
    });
  });

  it("tells a change to this activity's timing, title, note or verification since the form read it", async () => {
    const { file } = await draft2026();
    const { activity } = activityIn(file, "jul-meeting-focus-areas");
    expect(changedSince(activity, { ...activity, agendaItems: [] })).toBe(false);
    expect(changedSince(activity, { ...activity, month: "2026-08" })).toBe(true);
    expect(changedSince(activity, { ...activity, title: "Another title" })).toBe(true);
    expect(changedSince(activity, { ...activity, note: "Another note" })).toBe(true);
    expect(changedSince(activity, { ...activity, verified: true })).toBe(true);
  });

  it("refuses before sending a form that changes nothing or leaves a field empty, at the field", async () => {
    const { file } = await draft2026();
    const { activity } = activityIn(file, "jul-meeting-focus-areas");
    expect(correctionRefusal(2026, activity, {})).toMatchObject({ title: "Nothing to correct", errors: [] });
    // Typed back to what is stored, with spaces: no change either.
    expect(correctionRefusal(2026, activity, { when: " 2026-07 " })).toMatchObject({ title: "Nothing to correct" });
    expect(correctionRefusal(2026, activity, { timing: "quarterEnd", when: " ", title: "", note: "  " })).toEqual({
      type: "about:blank",
      title: "The correction is incomplete",
      status: 0,
      errors: [
        { path: "body.when", message: "Give the quarter as YYYY-Qn, e.g. 2026-Q3." },
        { path: "body.title", message: "Give the activity's title." },
        {
          path: "body.note",
          message: "Say why it is not verified in Annex II: an unverified activity keeps its note.",
        },
      ],
    });
    expect(correctionRefusal(2026, activity, { when: "2026-08" })).toBeUndefined();
  });

  it("refuses a when not written as its timing's format, with an example in the year being corrected, which its PUT takes", async () => {
    const { file, years } = await draft2026();
    const { index, activity } = activityIn(file, "jul-meeting-focus-areas");
    const whenRefusal = (year: number, typed: Parameters<typeof correctionRefusal>[2]) =>
      correctionRefusal(year, activity, typed)?.errors?.find(({ path }) => path === "body.when")?.message;
    expect(whenRefusal(2026, { when: "2026-13" })).toBe("Give the month as YYYY-MM, e.g. 2026-10.");
    expect(whenRefusal(2027, { when: "July" })).toBe("Give the month as YYYY-MM, e.g. 2027-10.");
    expect(whenRefusal(2026, { timing: "quarterEnd", when: "2026-Q5" })).toBe(
      "Give the quarter as YYYY-Qn, e.g. 2026-Q3.",
    );
    expect(whenRefusal(2026, { timing: "date", when: "14 July" })).toBe("Give the day as YYYY-MM-DD, e.g. 2026-10-15.");
    expect(whenRefusal(2026, { timing: "monthEnd", when: "2026-7" })).toBe("Give the month as YYYY-MM, e.g. 2026-10.");
    // Each example is a day, month or quarter of the 2026 programme year: its own PUT takes it.
    let version = 0;
    for (const timing of ["date", "dueBy", "month", "quarterEnd", "monthEnd"]) {
      const example = /e\.g\. (\S+)\.$/.exec(whenRefusal(2026, { timing, when: "?" }) ?? "")?.[1] ?? "";
      expect(example, timing).not.toContain("2023");
      const stored = await years.put(2026, yearWithCorrection(file, index, { timing, when: example }), version, audit);
      version = stored.version;
      expect(correctionValuesOf(activityIn(stored.file as ProgrammeFile, activity.id).activity), timing).toMatchObject({
        timing,
        when: example,
      });
    }
  });

  it("corrects only the title and note of an activity read in Annex II, whose note may be emptied", async () => {
    const { years } = await draft2026();
    const adopted = (await years.get(2023)).file as ProgrammeFile;
    const { activity } = activityIn(adopted, "jul-meeting-focus-areas");
    expect(activity.verified).toBe(true);
    const withNote = { ...activity, note: "Checked against the annex." };
    expect(correctionRefusal(2023, withNote, { when: "2023-08" })).toMatchObject({ title: "Nothing to correct" });
    expect(correctionRefusal(2023, withNote, { note: "" })).toBeUndefined();
    const corrected = correctedActivity(withNote, { when: "2023-08", note: "" });
    expect(corrected).toEqual(activity);
    expect(Object.keys(corrected)).not.toContain("note");
  });

  it("reads the API's 422 back to the form's fields: an impossible day, a day outside the period, a bad quarter", async () => {
    const { file, years } = await draft2026();
    const { index } = activityIn(file, "jul-meeting-focus-areas");
    const atFields = async (typed: Parameters<typeof yearWithCorrection>[2]) =>
      problemAtFormFields(await refusalOfPut(years.put(2026, yearWithCorrection(file, index, typed), 0, audit)), index)
        .errors;
    expect(await atFields({ timing: "date", when: "2026-02-30" })).toEqual([
      { path: "body.when", message: expect.any(String) },
    ]);
    expect(await atFields({ timing: "date", when: "2027-03-02" })).toEqual([
      { path: "body.when", message: "2027-03-02 is outside the period 2026-02-01 to 2027-01-31" },
    ]);
    expect(await atFields({ timing: "quarterEnd", when: "2026-Q5" })).toEqual([
      { path: "body.when", message: "must be a quarter, e.g. 2023-Q3" },
    ]);
    expect(await atFields({ when: "2026-13" })).toEqual([
      { path: "body.when", message: "must be a month, e.g. 2023-10" },
    ]);
    // Another activity's fault, or one of this activity's the form does not show, keeps its path: said above the fields.
    const elsewhere = {
      type: "/problems/invalid",
      title: "The programme of work is not valid",
      status: 422,
      errors: [
        { path: `body.activities.${index + 1}.title`, message: "Too small" },
        { path: `body.activities.${index}.letters.0.templateId`, message: "no template x" },
        { path: `body.activities.${index}.title`, message: "Too small" },
      ],
    };
    expect(problemAtFormFields(elsewhere, index).errors?.map(({ path }) => path)).toEqual([
      `body.activities.${index + 1}.title`,
      `body.activities.${index}.letters.0.templateId`,
      "body.title",
    ]);
  });

  it("refuses a correction to a year adopted since the page read it, in its own words before the API's 409", async () => {
    const { file, years } = await draft2026();
    const adopted = await years.adopt(2026, 0, audit);
    const { index } = activityIn(file, "jul-meeting-focus-areas");
    await expect(
      years.put(
        2026,
        yearWithCorrection(adopted.file as ProgrammeFile, index, { when: "2026-08" }),
        adopted.version,
        audit,
      ),
    ).rejects.toMatchObject({ kind: "conflict", message: expect.stringContaining("changes jul-meeting-focus-areas") });
    expect(adoptedRefusal(2026, "adopted")).toMatchObject({
      status: 409,
      title: "The 2026 programme was adopted after this page read it",
    });
    expect(adoptedRefusal(2026, "draft")).toBeUndefined();
  });

  it("says what a save changed, and after a stale save what stands and what saving sends", async () => {
    const { file } = await draft2026();
    const { activity } = activityIn(file, "jul-meeting-focus-areas");
    expect(correctedWords(activity, { when: "2026-08" })).toBe("in 2026-08");
    expect(
      correctedWords(activity, { timing: "quarterEnd", when: "2026-Q3", title: " Focus areas ", note: "Why." }),
    ).toBe('due by the end of 2026-Q3; title "Focus areas"; the note');
    const now = { ...activity, month: "2026-10" };
    expect(readAgainWords(correctionValuesOf(now), { when: "2026-08" }, CORRECTION_WORDS)).toMatch(
      /^Now on record: timing in a month, no day fixed, when "2026-10", .* Saving sends only what you typed that differs from it: when "2026-08" \(now "2026-10"\)\./,
    );
  });
});
