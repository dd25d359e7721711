// An audit entry's before and after in words (console/src/pages/audit-image-words.ts), as the writers keep them: a
// provider, an owner and a State by name, areas, languages, roles and audiences in words, instants in UTC, yes and no;
// the fields only the machinery reads kept, last, and marked technical.
import { describe, expect, it } from "vitest";
import { fieldLabel, imageRows, valueWords } from "../../console/src/pages/audit-image-words.ts";

const names = new Map([
  ["STATE:BRA", "Brazil"],
  ["STATE:MLI", "Mali"],
  ["ORG:iaea", "International Atomic Energy Agency"],
]);

const plain = (text: string) => ({ text, block: false });

describe("a value of a before or after, in words", () => {
  it("names a provider, an owner and a State rather than showing their codes or JSON", () => {
    expect(valueWords("provider", { kind: "state", iso3: "BRA" }, names)).toEqual(plain("Brazil"));
    expect(valueWords("provider", { kind: "organization", id: "iaea" }, names)).toEqual(
      plain("International Atomic Energy Agency"),
    );
    expect(valueWords("owner", "STATE:MLI", names)).toEqual(plain("Mali"));
    expect(valueWords("iso3", "MLI", names)).toEqual(plain("Mali"));
    // A name not known (yet) leaves the code.
    expect(valueWords("provider", { kind: "state", iso3: "PER" }, names)).toEqual(plain("PER"));
  });

  it("says a year's UN Headquarters holidays and how a consent window was counted in words, not JSON", () => {
    const days = [
      { date: "2026-11-26", name: "Thanksgiving Day" },
      { date: "2026-12-25", name: "Christmas Day" },
    ];
    expect(valueWords("days", days, names)).toEqual(plain("Thanksgiving Day (2026-11-26), Christmas Day (2026-12-25)"));
    expect(
      valueWords("consentWindowCounted", { holidaysFrom: ["ST/IC/2025/30"], yearsNotOnRecord: [2027] }, names),
    ).toEqual(
      plain(
        "skipping the UN Headquarters holidays of ST/IC/2025/30; weekends only in 2027 (its holidays not on record)",
      ),
    );
    expect(valueWords("consentWindowCounted", { holidaysFrom: [], yearsNotOnRecord: [2026] }, names)).toEqual(
      plain("weekends only in 2026 (its holidays not on record)"),
    );
    // Another record with a date and a name and more is no holiday: its JSON stays.
    expect(valueWords("days", [{ date: "2026-11-26", name: "x", kind: "y" }], names).block).toBe(true);
  });

  it("says a list of areas, languages, a contact's role and an audience in words", () => {
    expect(valueWords("areas", ["chemical-security", "enforcement"], names)).toEqual(
      plain("Chemical security, Enforcement"),
    );
    expect(valueWords("language", "fr", names)).toEqual(plain("French"));
    expect(valueWords("fallbackLanguage", "es", names)).toEqual(plain("Spanish"));
    expect(valueWords("role", "capital-poc", names)).toEqual(plain("Point of contact in the capital"));
    expect(valueWords("emailStatus", "complained", names)).toEqual(plain("reported as spam"));
    expect(valueWords("audience", "states-with-follow-up-due", names).text).toBe(
      "States owed the one-year follow-up letter on an assistance request",
    );
    // A code the console has no words for is shown as it is.
    expect(valueWords("areas", ["chemical-security", "space"], names)).toEqual(plain("Chemical security, space"));
  });

  it("says instants in UTC, a local send time without its T, yes and no, none, and other lists joined", () => {
    expect(valueWords("updatedAt", "2026-12-06T11:54:03.120Z", names)).toEqual(plain("2026-12-06 11:54 UTC"));
    expect(valueWords("sendAt", "2026-12-06T11:58", names)).toEqual(plain("2026-12-06 11:58"));
    expect(valueWords("validFrom", "2026-01-01", names)).toEqual(plain("2026-01-01"));
    expect(valueWords("demo", true, names)).toEqual(plain("yes"));
    expect(valueWords("consentedToCirculation", false, names)).toEqual(plain("no"));
    expect(valueWords("note", null, names)).toEqual(plain("none"));
    expect(valueWords("groups", ["secretariat", "experts"], names)).toEqual(plain("secretariat, experts"));
    expect(valueWords("groups", [], names)).toEqual(plain("none"));
    expect(valueWords("revision", 3, names)).toEqual(plain("3"));
  });

  it("shows a record or a list of records whole, as pretty-printed JSON", () => {
    expect(valueWords("values", { briefing: { date: "2027-01-12" } }, names)).toEqual({
      text: '{\n  "briefing": {\n    "date": "2027-01-12"\n  }\n}',
      block: true,
    });
    expect(valueWords("history", [{ from: "received", to: "acknowledged" }], names).block).toBe(true);
  });
});

describe("an entry's before and after, field by field", () => {
  it("names each field in words, a State's language as its language of letters", () => {
    expect(fieldLabel("language", "state.update")).toBe("language of letters");
    expect(fieldLabel("language", "submission.correct")).toBe("language");
    expect(fieldLabel("validUntil", "assistance.offer.update")).toBe("valid until");
    expect(fieldLabel("iso3", "assistance.request.consent")).toBe("State");
    expect(fieldLabel("scheduleName", "wave.schedule")).toBe("schedule name");
  });

  it("lists the changed fields first, then those left alone, then the technical ones, marked, the changed first", () => {
    const before = { id: "01W", description: "A", status: "draft", createdAt: "2026-12-06T11:50:00.000Z" };
    const after = {
      ...before,
      status: "scheduled",
      letterDigest: "ab".repeat(32),
      scheduleName: "wave-01W",
      updatedAt: "2026-12-06T11:54:00.000Z",
    };
    const rows = imageRows(before, after, { action: "wave.schedule", names });
    expect(rows.map((row) => [row.label, row.changed, row.technical])).toEqual([
      ["status", true, false],
      ["description", false, false],
      ["letter digest", true, true],
      ["schedule name", true, true],
      ["updated at", true, true],
      ["id", false, true],
      ["created at", false, true],
    ]);
    expect(rows[0]).toMatchObject({ field: "status", before: plain("draft"), after: plain("scheduled") });
    // Nothing is hidden: the technical fields keep their values.
    expect(rows[2]).toMatchObject({ field: "letterDigest", after: plain("ab".repeat(32)) });
    expect(rows[4]).toMatchObject({ after: plain("2026-12-06 11:54 UTC") });
  });

  it("words an offer's correction: its provider by name, its areas in words, ids and stamps technical", () => {
    const offer = {
      id: "01O",
      provider: { kind: "state", iso3: "BRA" },
      areas: ["chemical-security"],
      description: "Training",
      createdBy: "8c501a84",
      updatedAt: "2026-12-01T09:00:00.000Z",
    };
    const changed = { ...offer, areas: ["chemical-security", "enforcement"], updatedAt: "2026-12-06T11:55:00.000Z" };
    const rows = imageRows(offer, changed, { action: "assistance.offer.update", names });
    expect(rows.filter((row) => !row.technical).map((row) => [row.label, row.before?.text, row.after?.text])).toEqual([
      ["areas", "Chemical security", "Chemical security, Enforcement"],
      ["provider", "Brazil", "Brazil"],
      ["description", "Training", "Training"],
    ]);
    expect(rows.filter((row) => row.technical).map((row) => row.field)).toEqual(["updatedAt", "id", "createdBy"]);
  });

  it("shows a field on one side only, and an image that is no record as one row", () => {
    const rows = imageRows({ note: "old" }, { validUntil: "2027-01-01" }, { action: "x.y", names });
    expect(rows).toEqual([
      { field: "validUntil", label: "valid until", after: plain("2027-01-01"), changed: true, technical: false },
      { field: "note", label: "note", before: plain("old"), changed: true, technical: false },
    ]);
    expect(imageRows(["a"], ["a", "b"], { action: "x.y", names })).toEqual([
      {
        field: "(the whole entry)",
        label: "(the whole entry)",
        before: plain("a"),
        after: plain("a, b"),
        changed: true,
        technical: false,
      },
    ]);
    expect(imageRows(undefined, undefined, { action: "x.y", names })).toEqual([]);
  });
});
