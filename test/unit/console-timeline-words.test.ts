// The timeline's and the letters' words for what an entry names by id alone (console/src/pages/record-names.ts,
// state/readings.ts, state/timeline-words.ts): a letter's wave by its description and its writer as the desk's
// dispatch, an assistance request moved or matched by its symbol, each read once; and what a correction changed.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { type RecordName, recordNames, withRecordNames } from "../../console/src/pages/record-names.ts";
import { sourceWords } from "../../console/src/pages/state/readings.ts";
import { correctionWords, recordsNamedBy, timelineActorWords } from "../../console/src/pages/state/timeline-words.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

const WAVE = "01M95K9XHXAH9TRKT8KCVFYJD2";

const letter: TimelineEntry = {
  at: "2026-12-06T11:58:00.000Z",
  kind: "letter",
  action: "letter.sent",
  source: { type: "message", id: `${WAVE}/poc-per` },
  actor: { kind: "system", id: `wave:${WAVE}` },
  after: { waveId: WAVE, status: "sent", subject: "Follow-up", language: "es" },
};

const consent: TimelineEntry = {
  at: "2026-12-06T11:53:00.000Z",
  kind: "assistance",
  action: "assistance.request.consent",
  source: { type: "assistance-request", id: "DT9GT70ZWZJ7564YE1P0EX1G2T" },
  actor: { kind: "user", id: "u2", username: "local-experts" },
  before: { iso3: "KHM", consentedToCirculation: false, status: "consent-window" },
  after: { iso3: "KHM", consentedToCirculation: true, consentedOn: "2026-12-02", status: "consent-window" },
};

const read: RecordName = (kind, id) =>
  kind === "wave" ? (id === WAVE ? "audit29 follow-up A" : undefined) : "S/AC.44/DEMO/KHM/1";

describe("a letter on the timeline", () => {
  it("names its wave by the description read for it, and its writer as the desk's dispatch", () => {
    expect(recordsNamedBy(letter)).toEqual([
      { kind: "wave", id: WAVE },
      { kind: "wave", id: WAVE },
    ]);
    expect(sourceWords(letter, read)).toEqual({ text: "wave audit29 follow-up A", href: `#/waves/${WAVE}` });
    expect(timelineActorWords(letter, read)).toBe("the desk's dispatch");
  });

  it("names a wave without a description by its id, and another wave's dispatch by that wave", () => {
    const other = { ...letter, actor: { kind: "system" as const, id: "wave:01OTHER" } };
    expect(timelineActorWords(other, read)).toBe("the desk's dispatch of wave 01OTHER");
    expect(timelineActorWords(other, () => "B")).toBe("the desk's dispatch of wave B");
    expect(sourceWords({ ...letter, after: { waveId: "01OTHER" } }, read).text).toBe("wave 01OTHER");
  });

  it("names a person by username, and another job of the system by its id", () => {
    expect(timelineActorWords(consent, read)).toBe("local-experts");
    expect(timelineActorWords({ ...consent, actor: { kind: "user", id: "u9" } }, read)).toBe("u9");
    expect(timelineActorWords({ ...consent, actor: { kind: "system", id: "seed" } }, read)).toBe(
      "the desk's first data",
    );
  });
});

describe("an assistance request moved or matched", () => {
  it("is named by the symbol read for it, which its entry does not keep", () => {
    expect(recordsNamedBy(consent)).toEqual([{ kind: "assistance-request", id: consent.source.id }]);
    expect(sourceWords(consent, read).text).toBe("assistance request S/AC.44/DEMO/KHM/1");
    // Unread, it goes by its State as before.
    expect(sourceWords(consent).text).toBe("assistance request of KHM");
    // One whose entry keeps its symbol is not read.
    const created = { ...consent, after: { iso3: "KHM", symbol: "S/AC.44/DEMO/KHM/1" } };
    expect(recordsNamedBy(created)).toEqual([]);
  });
});

describe("the records' names, read once", () => {
  it("reads each record once, however often and however many ask at once, and keeps a wave with no description", async () => {
    const asked: string[] = [];
    const names = recordNames({
      wave: async (id) => {
        asked.push(id);
        return id === "w1" ? "First reports" : undefined;
      },
      "assistance-request": async (id) => {
        asked.push(id);
        return `S/${id}`;
      },
    });
    expect(names.name("wave", "w1")).toBeUndefined();
    await Promise.all([
      names.learn([
        { kind: "wave", id: "w1" },
        { kind: "wave", id: "w1" },
      ]),
      names.learn([{ kind: "wave", id: "w2" }]),
      names.learn([{ kind: "assistance-request", id: "r1" }]),
    ]);
    await names.learn([
      { kind: "wave", id: "w1" },
      { kind: "wave", id: "w2" },
    ]);
    expect(asked).toEqual(["w1", "w2", "r1"]);
    expect(names.name("wave", "w1")).toBe("First reports");
    expect(names.name("wave", "w2")).toBeUndefined();
    expect(names.name("assistance-request", "r1")).toBe("S/r1");
  });

  it("leaves a record it cannot read unnamed, without failing, and reads it again when next asked", async () => {
    let tries = 0;
    const names = recordNames({
      wave: async () => {
        tries += 1;
        if (tries === 1) throw new Error("offline");
        return "Second try";
      },
      "assistance-request": async () => undefined,
    });
    await names.learn([{ kind: "wave", id: "w1" }]);
    expect(names.name("wave", "w1")).toBeUndefined();
    await names.learn([{ kind: "wave", id: "w1" }]);
    expect(names.name("wave", "w1")).toBe("Second try");
  });

  it("reads a page's names before the page is given, so it shows named at once", async () => {
    const names = recordNames({ wave: async () => "Named", "assistance-request": async () => undefined });
    const load = withRecordNames(
      names,
      async (cursor?: string) => ({ items: [letter], cursor: cursor ?? "next" }),
      recordsNamedBy,
    );
    const page = await load();
    expect(page).toEqual({ items: [letter], cursor: "next" });
    expect(names.name("wave", WAVE)).toBe("Named");
  });
});

describe("a correction on the timeline", () => {
  it("says what changed on the State's record: its language of letters, in words", () => {
    const state = {
      iso3: "PER",
      name: "Peru",
      language: "fr",
      languageBasis: "inferred",
      updatedAt: "2026-12-01T10:00:00Z",
    };
    expect(
      correctionWords({
        action: "state.update",
        before: state,
        after: { ...state, language: "es", updatedAt: "2026-12-06T11:50:00Z" },
      }),
    ).toBe("language of letters: French → Spanish");
    expect(
      correctionWords({
        action: "state.update",
        before: state,
        after: { ...state, language: "en", languageBasis: "confirmed" },
      }),
    ).toBe(
      "language of letters: French → English; language rests on: a best guess, not yet confirmed → confirmed by the secretariat",
    );
  });

  it("cuts a long value to its start, says a field cleared as none, and leaves technical fields out", () => {
    const offer = {
      id: "01O",
      description: "x".repeat(80),
      validUntil: "2027-01-01",
      updatedAt: "2026-12-01T10:00:00Z",
    };
    const { validUntil: _cleared, ...withoutEnd } = offer;
    expect(
      correctionWords({
        action: "assistance.offer.update",
        before: offer,
        after: { ...withoutEnd, description: "Shorter", updatedAt: "2026-12-06T10:00:00Z" },
      }),
    ).toBe(`description: ${"x".repeat(59)}… → Shorter; valid until: 2027-01-01 → none`);
  });

  it("says nothing for another write, or a correction that changed only technical fields", () => {
    expect(
      correctionWords({ action: "matrix.transition", before: { status: "draft" }, after: { status: "approved" } }),
    ).toBeUndefined();
    expect(
      correctionWords({
        action: "state.update",
        before: { language: "fr", version: 1 },
        after: { language: "fr", version: 2 },
      }),
    ).toBeUndefined();
  });
});
