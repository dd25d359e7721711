// Audit 33 on the console: a letter of a halted wave's chain that bounced after the rests left its owner out (bug 1) is
// named on the chain's pages with the rest of the completed rest to write to it, and the skips naming its writer say it
// is owed the letter; a halted wave names as not written to the owners whose letters bounced (bug 3), and one a later
// rest wrote to says so (item 9); its steps say what is the reader's to do (items 9 and 12); a Mission letter of
// unknown fate is not said written to (item 5).
import { describe, expect, it } from "vitest";
import {
  eachLetterOnce,
  holderFactsOf,
  holdingWaveIds,
  letterSkipSentence,
  sentenceText,
  skipReasonParts,
  type TimelineLetter,
  timelineSkipWords,
} from "../../console/src/pages/correspondence/skip-other-wave.ts";
import type { Wave, WaveMessage } from "../../console/src/pages/correspondence/wave-facts.ts";
import { haltedNextSteps } from "../../console/src/pages/correspondence/wave-halted.ts";
import {
  notWrittenAfterAllWords,
  readChainLetters,
  writeToThemWords,
  writtenLaterWords,
  writtenSince,
} from "../../console/src/pages/correspondence/wave-late-bounce.ts";
import { besideTheLetters, letterRows, notWrittenTo } from "../../console/src/pages/correspondence/wave-letter-rows.ts";
import { entryActionWords } from "../../console/src/pages/state/actions.ts";
import { timelineLetters } from "../../console/src/pages/state/timeline-lines.ts";

const wave = (id: string, status: Wave["status"], restOf?: string): Wave =>
  ({
    id,
    status,
    restOf,
    description: `audit33 ${id}`,
    templateId: "point-of-contact-update",
    audience: "all-states",
    sendInstant: "2026-12-06T22:00:00.000Z",
    createdAt: "2026-12-06T22:00:00.000Z",
  }) as Wave;

const letter = (waveId: string, owner: string, status: WaveMessage["status"], more: Partial<WaveMessage> = {}) =>
  ({
    waveId,
    recipient: `C-${owner}`,
    owner,
    status,
    notAfter: "2026-12-13T00:00:00.000Z",
    claims: 0,
    createdAt: "2026-12-06T22:00:00.000Z",
    updatedAt: "2026-12-06T23:00:00.000Z",
    ...more,
  }) as WaveMessage;

const leftOutBy = (waveId: string, writer: string, owner: string) =>
  letter(waveId, owner, "skipped", {
    skipReason: "written-by-halted-wave",
    reason: `written-by-halted-wave: halted wave “audit33 ${writer}” (${writer}) wrote to it`,
  });

// The audit's chain in small: H1 wrote to Andorra and Chile, bounced on Bhutan; R1 (its rest, halted) left Andorra
// and Chile out, wrote to Bhutan's Mission and to Micronesia; R2B (R1's rest, completed) left them all out and wrote
// to Zimbabwe and Mali, and found no usable address for North Korea. Then H1's letter to Andorra, R1's to Micronesia
// and R2B's to Mali bounced. R3, R2B's rest, wrote to Andorra.
const H1 = wave("H1", "halted");
const R1 = wave("R1", "halted", "H1");
const R2B = wave("R2B", "completed", "R1");
const R3 = wave("R3", "completed", "R2B");
const noneUnreached = async () => [];
const ledgers: Record<string, WaveMessage[]> = {
  H1: [
    letter("H1", "STATE:AND", "bounced"),
    letter("H1", "STATE:CHL", "sent"),
    letter("H1", "STATE:BTN", "bounced"),
    letter("H1", "STATE:ZWE", "failed"),
  ],
  R1: [
    leftOutBy("R1", "H1", "STATE:AND"),
    leftOutBy("R1", "H1", "STATE:CHL"),
    letter("R1", "STATE:BTN", "sent"),
    letter("R1", "STATE:FSM", "bounced", { resentAt: "2026-12-06T22:50:00.000Z" }),
    letter("R1", "STATE:ZWE", "failed"),
  ],
  R2B: [
    leftOutBy("R2B", "H1", "STATE:AND"),
    leftOutBy("R2B", "H1", "STATE:CHL"),
    leftOutBy("R2B", "R1", "STATE:BTN"),
    leftOutBy("R2B", "R1", "STATE:FSM"),
    letter("R2B", "STATE:ZWE", "sent"),
    letter("R2B", "STATE:MLI", "bounced"),
    letter("R2B", "STATE:PRK", "skipped", { recipient: "owner:STATE:PRK", skipReason: "no-active-contact" }),
  ],
  R3: [letter("R3", "STATE:AND", "sent")],
};
const lettersOf = async (id: string) => ledgers[id] ?? [];

describe("a late bounce in a halted wave's rest chain (audit 33, bug 1)", () => {
  it("names the owners no wave of the chain reached after all, once its last wave completed", async () => {
    const read = await readChainLetters(R2B, [H1, R1, R2B], lettersOf, async (id) =>
      id === "R2B" ? ["STATE:PRK"] : [],
    );
    // Mali's letter bounced in the last rest itself: the rest of R2B writes to it too (audit 33, review).
    expect(read.notWrittenAfterAll.sort()).toEqual(["STATE:AND", "STATE:FSM", "STATE:MLI"]);
    expect(read.fates).toEqual(["bounced"]);
    expect(read.writers.get("STATE:ZWE")?.waveId).toBe("R2B");
    // While the last wave is halted, its own rest writes to them: nothing is named.
    const unread = () => Promise.reject(new Error("a halted last wave's unreached owners are not read"));
    expect((await readChainLetters(R1, [H1, R1], lettersOf, unread)).notWrittenAfterAll).toEqual([]);
  });

  it("leaves out only those the last wave recorded as unreached: its Not reached names them (audit 33, review)", async () => {
    const read = await readChainLetters(R2B, [H1, R1, R2B], lettersOf, noneUnreached);
    expect(read.notWrittenAfterAll).toContain("STATE:PRK");
  });

  it("does not name an owner the chain only skipped as another wave's follow-up: that wave writes to it", async () => {
    const heldBy = (waveId: string) =>
      letter(waveId, "STATE:TCD", "skipped", {
        skipReason: "followed-up-elsewhere",
        reason: "followed-up-elsewhere: its follow-up letter goes in wave “Follow-ups, December” (F9)",
      });
    const withHold = async (id: string) => [
      ...(ledgers[id] ?? []),
      ...(id === "H1" || id === "R2B" ? [heldBy(id)] : []),
    ];
    const read = await readChainLetters(R2B, [H1, R1, R2B], withHold, noneUnreached);
    expect(read.notWrittenAfterAll).not.toContain("STATE:TCD");
    // Skipped as another's follow-up in one wave, its own letter bounced in another: the chain owes it.
    const alsoBounced = async (id: string) =>
      id === "R1" ? [...(ledgers.R1 ?? []), letter("R1", "STATE:TCD", "bounced")] : withHold(id);
    expect((await readChainLetters(R2B, [H1, R1, R2B], alsoBounced, noneUnreached)).notWrittenAfterAll).toContain(
      "STATE:TCD",
    );
  });

  it("says so in words, and who writes to them: the secretariat's link, or the secretariat's to do", () => {
    expect(notWrittenAfterAllWords(["Andorra", "Micronesia"], ["bounced"])).toBe(
      "Not written to after all: Andorra, Micronesia: their letters bounced, and no other letter of the chain reached them.",
    );
    expect(notWrittenAfterAllWords(["Andorra"], ["bounced", "failed", "skipped"])).toBe(
      "Not written to after all: Andorra: its letter bounced, failed or was skipped, and no other letter of the chain " +
        "reached it.",
    );
    expect(notWrittenAfterAllWords(["Andorra"], [])).toBe(
      "Not written to after all: Andorra: no letter of the chain reached it.",
    );
    expect(writeToThemWords(R2B, true)).toBe(
      ": the rest of “audit33 R2B”, a new draft of this letter that leaves out everyone its chain wrote to.",
    );
    expect(writeToThemWords(R2B, false)).toBe("The secretariat writes to them, as the rest of “audit33 R2B”.");
  });

  it("re-judges a rest's skip once its writer's letter bounced: the owner is owed the letter", () => {
    const andorra = ledgers.R2B?.[0] as WaveMessage;
    expect(holdingWaveIds(ledgers.R2B ?? [])).toEqual(["H1", "H1", "R1", "R1"]);
    const words = (writerLetters: WaveMessage[]) => {
      const sentence = letterSkipSentence(andorra, new Map([["H1", holderFactsOf("halted", writerLetters)]]));
      return sentence && sentenceText(sentence);
    };
    expect(words(ledgers.H1 ?? [])).toBe(
      "“audit33 H1” wrote to it, but that letter did not reach it after all (it bounced or failed): it is owed the " +
        "letter, which the rest of this chain's last wave writes",
    );
    expect(words([letter("H1", "STATE:AND", "sent")])).toBe(
      "“audit33 H1”, a halted wave, already wrote to its State or organization",
    );
  });

  it("says a rest's skip written to since once a later wave of the chain wrote (audit 33, review)", async () => {
    const read = await readChainLetters(R3, [H1, R1, R2B, R3], lettersOf, noneUnreached);
    // On R2B's page, R3 is the wave after it: Andorra is written to since; Zimbabwe, by R2B itself, is not.
    const since = writtenSince(read.writers, [R3]);
    expect([...since.keys()]).toEqual(["STATE:AND"]);
    const andorra = ledgers.R2B?.[0] as WaveMessage;
    const sentence = letterSkipSentence(andorra, new Map([["H1", holderFactsOf("halted", ledgers.H1 ?? [])]]), since);
    expect(sentence && sentenceText(sentence)).toBe(
      "“audit33 H1” wrote to it, but that letter did not reach it after all (it bounced or failed): it was written to " +
        "since by “audit33 R3”",
    );
  });
});

describe("a halted wave's owners not written to (audit 33, bug 3 and item 9)", () => {
  it("counts a bounced letter as not written to on a halted wave, not on a completed one", () => {
    const h1 = ledgers.H1 ?? [];
    expect(notWrittenTo(h1, "halted")).toEqual(["STATE:AND", "STATE:BTN", "STATE:ZWE"]);
    expect(notWrittenTo(h1, "completed")).toEqual(["STATE:ZWE"]);
    expect(besideTheLetters(h1, 0, "halted")).toBe(
      "3 States were not written to: their letters bounced, or the wave halted before they left (see Not reached).",
    );
  });

  it("says an owner it did not write to was written to by its rest", async () => {
    const read = await readChainLetters(R2B, [H1, R1, R2B], lettersOf, noneUnreached);
    expect(writtenLaterWords(read.writers, "STATE:ZWE", "H1")).toBe("written to by its rest “audit33 R2B”");
    expect(writtenLaterWords(read.writers, "STATE:CHL", "H1")).toBeUndefined();
    expect(writtenLaterWords(read.writers, "STATE:AND", "H1")).toBeUndefined();
  });

  it("says what the rest stands at, and what is the reader's to do", () => {
    const halted = { status: "halted" as const, haltReason: "hard bounces", notAfter: "2099-01-01T00:00:00.000Z" };
    const steps = (mayCompose: boolean, rests: Pick<Wave, "status">[]) =>
      haltedNextSteps(halted, [], new Date("2026-12-06T23:00:00Z"), { mayCompose, rests });
    expect(steps(true, [{ status: "draft" }])[1]).toBe(
      "Its rest (named below) is a draft: schedule it, from its page, and it writes to those this wave did not.",
    );
    expect(steps(false, [{ status: "draft" }])[1]).toBe(
      "Its rest (named below) is a draft the secretariat is to schedule: it writes to those this wave did not.",
    );
    expect(steps(false, [{ status: "halted" }])[1]).toBe(
      "Its rest (named below) halted too: the secretariat writes the rest of it.",
    );
    expect(steps(true, [{ status: "halted" }, { status: "completed" }])[1]).toBe(
      "The last of its rests (named below) is written: it wrote to those this wave did not.",
    );
    expect(steps(false, [])[0]).toMatch(/The secretariat records their correct addresses: tell it of any you know\.$/);
    expect(steps(false, [])[0]).not.toMatch(/With the secretariat/);
  });
});

describe("a Mission letter whose sender stopped (audit 33, item 5)", () => {
  it("is not said written to, and the ledger's reason begins a sentence", () => {
    const noContact = letter("C1", "STATE:FRA", "skipped", {
      recipient: "owner:STATE:FRA",
      skipReason: "no-active-contact",
    });
    const unknown = letter("C1", "STATE:FRA", "unknown", { reason: "the sender stopped between its claim and SES" });
    expect(letterRows([noContact, unknown])[0]?.why.said).toBe(
      "Its letter to its Permanent Mission (the State has no active point of contact) may or may not have left. " +
        "The sender stopped between its claim and SES",
    );
  });
});

describe("a rest's skip on the State's page (audit 33, bug 1)", () => {
  const reason = skipReasonParts("written-by-halted-wave: halted wave “audit33 H1” (H1) wrote to it");
  /** The skip's words among the timeline's letters, each listed once. */
  const skipWords = (skip: typeof reason, letters: readonly TimelineLetter[], skippedAt?: string) =>
    timelineSkipWords(skip, eachLetterOnce(letters), skippedAt);
  it("says the letter did not reach the State after all once the timeline lists it bounced", () => {
    const bounced = [
      { waveId: "H1", recipient: "C-AND", status: "bounced", at: "2026-12-06T23:10:00.000Z" },
      { waveId: "H1", recipient: "C-AND", status: "sent", at: "2026-12-06T22:10:00.000Z" },
    ];
    expect(skipWords(reason, bounced)).toBe(
      "“audit33 H1” wrote to it, but that letter did not reach it after all (it bounced or failed): it is owed the " +
        "letter, which the rest of this chain's last wave writes",
    );
    // Its letter arrived, or may have: the skip's usual words.
    expect(skipWords(reason, bounced.slice(1))).toBeUndefined();
    expect(skipWords(reason, [])).toBeUndefined();
    expect(skipWords(skipReasonParts("bounced"), bounced)).toBeUndefined();
  });

  it("says nothing new once a letter written after the skip may have reached the State (audit 33, review)", () => {
    const skippedAt = "2026-12-06T22:30:00.000Z";
    const bounced = [
      { waveId: "H1", recipient: "C-AND", status: "bounced", at: "2026-12-06T23:10:00.000Z" },
      { waveId: "H1", recipient: "C-AND", status: "sent", at: "2026-12-06T22:10:00.000Z" },
    ];
    const later = (status: string) => [
      { waveId: "R3", recipient: "C-AND-2", status, at: "2026-12-07T09:00:00.000Z" },
      ...bounced,
    ];
    expect(skipWords(reason, later("sent"), skippedAt)).toBeUndefined();
    expect(skipWords(reason, later("bounced"), skippedAt)).toMatch(/it is owed the letter/);
    // A letter older than the skip does not settle it.
    const older = [...bounced, { waveId: "W0", recipient: "C-AND", status: "sent", at: "2026-12-01T09:00:00.000Z" }];
    expect(skipWords(reason, older, skippedAt)).toMatch(/it is owed the letter/);
  });
});

describe("the State's timeline, wired (audit 33, bug 1)", () => {
  const entry = (action: string, id: string, after: Record<string, unknown> = {}) =>
    ({
      at: "2026-12-06T22:50:00.000Z",
      kind: "letter",
      action,
      source: { type: "message", id },
      actor: { kind: "system", id: "wave-send" },
      after,
    }) as unknown as Parameters<typeof timelineLetters>[0][number];
  const skipped = entry("letter.skipped", "R2B/C-AND", {
    reason: "written-by-halted-wave: halted wave “audit33 H1” (H1) wrote to it",
  });

  it("says a rest's skip is owed once the halted wave's letter listed beside it bounced", () => {
    const entries = [entry("letter.bounced", "H1/C-AND"), skipped, entry("letter.sent", "H1/C-AND")];
    const at = "2026-12-06T22:50:00.000Z";
    // Each letter once, for every skip on the page: its latest status, since its first entry.
    expect(timelineLetters(entries)).toEqual([
      { waveId: "H1", status: "bounced", since: at },
      { waveId: "R2B", status: "skipped", since: at },
    ]);
    expect(entryActionWords(skipped, timelineLetters(entries))).toContain("did not reach it after all");
    expect(entryActionWords(skipped, timelineLetters(entries.slice(1)))).toContain("already wrote to");
  });
});
