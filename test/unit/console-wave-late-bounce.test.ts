// Audit 33 on the console: a letter of a halted wave's chain that bounced after the rests left its owner out (bug 1) is
// named on the chain's pages with the rest of the completed rest to write to it, and the skips naming its writer say it
// is owed the letter; a halted wave names as not written to the owners whose letters bounced (bug 3), and one a later
// rest wrote to says so (item 9); its steps say what is the reader's to do (items 9 and 12); a Mission letter of
// unknown fate is not said written to (item 5).
import { describe, expect, it } from "vitest";
import {
  holderFactsOf,
  holdingWaveIds,
  letterSkipSentence,
  sentenceText,
  timelineSkipWords,
} from "../../console/src/pages/correspondence/skip-other-wave.ts";
import type { Wave, WaveMessage } from "../../console/src/pages/correspondence/wave-facts.ts";
import { haltedNextSteps } from "../../console/src/pages/correspondence/wave-halted.ts";
import {
  notWrittenAfterAllWords,
  readChainLetters,
  writeToThemWords,
  writtenLaterWords,
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
// to Zimbabwe. Then H1's letter to Andorra and R1's to Micronesia bounced.
const H1 = wave("H1", "halted");
const R1 = wave("R1", "halted", "H1");
const R2B = wave("R2B", "completed", "R1");
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
  ],
};
const lettersOf = async (id: string) => ledgers[id] ?? [];

describe("a late bounce in a halted wave's rest chain (audit 33, bug 1)", () => {
  it("names the owners no wave of the chain reached after all, once its last wave completed", async () => {
    const read = await readChainLetters(R2B, [H1, R1, R2B], lettersOf);
    expect(read.notWrittenAfterAll.sort()).toEqual(["STATE:AND", "STATE:FSM"]);
    expect(read.allBounced).toBe(true);
    expect(read.writers.get("STATE:ZWE")?.waveId).toBe("R2B");
    // While the last wave is halted, its own rest writes to them: nothing is named.
    expect((await readChainLetters(R1, [H1, R1], lettersOf)).notWrittenAfterAll).toEqual([]);
  });

  it("says so in words, and who writes to them: the secretariat's link, or the secretariat's to do", () => {
    expect(notWrittenAfterAllWords(["Andorra", "Micronesia"], true)).toBe(
      "Not written to after all: Andorra, Micronesia: their letters bounced after the rests left them out.",
    );
    expect(notWrittenAfterAllWords(["Andorra"], false)).toBe(
      "Not written to after all: Andorra: its letter bounced or failed after the rests left it out.",
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
    const read = await readChainLetters(R2B, [H1, R1, R2B], lettersOf);
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
  const reason = "written-by-halted-wave: halted wave “audit33 H1” (H1) wrote to it";
  it("says the letter did not reach the State after all once the timeline lists it bounced", () => {
    const bounced = [
      { waveId: "H1", recipient: "C-AND", status: "bounced" },
      { waveId: "H1", recipient: "C-AND", status: "sent" },
    ];
    expect(timelineSkipWords(reason, bounced)).toBe(
      "“audit33 H1” wrote to it, but that letter did not reach it after all (it bounced or failed): it is owed the " +
        "letter, which the rest of this chain's last wave writes",
    );
    expect(timelineSkipWords(reason, bounced.slice(1))).toBe(
      "“audit33 H1”, a halted wave, already wrote to its State or organization",
    );
    expect(timelineSkipWords(reason, [])).toBeUndefined();
    expect(timelineSkipWords("bounced", bounced)).toBeUndefined();
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
    expect(timelineLetters(entries)).toEqual([
      { waveId: "H1", recipient: "C-AND", status: "bounced" },
      { waveId: "R2B", recipient: "C-AND", status: "skipped" },
      { waveId: "H1", recipient: "C-AND", status: "sent" },
    ]);
    expect(entryActionWords(skipped, timelineLetters(entries))).toContain("did not reach it after all");
    expect(entryActionWords(skipped, timelineLetters(entries.slice(1)))).toContain("already wrote to");
  });
});
