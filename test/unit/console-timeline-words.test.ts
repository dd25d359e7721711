// The timeline's and the letters' words for what an entry names by id alone (console/src/pages/record-names.ts,
// state/readings.ts, state/timeline-words.ts): a letter's wave by its description and its writer as the desk's
// dispatch, what SES reported of it and when, a letter sent again by its wave's description, an assistance request
// moved or matched by its symbol, each read once; what a correction changed, and where an e-mail status or the point
// of contact went.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { type RecordName, recordNames, withRecordNames } from "../../console/src/pages/record-names.ts";
import { sourceWords } from "../../console/src/pages/state/readings.ts";
import {
  correctionWords,
  matchOfferWords,
  recordsNamedBy,
  timelineActorWords,
  timelineByWords,
  timelineMoveWords,
} from "../../console/src/pages/state/timeline-words.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

const WAVE = "01M95K9XHXAH9TRKT8KCVFYJD2";

const letter: TimelineEntry = {
  on: "2026-12-06",
  at: "2026-12-06T11:58:00.000Z",
  kind: "letter",
  action: "letter.sent",
  source: { type: "message", id: `${WAVE}/poc-per` },
  actor: { kind: "system", id: `wave:${WAVE}` },
  after: { waveId: WAVE, status: "sent", subject: "Follow-up", language: "es" },
};

const consent: TimelineEntry = {
  on: "2026-12-06",
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

describe("a match on the timeline", () => {
  const proposed: TimelineEntry = {
    ...consent,
    action: "assistance.match.propose",
    before: undefined,
    after: { iso3: "KHM", provider: { kind: "state", iso3: "BGR" }, match: "01MATCH", status: "proposed" },
  };
  const names = new Map([
    ["STATE:BGR", "Bulgaria"],
    ["ORG:iaea", "International Atomic Energy Agency"],
  ]);

  it("says whose offer it is, by the provider's name, never the match's id (audit 35, item 9)", () => {
    expect(matchOfferWords(proposed, names)).toBe("Bulgaria's offer");
    const moved = {
      ...proposed,
      action: "assistance.match.transition",
      after: { iso3: "KHM", provider: { kind: "organization", id: "iaea" }, match: "01MATCH", status: "accepted" },
    };
    expect(matchOfferWords(moved, names)).toBe("the International Atomic Energy Agency's offer");
    // While the names are read, by the provider's code.
    expect(matchOfferWords(proposed, new Map())).toBe("BGR's offer");
  });

  it("says nothing of another entry, or of a match's entry without a provider", () => {
    expect(matchOfferWords(consent, names)).toBeUndefined();
    expect(matchOfferWords({ ...proposed, after: { iso3: "KHM", match: "01MATCH" } }, names)).toBeUndefined();
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

describe("a letter's story on the timeline", () => {
  // Queued and sent at 14:19; SES's complaint came at 14:24 (audit 30, item 10).
  const complained: TimelineEntry = {
    ...letter,
    on: "2026-12-06",
    at: "2026-12-06T14:19:02.000Z",
    action: "letter.complained",
    after: {
      waveId: WAVE,
      status: "complained",
      sentAt: "2026-12-06T14:19:40.000Z",
      feedbackAt: "2026-12-06T14:24:10.000Z",
    },
  };

  it("dates the send as the dispatch's, and a complaint at SES's report, by SES", () => {
    expect(timelineByWords(complained, read)).toBe(
      "sent 14:19 UTC by the desk's dispatch; reported as spam 14:24 UTC, by SES's report on a letter",
    );
  });

  it("says a delivery and a bounce at their own times, with the day when it is not the letter's", () => {
    const delivered = {
      ...complained,
      after: { ...(complained.after as object), deliveredAt: "2026-12-06T14:20:00.000Z" },
    };
    expect(timelineByWords(delivered, read)).toBe(
      "sent 14:19 UTC by the desk's dispatch; delivered 14:20 UTC and reported as spam 14:24 UTC, by SES's report on a letter",
    );
    const bounced = {
      ...complained,
      action: "letter.bounced",
      after: {
        waveId: WAVE,
        status: "bounced",
        sentAt: "2026-12-06T14:19:40.000Z",
        feedbackAt: "2026-12-07T09:01:00.000Z",
      },
    };
    expect(timelineByWords(bounced, read)).toBe(
      "sent 14:19 UTC by the desk's dispatch; bounced 2026-12-07 09:01 UTC, by SES's report on a letter",
    );
  });

  it("leaves SES out of a letter it reported nothing of, and the send out of one not sent", () => {
    expect(
      timelineByWords({ ...letter, after: { waveId: WAVE, status: "sent", sentAt: "2026-12-06T12:00:00.000Z" } }, read),
    ).toBe("sent 12:00 UTC by the desk's dispatch");
    expect(
      timelineByWords({ ...letter, action: "letter.skipped", after: { waveId: WAVE, status: "skipped" } }, read),
    ).toBe("by the desk's dispatch");
    expect(timelineByWords(consent, read)).toBe("by local-experts");
  });
});

describe("a letter sent again, on the State's timeline", () => {
  const resend: TimelineEntry = {
    on: "2026-12-06",
    at: "2026-12-06T14:33:00.000Z",
    kind: "letter",
    action: "wave.resend",
    source: { type: "wave", id: WAVE },
    actor: { kind: "user", id: "u1", username: "local-secretariat" },
    before: { waveId: WAVE, recipient: "poc-ken", status: "unknown" },
    after: { waveId: WAVE, recipient: "poc-ken", status: "queued" },
  };

  it("names its wave by the description read for it, as a letter's entry does", () => {
    expect(recordsNamedBy(resend)).toContainEqual({ kind: "wave", id: WAVE });
    expect(sourceWords(resend, read)).toEqual({ text: "wave audit29 follow-up A", href: `#/waves/${WAVE}` });
    // Unread, by its id; another entry's record as readings.ts words it.
    expect(sourceWords(resend, () => undefined).text).toBe(`wave ${WAVE}`);
    expect(sourceWords(letter, read).text).toBe("wave audit29 follow-up A");
  });
});

describe("where a contact's e-mail status and the point of contact went", () => {
  it("says an e-mail status's change from what to what, in words", () => {
    const contact = { id: "c1", name: "Taylor Example", emailStatus: "ok" };
    expect(
      timelineMoveWords({
        action: "contact.email-status",
        before: contact,
        after: { ...contact, emailStatus: "bounced", emailStatusOn: "2026-12-06" },
      }),
    ).toBe("from ok to bounced");
    expect(
      timelineMoveWords({
        action: "contact.email-status",
        before: contact,
        after: { ...contact, emailStatus: "complained" },
      }),
    ).toBe("from ok to reported as spam");
  });

  it("says where the point of contact went, by its standing, else its status", () => {
    expect(
      timelineMoveWords({
        action: "obligation.point-of-contact",
        before: { kind: "point-of-contact", status: "fulfilled", view: "current" },
        after: { kind: "point-of-contact", status: "outstanding", view: "unreachable", evaluatedOn: "2026-12-06" },
      }),
    ).toBe("from current (verified within 12 months) to unreachable (no working address)");
    expect(
      timelineMoveWords({
        action: "obligation.point-of-contact",
        before: { kind: "point-of-contact", status: "unknown" },
        after: { kind: "point-of-contact", status: "outstanding", view: "missing" },
      }),
    ).toBe("to no point of contact");
  });

  it("leaves the other moves to move-words.ts", () => {
    expect(
      timelineMoveWords({ action: "matrix.transition", before: { status: "draft" }, after: { status: "draft" } }),
    ).toBeUndefined();
    expect(
      timelineMoveWords({
        action: "state.reporting-status",
        before: { reportingStatus: "non-reporting" },
        after: { reportingStatus: "reported" },
      }),
    ).toBe("from non-reporting to reported");
  });
});
