// The State's language-of-letters form after its save was refused as stale (language-on-record.ts): the latest change
// of the language read from the timeline, what the form says is on record now and by whom, the reader's choice kept,
// and a button named by what pressing it again does.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  type LanguageChange,
  languageChangeIn,
  languageOnRecordWords,
  languageSubmitLabel,
} from "../../console/src/pages/state/language-on-record.ts";

type Entry = components["schemas"]["TimelineEntry"];

const entry = (action: string, at: string, before: unknown, after: unknown, username?: string): Entry => ({
  on: at.slice(0, 10),
  at,
  kind: "state",
  action,
  source: { type: "state", id: "ARG" },
  actor: { kind: "user", id: "sub-9", ...(username ? { username } : {}) },
  before,
  after,
});

const spanish: LanguageChange = { language: "es", was: "en", who: "a.colleague", at: "2026-12-06T11:50:12.000Z" };

describe("the latest change of the State's language", () => {
  it("is the newest correction of its details in the timeline, with the language before and after and who", () => {
    const entries = [
      entry("state.update", "2026-12-06T11:50:12.000Z", { language: "en" }, { language: "es" }, "a.colleague"),
      entry("state.update", "2026-11-01T09:00:00.000Z", { language: "fr" }, { language: "en" }, "other"),
      entry("registry.seed", "2025-01-01T00:00:00.000Z", undefined, { language: "fr" }),
    ];
    expect(languageChangeIn(entries)).toEqual(spanish);
    expect(languageChangeIn(entries.slice(2))).toBeUndefined();
    expect(languageChangeIn([entry("state.update", spanish.at, {}, { language: "es" })])?.who).toBe("sub-9");
  });
});

describe("the form's button", () => {
  it("confirms the language on record, changes it, and after a stale refusal says it replaces the colleague's", () => {
    expect(languageSubmitLabel("es", "es", true)).toBe("Confirm this language");
    expect(languageSubmitLabel("en", "es", false)).toBe("Change the language of letters");
    expect(languageSubmitLabel("en", "es", true)).toBe("Replace Spanish with English");
  });
});

describe("what the form says after a stale refusal", () => {
  it("names the language on record, who changed it and when, and what pressing again does with the reader's", () => {
    expect(languageOnRecordWords("es", spanish, "en")).toBe(
      "Now on record: Spanish, changed from English by a.colleague at 2026-12-06 11:50 UTC. Your choice, English, " +
        'is kept: "Replace Spanish with English" puts it over a.colleague\'s change.',
    );
    expect(languageOnRecordWords("es", spanish, "es")).toBe(
      "Now on record: Spanish, changed from English by a.colleague at 2026-12-06 11:50 UTC. It is the language you chose.",
    );
    expect(languageOnRecordWords("es", { ...spanish, was: "es" }, "fr")).toMatch(
      /^Now on record: Spanish, confirmed by a\.colleague at 2026-12-06 11:50 UTC\. Your choice, French, is kept/,
    );
  });

  it("says the language alone where the timeline's latest change did not set it", () => {
    const older = { ...spanish, language: "fr" };
    for (const change of [older, undefined]) {
      expect(languageOnRecordWords("es", change, "en")).toBe(
        'Now on record: Spanish. Your choice, English, is kept: "Replace Spanish with English" puts it over the ' +
          "Spanish on record.",
      );
    }
  });
});
