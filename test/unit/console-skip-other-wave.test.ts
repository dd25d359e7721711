// Skips that name another wave (audit 32, items 4 and 8): the wave page, its preview and the State pages name the
// halted wave that wrote, or the wave that holds a follow-up, by its description and never by its id; a follow-up whose
// holder halted, was cancelled or did not reach the State is said owed again; the preview counts States, not addresses.
import { describe, expect, it } from "vitest";
import { letterStillCounts } from "#shared/correspondence/follow-up-holds.ts";
import type { MessageStatus } from "#shared/correspondence/schemas.ts";
import {
  type AudiencePreview,
  ownersCounted,
  skipsByOtherWave,
} from "../../console/src/pages/correspondence/audience-lists.ts";
import {
  holdingWaveIds,
  letterSkipSentence,
  otherWaveOf,
  ownersFollowedUp,
  sentenceText,
} from "../../console/src/pages/correspondence/skip-other-wave.ts";
import { skipWords } from "../../console/src/pages/correspondence/wave-facts.ts";
import { entryActionWords } from "../../console/src/pages/state/actions.ts";

// The ledger's reasons as dispatch writes them (shared/correspondence/dispatch.ts, skipReasonText).
const WRITTEN_BY_W1 =
  "written-by-halted-wave: halted wave “audit32 W1 outreach” (01M96DJVPAFKB16AD2Y50FWPRD) wrote to it";
const HELD_BY_FU1 =
  "followed-up-elsewhere: its follow-up letter goes in wave “audit32 fu1” (01M96EN94HBEYT02T4GSK0JG7F)";

describe("a skip that names another wave", () => {
  it("finds the wave in the ledger's reason, with or without a description", () => {
    expect(otherWaveOf(WRITTEN_BY_W1)).toEqual({
      waveId: "01M96DJVPAFKB16AD2Y50FWPRD",
      description: "audit32 W1 outreach",
    });
    expect(otherWaveOf("followed-up-elsewhere: its follow-up letter goes in wave 01W")).toEqual({ waveId: "01W" });
    expect(otherWaveOf("bounced")).toBeUndefined();
  });

  it("names the halted wave that wrote, not 'the halted wave' of this rest, and no id", () => {
    // Unread, the writer is not said halted: a completed rest writes to a rest too (audit 33, review).
    expect(skipWords(WRITTEN_BY_W1)).toBe("“audit32 W1 outreach” already wrote to its State or organization");
    const chile = { owner: "STATE:CHL", skipReason: "written-by-halted-wave", reason: WRITTEN_BY_W1 };
    const writerIs = (status: "halted" | "completed") => {
      const facts = { status, reached: new Set<string>(), arrived: new Set(["STATE:CHL"]) };
      const sentence = letterSkipSentence(chile, new Map([["01M96DJVPAFKB16AD2Y50FWPRD", facts]]));
      return sentence && sentenceText(sentence);
    };
    expect(writerIs("halted")).toBe("“audit32 W1 outreach”, a halted wave, already wrote to its State or organization");
    expect(writerIs("completed")).toBe("“audit32 W1 outreach” already wrote to its State or organization");
    expect(entryActionWords({ action: "letter.skipped", after: { reason: HELD_BY_FU1 } })).toBe(
      "Letter skipped (its one-year follow-up letter was left to “audit32 fu1”)",
    );
  });

  it("says a State owed again once the holding wave halted, or its letter did not reach the State", () => {
    const uzbekistan = { owner: "STATE:UZB", skipReason: "followed-up-elsewhere", reason: HELD_BY_FU1 };
    expect(holdingWaveIds([uzbekistan, { owner: "STATE:KEN", skipReason: "bounced" }])).toEqual([
      "01M96EN94HBEYT02T4GSK0JG7F",
    ]);
    const holders = (status: "halted" | "completed" | "dispatching", reached: string[]) =>
      new Map([["01M96EN94HBEYT02T4GSK0JG7F", { status, reached: new Set(reached) }]]);
    const words = (facts: ReturnType<typeof holders>) => {
      const sentence = letterSkipSentence(uzbekistan, facts);
      return sentence && sentenceText(sentence);
    };
    expect(words(holders("halted", []))).toBe(
      "its one-year follow-up letter was left to “audit32 fu1”, which halted before its letter reached the State: " +
        "the State was owed it again, and a new follow-up wave (or, if that wave halted, its rest) writes to it " +
        "unless one has since",
    );
    expect(words(holders("completed", []))).toMatch(/, whose letter did not reach the State: the State was owed it/);
    expect(words(holders("halted", ["STATE:UZB"]))).toBe("its one-year follow-up letter was left to “audit32 fu1”");
    expect(words(holders("dispatching", []))).toBe("its one-year follow-up letter was left to “audit32 fu1”");
    expect(letterSkipSentence({ owner: "STATE:KEN", skipReason: "bounced" }, new Map())).toBeUndefined();
  });

  it("groups the preview's skips by the wave that wrote, counting States and organizations, not addresses", () => {
    const skip = (iso3: string, recipient: string, waveId: string) => ({
      recipient,
      owner: { owner: `STATE:${iso3}`, name: iso3 },
      reason: "written-by-halted-wave" as const,
      writtenBy: { waveId, description: `Outreach ${waveId}` },
    });
    const skipped: AudiencePreview["skipped"] = [
      skip("TCD", "c-tcd", "W1"),
      skip("TCD", "c-tcd-mission", "W1"),
      skip("MLI", "c-mli", "R1"),
    ];
    const groups = skipsByOtherWave(skipped);
    expect(groups.map(([wave, skips]) => [wave?.description, ownersCounted(skips)])).toEqual([
      ["Outreach W1", 1],
      ["Outreach R1", 1],
    ]);
    expect(ownersCounted(skipped)).toBe(2);
  });
});

describe("the holding wave's letters", () => {
  it("follow the State up as the server's holds judge it: on their way or left, not unknown (review 32b)", () => {
    const statuses = [
      "queued",
      "sending",
      "sent",
      "delivered",
      "complained",
      "unknown",
      "bounced",
      "failed",
      "skipped",
    ];
    const letters = statuses.map((status) => ({ owner: `STATE:${status}`, status }));
    const far = "2999-01-01T00:00:00.000Z";
    const serverCounts = statuses.filter((status) =>
      letterStillCounts("completed", [{ status: status as MessageStatus, createdAt: far }], "2000-01-01"),
    );
    expect([...ownersFollowedUp(letters)]).toEqual(serverCounts.map((status) => `STATE:${status}`));
    expect(serverCounts).toEqual(["queued", "sending", "sent", "delivered", "complained"]);
  });

  it("names an unnamed halted wave of the chain without saying twice that it halted", () => {
    expect(skipWords("written-by-halted-wave: halted wave 01W wrote to it")).toBe(
      "an earlier wave of this rest's chain already wrote to it",
    );
  });
});
