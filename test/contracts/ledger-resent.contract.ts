// The send ledger's resends index, written once and run against both adapters: DynamoDB Local
// (test/integration/ledger-resent-store.test.ts) and memory (test/unit/ledger-resent-store.test.ts). The sweep finds
// through it the letters sent again that a crash stranded on a finished wave (audit 34, bug 2), without a Scan.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import type { Ledger } from "#shared/correspondence/ledger.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { CONTRACT_START, type StoreUnderTest } from "./store-contract.ts";

const START = new Date(CONTRACT_START).toISOString();
const actor = { actor: systemActor("contract") };

const aLetter = (waveId: string, recipient: string, status: MessageStatus, notAfter: string): Message => ({
  waveId,
  recipient,
  owner: "STATE:CHE",
  email: `${recipient}@example.org`,
  status,
  notAfter,
  claims: 1,
  createdAt: START,
  updatedAt: START,
});

export function ledgerResentContract(setup: () => Promise<StoreUnderTest<Ledger>>): void {
  describe("the send ledger's letters sent again", () => {
    let ledger: Ledger;

    beforeEach(async () => {
      ledger = (await setup()).store;
    });

    it("lists every letter sent again whose wave's deadline is after an instant, in deadline order, as it stands", async () => {
      const early = aLetter("wave-a", "c1", "unknown", "2027-03-05T00:00:00.000Z");
      const late = aLetter("wave-b", "c2", "unknown", "2027-03-20T00:00:00.000Z");
      const gone = aLetter("wave-c", "c3", "unknown", "2027-03-02T00:00:00.000Z");
      for (const letter of [late, early, gone]) await ledger.putNew(letter);
      // Never sent again: not listed, whatever its status.
      await ledger.putNew(aLetter("wave-a", "c4", "queued", "2027-03-05T00:00:00.000Z"));
      await ledger.putNew(aLetter("wave-a", "c5", "unknown", "2027-03-05T00:00:00.000Z"));
      for (const letter of [late, early, gone])
        await ledger.resend(letter, { email: letter.email ?? "", reason: "again" }, actor);
      // It moves on as any letter does, and is listed as it stands now.
      const claimed = await ledger.claim({ waveId: "wave-b", recipient: "c2" }, 60_000);
      expect(claimed.claimed).toBe(true);

      const listed = await ledger.resentLetters("2027-03-03T00:00:00.000Z");
      expect(listed.map(({ waveId, recipient, status }) => ({ waveId, recipient, status }))).toEqual([
        { waveId: "wave-a", recipient: "c1", status: "queued" },
        { waveId: "wave-b", recipient: "c2", status: "sending" },
      ]);
      expect(listed[0]).toEqual(await ledger.get({ waveId: "wave-a", recipient: "c1" }));
      expect(listed[0]).toMatchObject({ resentAt: START, email: "c1@example.org" });
      expect((await ledger.resentLetters("2027-03-01T00:00:00.000Z")).map(({ recipient }) => recipient)).toEqual([
        "c3",
        "c1",
        "c2",
      ]);
      expect(await ledger.resentLetters("2027-03-20T00:00:00.001Z")).toEqual([]);
    });
  });
}
