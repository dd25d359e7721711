// How a State's page reads its records and writes a correction back, in Node: a correction carries only what the
// reader typed (after a stale write, never a field left alone), the matrix diff as one list, a
// letter entry's fields.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  CORRECTION_WORDS,
  cellWords,
  changesOf,
  correctionOf,
  correctionValuesOf,
  fieldWords,
  letterOf,
  sourceWords,
  stampDay,
} from "../../console/src/pages/state/readings.ts";
import { formOver, readAgainWords } from "../../console/src/pages/typed-over.ts";

type Schemas = components["schemas"];

const submission: Schemas["Submission"] = {
  id: "01S",
  iso3: "KEN",
  kind: "additional-information",
  receivedOn: "2021-11-19",
  symbol: "S/AC.44/2021/7",
  language: "en",
  note: "As received",
  recordedAt: "2021-11-20T09:00:00.000Z",
  recordedBy: "u1",
  updatedAt: "2021-11-20T09:00:00.000Z",
};
const unchanged = { receivedOn: "2021-11-19", symbol: "S/AC.44/2021/7", language: "en", note: "As received" };

describe("a submission's correction", () => {
  it("sends nothing the reader left as it was", () => {
    expect(correctionOf(submission, unchanged)).toEqual({});
  });

  it("sends each field the reader changed, a date as typed for the API to judge", () => {
    expect(correctionOf(submission, { ...unchanged, receivedOn: "2026-02-30", language: "fr" })).toEqual({
      receivedOn: "2026-02-30",
      language: "fr",
    });
  });

  it("clears a note emptied by the reader with null, and ignores spaces around one", () => {
    expect(correctionOf(submission, { ...unchanged, note: "  " })).toEqual({ note: null });
    expect(correctionOf(submission, { ...unchanged, note: " As received " })).toEqual({});
    const { note: _none, ...withoutNote } = submission;
    expect(correctionOf(withoutNote, { ...unchanged, note: "" })).toEqual({});
  });

  it("never sends a language that is not one of the six", () => {
    expect(correctionOf(submission, { ...unchanged, language: "de" })).toEqual({});
  });

  it("after a stale write, sends only what was typed against the submission read again, not a field left alone", () => {
    const since = { ...submission, note: "Checked by the expert" };
    // The reader typed a symbol; the note changed meanwhile and was left alone: the old note is not sent back.
    expect(correctionOf(since, { symbol: "S/AC.44/2021/8" })).toEqual({ symbol: "S/AC.44/2021/8" });
    expect(formOver(correctionValuesOf(since), { symbol: "S/AC.44/2021/8" }).note).toBe("Checked by the expert");
  });

  it("says, after reading again, which typed values differ from the version now on record, the language in words", () => {
    const since = { ...submission, note: "Checked by the expert" };
    expect(readAgainWords(correctionValuesOf(since), { symbol: "S/AC.44/2021/8" }, CORRECTION_WORDS)).toBe(
      'Now on record: received on "2021-11-19", symbol "S/AC.44/2021/7", language English, note "Checked by the ' +
        'expert". Saving sends only what you typed that differs from it: symbol "S/AC.44/2021/8" (now ' +
        '"S/AC.44/2021/7"). The other fields show the version now on record.',
    );
  });
});

describe("the matrix diff", () => {
  const source = { document: "S/AC.44/2004/(02)/51" };
  it("lists added, removed and changed cells as one, each with its change", () => {
    const diff: Schemas["MatrixDiff"] = {
      iso3: "KEN",
      from: 1,
      to: 2,
      added: [{ fieldId: "op1.cwc", after: { value: "X", source } }],
      removed: [{ fieldId: "op1.bwc", before: { value: "NA" } }],
      changed: [{ fieldId: "op1.npt", before: { value: "X", source }, after: { value: "?" } }],
    };
    expect(changesOf(diff).map(({ fieldId, change }) => `${fieldId} ${change}`)).toEqual([
      "op1.cwc added",
      "op1.bwc removed",
      "op1.npt changed",
    ]);
    expect(changesOf(diff).map((change) => [cellWords(change.before), cellWords(change.after)])).toEqual([
      ["blank", "X (S/AC.44/2004/(02)/51)"],
      ["NA", "blank"],
      ["X (S/AC.44/2004/(02)/51)", "?"],
    ]);
  });

  it("names a field by its paragraph and row, with the category and aspect that tell rows apart", () => {
    const field: Schemas["MatrixField"] = {
      id: "op2.nuclear.manufacture.legal-framework",
      paragraph: "op2",
      category: "nuclear",
      row: "manufacture",
      label: "Manufacture/produce",
      aspect: "legal-framework",
    };
    expect(fieldWords(field)).toBe("OP2 Manufacture/produce (nuclear, legal-framework)");
  });
});

describe("a matrix version's days", () => {
  it("are the day staff gave for a move, else New York's day of the instant", () => {
    // 01:30 UTC on 5 March 2025 is 20:30 on 4 March in New York.
    expect(stampDay({ at: "2025-03-05T01:30:00.000Z" })).toBe("2025-03-04");
    // An approval recorded on 10 June for the meeting of 28 May.
    expect(stampDay({ at: "2025-06-10T14:00:00.000Z", on: "2025-05-28" })).toBe("2025-05-28");
    expect(stampDay(undefined)).toBe("");
  });
});

describe("a letter on the timeline", () => {
  const entry: Schemas["TimelineEntry"] = {
    on: "2026-03-09",
    at: "2026-03-09T12:00:00.000Z",
    kind: "letter",
    action: "letter.delivered",
    source: { type: "message", id: "w1/r1" },
    actor: { kind: "system", id: "wave:w1" },
    after: {
      waveId: "w1",
      status: "delivered",
      subject: "First report",
      language: "fr",
      sentAt: "2026-03-09T12:01:00Z",
    },
  };
  it("reads its subject, language in words, wave and days queued and sent", () => {
    expect(letterOf(entry)).toEqual({
      subject: "First report",
      language: "French",
      waveId: "w1",
      reason: "",
      to: "",
      queuedOn: "2026-03-09",
      sentOn: "2026-03-09",
    });
  });

  it("reads the address it went to where the API gives it (the secretariat's reading)", () => {
    const toTheMission = { ...entry, after: { ...(entry.after as object), email: "pm@mission.example" } };
    expect(letterOf(toTheMission).to).toBe("pm@mission.example");
  });

  it("dates it by New York's day, as the letter is dated, not UTC's", () => {
    // 01:30 UTC on 10 March is 21:30 on 9 March in New York (daylight time since 8 March).
    const evening = { ...entry, at: "2026-03-10T01:30:00.000Z", after: { sentAt: "2026-03-10T01:31:00Z" } };
    expect(letterOf(evening)).toMatchObject({ queuedOn: "2026-03-09", sentOn: "2026-03-09" });
  });

  it("shows what it cannot read as empty, not as an error", () => {
    expect(letterOf({ ...entry, after: { subject: 7 } })).toEqual({
      subject: "",
      language: "",
      waveId: "",
      reason: "",
      to: "",
      queuedOn: "2026-03-09",
      sentOn: "",
    });
    expect(letterOf({ ...entry, after: undefined }).subject).toBe("");
  });
});

describe("what a timeline entry is about, in words", () => {
  const entry = (
    source: { type: string; id: string },
    after?: unknown,
    before?: unknown,
  ): Schemas["TimelineEntry"] => ({
    on: "2026-03-09",
    at: "2026-03-09T12:00:00.000Z",
    kind: "state",
    action: "x.y",
    source,
    actor: { kind: "user", id: "u1" },
    ...(after === undefined ? {} : { after }),
    ...(before === undefined ? {} : { before }),
  });

  it("names a submission and an assistance request by symbol, linking the request's page", () => {
    expect(sourceWords(entry({ type: "submission", id: "01S" }, { symbol: "S/AC.44/2021/7" }))).toEqual({
      text: "submission S/AC.44/2021/7",
    });
    // A voided submission's entry may keep the symbol only in what it was before.
    expect(sourceWords(entry({ type: "submission", id: "01S" }, undefined, { symbol: "S/AC.44/2021/8" })).text).toBe(
      "submission S/AC.44/2021/8",
    );
    expect(sourceWords(entry({ type: "assistance-request", id: "01R" }, { symbol: "S/AC.44/2026/A/1" }))).toEqual({
      text: "assistance request S/AC.44/2026/A/1",
      href: "#/assistance/01R",
    });
  });

  it("names a contact by name for the secretariat, by role where the name is withheld", () => {
    expect(
      sourceWords(entry({ type: "contact", id: "c1" }, { name: "Ada Testperson", role: "capital-poc" })).text,
    ).toBe("contact Ada Testperson");
    expect(sourceWords(entry({ type: "contact", id: "c1" }, { role: "mission-poc" })).text).toBe(
      "contact Point of contact at the Permanent Mission",
    );
  });

  it("names the contacts an import or the demonstration seed wrote for the State, by name or role", () => {
    const imported = {
      created: [{ name: "Aminata Console", role: "capital-poc" }],
      updated: [{ before: { role: "mission-poc" }, after: { role: "mission-poc" } }],
    };
    expect(sourceWords(entry({ type: "contact-import", id: "01I" }, imported)).text).toBe(
      "contacts Aminata Console, Point of contact at the Permanent Mission",
    );
    expect(
      sourceWords(entry({ type: "contact-seed", id: "demo" }, { created: [{ role: "permanent-mission" }] })).text,
    ).toBe("contact Permanent Mission (address of record)");
    expect(sourceWords(entry({ type: "contact-import", id: "01I" }, { created: [] })).text).toBe("a contacts import");
  });

  it("names a letter's wave (linked), and nothing more of the State's own record or of an obligation", () => {
    // "Point-of-contact obligation updated": the action's words name the obligation already.
    expect(sourceWords(entry({ type: "obligation", id: "KEN/point-of-contact" })).text).toBe("");
    expect(sourceWords(entry({ type: "message", id: "w1/r1" }, { waveId: "w1" }))).toEqual({
      text: "wave w1",
      href: "#/waves/w1",
    });
    expect(sourceWords(entry({ type: "state", id: "KEN" })).text).toBe("");
  });

  it("names an offer by its description's start (linked to its provider's offers), a match by the request's State", () => {
    const offer = { description: "Legislative assistance", provider: { kind: "organization", id: "iaea" } };
    expect(sourceWords(entry({ type: "assistance-offer", id: "01O" }, offer))).toEqual({
      text: 'assistance offer "Legislative assistance"',
      href: "#/assistance/offers?provider=organization%3Aiaea",
    });
    const long = { description: "x".repeat(80), provider: { kind: "state", iso3: "JPN" } };
    const named = sourceWords(entry({ type: "assistance-offer", id: "01P" }, long));
    expect(named.text).toBe(`assistance offer "${"x".repeat(59)}…"`);
    expect(named.href).toBe("#/assistance/offers?provider=state%3AJPN");
    // A match's entry is on its request, and holds the match: the requesting State, no symbol.
    const match = { requestId: "01R", iso3: "KEN", provider: { kind: "organization", id: "iaea" } };
    expect(sourceWords(entry({ type: "assistance-request", id: "01R" }, match))).toEqual({
      text: "assistance request of KEN",
      href: "#/assistance/01R",
    });
    expect(sourceWords(entry({ type: "organization", id: "iaea" }, { note: "corrected" })).text).toBe("");
  });

  it("shows a record it cannot name by its type and id, and never fails on an image it cannot read", () => {
    expect(sourceWords(entry({ type: "snapshot", id: "2026-Q1" })).text).toBe("snapshot 2026-Q1");
    expect(sourceWords(entry({ type: "submission", id: "01S" }, { symbol: 7 })).text).toBe("submission 01S");
    expect(sourceWords(entry({ type: "contact", id: "c9" }, null)).text).toBe("contact c9");
  });
});
