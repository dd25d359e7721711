// Skips that name another wave (audit 32, items 4 and 8): the wave page, its preview and the State pages name the
// halted wave that wrote, or the wave that holds a follow-up, by its description and never by its id; a follow-up whose
// holder halted, was cancelled or did not reach the State is said owed again; the preview counts States, not addresses.
import { describe, expect, it } from "vitest";
import {
  type AudiencePreview,
  ownersCounted,
  skipsByOtherWave,
} from "../../console/src/pages/correspondence/audience-lists.ts";
import {
  holdingWaveIds,
  letterSkipSentence,
  otherWaveOf,
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
    expect(skipWords(WRITTEN_BY_W1)).toBe(
      "“audit32 W1 outreach”, a halted wave, already wrote to its State or organization",
    );
    expect(entryActionWords({ action: "letter.skipped", after: { reason: HELD_BY_FU1 } })).toBe(
      "Letter skipped (its one-year follow-up letter goes in “audit32 fu1”)",
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
      "its one-year follow-up letter was to go in “audit32 fu1”, which halted before its letter reached the State: " +
        "the State is owed it again, and a new follow-up wave (or, if that wave halted, its rest) writes to it",
    );
    expect(words(holders("completed", []))).toMatch(/, whose letter did not reach the State: the State is owed it/);
    expect(words(holders("halted", ["STATE:UZB"]))).toBe("its one-year follow-up letter goes in “audit32 fu1”");
    expect(words(holders("dispatching", []))).toBe("its one-year follow-up letter goes in “audit32 fu1”");
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
