// The console's pure parts of a programme letter's values (console/src/pages/programme-letter-values.ts): the form
// from what is given, the values sent from the form (none: {}), the API's 422 paths (`body.<field>`) read back to the
// fields, the year's wave made a draft, and the values a letter's template names (the form asks for those alone, and
// keeps the others as on record when read again). The venue's own rules are console-venue.test.ts's.
import { describe, expect, it } from "vitest";
import {
  describeValues,
  draftWaveOf,
  formReadAgain,
  valueFieldsNamed,
  valueProblems,
  valuesFormOf,
  valuesOfForm,
} from "../../console/src/pages/programme-letter-values.ts";
import { venueFormOf } from "../../console/src/ui/venue.ts";
import { programmeTemplates } from "../../shared/templates/programme-templates.ts";

const oneVenue = (one: string) => venueFormOf(one);
const form = { "briefing.date": "", "briefing.time": "", "briefing.venue": oneVenue("") };

describe("a programme letter's values in the console", () => {
  it("sends the typed values, dropping empty fields, and {} (which removes the letter's values) when none is typed", () => {
    const values = valuesOfForm({ ...form, "briefing.date": "2026-09-17", "briefing.time": " 10:00 " });
    expect(values).toEqual({ "briefing.date": "2026-09-17", "briefing.time": "10:00" });
    expect(valuesOfForm({ ...form, "briefing.venue": oneVenue("  ") })).toEqual({});
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

  it("reads the 422's body paths back to the letter's fields, and the body's own to the whole letter", () => {
    const problem = {
      type: "about:blank",
      title: "Unprocessable",
      status: 422,
      errors: [
        { path: "body.briefing.time", message: "must be a 24-hour time HH:mm" },
        { path: "body.briefing.venue.fr", message: "too short" },
        { path: "programme.activities.1.letters.0.templateId", message: "no template x" },
        { path: "body", message: "not these values" },
      ],
    };
    expect(valueProblems(problem)).toEqual({
      "briefing.time": "must be a 24-hour time HH:mm",
      "briefing.venue": "too short",
      values: "not these values",
    });
    expect(valueProblems(undefined)).toEqual({});
  });

  it("names the year's wave only when its schedule made it a draft", () => {
    const wave = (id: string, status: "draft" | "completed") => ({ id, status, sendAt: "x", timeZone: "z" });
    const waveKey = "open-briefing-invitation-states";
    expect(draftWaveOf({ waveKey, waves: [wave(`${waveKey}-2026`, "draft")] }, 2026)).toBe(`${waveKey}-2026`);
    expect(draftWaveOf({ waveKey, waves: [wave(`${waveKey}-2026`, "completed")] }, 2026)).toBeUndefined();
    expect(draftWaveOf({ waveKey, waves: [wave("W-STAFF", "draft")] }, 2026)).toBeUndefined();
    expect(draftWaveOf({ waveKey }, 2026)).toBeUndefined();
  });

  it("asks for the values the letter's template names, in the form's order: none for the first-report request", () => {
    const template = (id: string) => {
      const found = programmeTemplates.find((candidate) => candidate.id === id);
      if (!found) throw new Error(`no programme template ${id}`);
      return found;
    };
    expect(valueFieldsNamed(template("programme-open-briefing-invitation"))).toEqual([
      "briefing.date",
      "briefing.time",
      "briefing.venue",
    ]);
    expect(valueFieldsNamed(template("programme-first-report-request"))).toEqual([]);
    // Named in one language only, in the subject or the HTML: still asked for.
    const en = { subject: "Briefing {{briefing.date|date}}", text: "Dear {{state.name}}", html: "<p>x</p>" };
    const fr = { subject: "Séance", text: "x", html: "<p>{{briefing.venue}}</p>" };
    expect(valueFieldsNamed({ variants: { en, fr } })).toEqual(["briefing.date", "briefing.venue"]);
    // A template not on record may name any of them.
    expect(valueFieldsNamed(undefined)).toEqual(["briefing.date", "briefing.time", "briefing.venue"]);
  });

  it("keeps the typing in the fields asked for when read again, and takes the others from the record", () => {
    const typed = { "briefing.date": "2026-10-05", "briefing.time": "", "briefing.venue": oneVenue("Typed room") };
    const current = { "briefing.date": "2026-09-17", "briefing.time": "11:00", "briefing.venue": "Room 4" };
    expect(formReadAgain(typed, current, ["briefing.date", "briefing.time"])).toEqual({
      "briefing.date": "2026-10-05",
      "briefing.time": "",
      "briefing.venue": oneVenue("Room 4"),
    });
    expect(formReadAgain(typed, {}, ["briefing.date"])).toEqual({ ...form, "briefing.date": "2026-10-05" });
    expect(formReadAgain(typed, current, ["briefing.date", "briefing.time", "briefing.venue"])).toEqual(typed);
  });
});
