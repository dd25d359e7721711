// A wave's page reads each wave's ledger and unreached once (review of audit 33): its Letters, the skips naming a
// writer (useHolders), its rest chain (readChainLetters) and its Not reached share one reader per version of the page.
import { describe, expect, it } from "vitest";
import { holdingWaveIds } from "../../console/src/pages/correspondence/skip-other-wave.ts";
import type { Wave, WaveMessage } from "../../console/src/pages/correspondence/wave-facts.ts";
import { readChainLetters } from "../../console/src/pages/correspondence/wave-late-bounce.ts";
import { readEachOnce } from "../../console/src/pages/correspondence/wave-page-reads.ts";

const wave = (id: string, status: Wave["status"], restOf?: string) =>
  ({ id, status, restOf, audience: "all-states", sendInstant: "2026-12-06T22:00:00.000Z" }) as Wave;

const letter = (waveId: string, owner: string, status: WaveMessage["status"], more: Partial<WaveMessage> = {}) =>
  ({ waveId, recipient: `C-${owner}`, owner, status, ...more }) as WaveMessage;

// H1 halted having written to Chad; R1, its rest, completed: it left Chad out, naming H1, and wrote to Mali.
const H1 = wave("H1", "halted");
const R1 = wave("R1", "completed", "H1");
const ledgers: Record<string, WaveMessage[]> = {
  H1: [letter("H1", "STATE:TCD", "sent")],
  R1: [
    letter("R1", "STATE:TCD", "skipped", {
      skipReason: "written-by-halted-wave",
      reason: "written-by-halted-wave: halted wave “Outreach H1” (H1) wrote to it",
    }),
    letter("R1", "STATE:MLI", "bounced"),
  ],
};

/** The API's reads, each call counted by route and wave. */
function countedReads() {
  const asked: string[] = [];
  const reads = readEachOnce({
    lettersOf: async (id) => {
      asked.push(`messages ${id}`);
      return ledgers[id] ?? [];
    },
    unreachedOf: async (id) => {
      asked.push(`unreached ${id}`);
      return [];
    },
  });
  return { asked, reads };
}

describe("a wave's page's reads", () => {
  it("reads a completed rest's ledger, its writer's and its unreached once for the letters, the skips, the chain and Not reached", async () => {
    const { asked, reads } = countedReads();
    // As the page's parts ask, at once: Letters, then the skips' writers, the chain and Not reached.
    const listed = await reads.lettersOf(R1.id);
    const writers = holdingWaveIds(listed).map((id) => reads.lettersOf(id));
    const unreachedOwners = async (id: string) => (await reads.unreachedOf(id)).map(({ owner }) => owner);
    const [chain] = await Promise.all([
      readChainLetters(R1, [H1, R1], reads.lettersOf, unreachedOwners),
      reads.unreachedOf(R1.id),
      ...writers,
    ]);
    expect(chain.notWrittenAfterAll).toEqual(["STATE:MLI"]);
    expect(asked.sort()).toEqual(["messages H1", "messages R1", "unreached R1"]);
  });

  it("shares a read still under way with whoever asks meanwhile", async () => {
    const { asked, reads } = countedReads();
    const [first, second] = await Promise.all([reads.lettersOf(H1.id), reads.lettersOf(H1.id)]);
    expect(second).toBe(first);
    expect(asked).toEqual(["messages H1"]);
  });

  it("reads again a wave whose read failed, rather than keep the failure for the page's version", async () => {
    let failures = 1;
    const reads = readEachOnce({
      lettersOf: async (id) => {
        if (failures-- > 0) throw new Error("503");
        return ledgers[id] ?? [];
      },
      unreachedOf: async () => [],
    });
    await expect(reads.lettersOf(H1.id)).rejects.toThrow("503");
    expect(await reads.lettersOf(H1.id)).toEqual(ledgers.H1);
  });
});
