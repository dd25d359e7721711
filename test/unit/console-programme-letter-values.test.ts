// The console's pure parts of a programme letter's values (console/src/pages/programme-letter-values.ts): the form
// from what is given, the year's file with the typed values on one letter and nothing else changed, the API's 422
// paths read back to the fields, and the year's wave made a draft. The venue's own rules are console-venue.test.ts's.
import { describe, expect, it } from "vitest";
import {
  describeValues,
  draftWaveOf,
  letterAt,
  type ProgrammeFile,
  valueProblems,
  valuesFormOf,
  valuesOfForm,
  withLetterValues,
} from "../../console/src/pages/programme-letter-values.ts";
import { venueFormOf } from "../../console/src/ui/venue.ts";

const activity = (id: string, letters?: ProgrammeFile["activities"][number]["letters"]) => ({
  id,
  kind: "correspondence" as const,
  title: id,
  responsible: ["committee" as const],
  source: { basis: "inference", document: "d", locator: "l" },
  verified: false,
  month: "2026-09",
  ...(letters ? { letters } : {}),
});

const file = {
  year: 2026,
  title: "Programme of work 2026",
  period: { from: "2026-02-01", to: "2027-01-31" },
  source: { document: "draft" },
  activities: [
    activity("mar-letter"),
    activity("sep-letter", [
      { waveKey: "open-briefing-invitation-states", templateId: "programme-effective-practices-invitation" },
      {
        waveKey: "open-briefing-invitation-organizations",
        templateId: "programme-open-briefing-invitation",
        values: { "briefing.date": "2026-10-01" },
      },
    ]),
  ],
} as unknown as ProgrammeFile;

const oneVenue = (one: string) => venueFormOf(one);
const form = { "briefing.date": "", "briefing.time": "", "briefing.venue": oneVenue("") };

describe("a programme letter's values in the console", () => {
  it("finds a letter by its activity and wave key, as indices the API's paths name", () => {
    expect(letterAt(file, "sep-letter", "open-briefing-invitation-organizations")).toEqual({ activity: 1, letter: 1 });
    expect(letterAt(file, "sep-letter", "no-such-letter")).toBeUndefined();
    expect(letterAt(file, "mar-letter", "open-briefing-invitation-states")).toBeUndefined();
  });

  it("sets the letter's values, dropping empty fields, and leaves every other part of the file as it was", () => {
    const at = { activity: 1, letter: 0 };
    const values = valuesOfForm({ ...form, "briefing.date": "2026-09-17", "briefing.time": " 10:00 " });
    expect(values).toEqual({ "briefing.date": "2026-09-17", "briefing.time": "10:00" });
    const changed = withLetterValues(file, at, values);
    expect(changed.activities[1]?.letters?.[0]?.values).toEqual(values);
    expect(changed.activities[1]?.letters?.[1]).toEqual(file.activities[1]?.letters?.[1]);
    expect(changed.activities[0]).toBe(file.activities[0]);
    expect({ ...changed, activities: [] }).toEqual({ ...file, activities: [] });
  });

  it("removes `values` when every field is empty", () => {
    const at = { activity: 1, letter: 1 };
    expect(valuesOfForm({ ...form, "briefing.venue": oneVenue("  ") })).toBeUndefined();
    expect(withLetterValues(file, at, undefined).activities[1]?.letters?.[1]).toEqual({
      waveKey: "open-briefing-invitation-organizations",
      templateId: "programme-open-briefing-invitation",
    });
  });

  it("opens a venue given in each language with its six texts, and gives it back in each language or as one", () => {
    const venue = { ar: "قاعة 4", zh: "第4会议室", en: "Room 4", fr: "Salle 4", ru: "Зал 4", es: "Sala 4" };
    const stored = { "briefing.date": "2026-09-17", "briefing.venue": venue };
    const opened = valuesFormOf(stored);
    expect(opened["briefing.venue"]).toEqual({ mode: "each", one: "", each: venue });
    expect(valuesOfForm(opened)).toEqual(stored);
    const typed = { ...opened["briefing.venue"], each: { ...venue, ar: " قاعة المؤتمرات 4 " } };
    expect(valuesOfForm({ ...opened, "briefing.venue": typed })?.["briefing.venue"]).toEqual({
      ...venue,
      ar: "قاعة المؤتمرات 4",
    });
    // One text chosen instead: that text goes to every language, and the six are not sent.
    const one = { ...opened["briefing.venue"], mode: "one" as const, one: "Room 1" };
    expect(valuesOfForm({ ...opened, "briefing.venue": one })).toEqual({
      "briefing.date": "2026-09-17",
      "briefing.venue": "Room 1",
    });
    expect(describeValues(stored)).toBe(
      "briefing.date 2026-09-17, briefing.venue ar: قاعة 4; zh: 第4会议室; en: Room 4; fr: Salle 4; ru: Зал 4; es: Sala 4",
    );
  });

  it("shows the values given now in the form and in words", () => {
    const given = { "briefing.date": "2026-09-17", "briefing.time": "10:00", "briefing.venue": "Room 1" };
    expect(valuesFormOf(given)).toEqual({ ...given, "briefing.venue": oneVenue("Room 1") });
    expect(valuesFormOf(undefined)).toEqual(form);
    expect(describeValues(given)).toBe("briefing.date 2026-09-17, briefing.time 10:00, briefing.venue Room 1");
    expect(describeValues(undefined)).toBe("none given");
  });

  it("reads the 422's paths back to the letter's fields, and only that letter's", () => {
    const problem = {
      type: "about:blank",
      title: "Unprocessable",
      status: 422,
      errors: [
        { path: "body.activities.1.letters.0.values.briefing.time", message: "must be a 24-hour time HH:mm" },
        { path: "body.activities.1.letters.0.values.briefing.venue.fr", message: "too short" },
        { path: "body.activities.1.letters.1.values.briefing.date", message: "another letter's" },
        { path: "body.activities.1.letters.0.values", message: "a manual letter has no schedule" },
      ],
    };
    expect(valueProblems(problem, { activity: 1, letter: 0 })).toEqual({
      "briefing.time": "must be a 24-hour time HH:mm",
      "briefing.venue": "too short",
      values: "a manual letter has no schedule",
    });
    expect(valueProblems(undefined, { activity: 1, letter: 0 })).toEqual({});
  });

  it("names the year's wave only when its schedule made it a draft", () => {
    const wave = (id: string, status: "draft" | "completed") => ({ id, status, sendAt: "x", timeZone: "z" });
    const waveKey = "open-briefing-invitation-states";
    expect(draftWaveOf({ waveKey, waves: [wave(`${waveKey}-2026`, "draft")] }, 2026)).toBe(`${waveKey}-2026`);
    expect(draftWaveOf({ waveKey, waves: [wave(`${waveKey}-2026`, "completed")] }, 2026)).toBeUndefined();
    expect(draftWaveOf({ waveKey, waves: [wave("W-STAFF", "draft")] }, 2026)).toBeUndefined();
    expect(draftWaveOf({ waveKey }, 2026)).toBeUndefined();
  });
});
