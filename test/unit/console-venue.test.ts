// The open briefing's venue in the console's forms (console/src/ui/venue.ts): one text or a text in each of the six
// languages, opened from what is stored, given back as the API takes it, a missing language refused at its own path,
// and the API's problems read back to the venue and its languages.
import { describe, expect, it } from "vitest";
import { VENUE_LANGUAGES, venueFormOf, venueOfForm, venueProblems, venueRefusal } from "../../console/src/ui/venue.ts";

const PATH = "body.values.briefing.venue";
const six = { ar: "قاعة 4", zh: "第4会议室", en: "Room 4", fr: "Salle 4", ru: "Зал 4", es: "Sala 4" };
const empty = { ar: "", zh: "", en: "", fr: "", ru: "", es: "" };

describe("the briefing's venue in the console", () => {
  it("names the six languages in their own script and in English, Arabic right to left", () => {
    expect(VENUE_LANGUAGES.map(({ code, own, english }) => [code, own, english])).toEqual([
      ["ar", "العربية", "Arabic"],
      ["zh", "中文", "Chinese"],
      ["en", undefined, "English"],
      ["fr", "Français", "French"],
      ["ru", "Русский", "Russian"],
      ["es", "Español", "Spanish"],
    ]);
    expect(VENUE_LANGUAGES.filter(({ dir }) => dir === "rtl").map(({ code }) => code)).toEqual(["ar"]);
    expect(VENUE_LANGUAGES.find(({ code }) => code === "zh")?.tag).toBe("zh-Hans");
  });

  it("opens one text as one venue, a venue in each language with its six texts, and none as one empty text", () => {
    expect(venueFormOf("Room 4")).toEqual({ mode: "one", one: "Room 4", each: empty });
    expect(venueFormOf(six)).toEqual({ mode: "each", one: "", each: six });
    expect(venueFormOf(undefined)).toEqual({ mode: "one", one: "", each: empty });
  });

  it("gives back the chosen mode's venue, trimmed: one text, or the six", () => {
    expect(venueOfForm({ mode: "one", one: " Room 4 ", each: six })).toBe("Room 4");
    expect(venueOfForm({ mode: "one", one: "  ", each: six })).toBeUndefined();
    expect(venueOfForm({ mode: "each", one: "Room 1", each: { ...six, fr: " Salle 4 " } })).toEqual(six);
  });

  it("refuses a venue in each language missing in some, at each missing language's path, before sending", () => {
    const refusal = venueRefusal({ mode: "each", one: "", each: { ...six, ar: " ", ru: "" } }, PATH);
    expect(refusal?.status).toBe(422);
    // In English alone: a plain-text message cannot mark a language's own name with its lang (WCAG 3.1.2).
    expect(refusal?.detail).toBe("Give the venue in Arabic, Russian, or one venue for every language.");
    expect(refusal?.errors).toEqual([
      { path: `${PATH}.ar`, message: "Give the venue in Arabic." },
      { path: `${PATH}.ru`, message: "Give the venue in Russian." },
    ]);
    expect(venueProblems(refusal, PATH)).toEqual({
      ar: "Give the venue in Arabic.",
      ru: "Give the venue in Russian.",
    });
    expect(venueRefusal({ mode: "each", one: "", each: six }, PATH)).toBeUndefined();
    // One text, or none, is not the venue in each language: nothing to refuse.
    expect(venueRefusal({ mode: "one", one: "", each: empty }, PATH)).toBeUndefined();
  });

  it("reads the API's problems at the venue and at its languages, and no other field's", () => {
    const problem = {
      type: "about:blank",
      title: "Unprocessable",
      status: 422,
      errors: [
        { path: PATH, message: "Invalid input" },
        { path: `${PATH}.fr`, message: "too long" },
        { path: "body.values.briefing.time", message: "must be HH:mm" },
        { path: `${PATH}.xx`, message: "no such language" },
      ],
    };
    expect(venueProblems(problem, PATH)).toEqual({ venue: "Invalid input", fr: "too long" });
    expect(venueProblems(undefined, PATH)).toEqual({});
  });
});
