// The send ledger's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/ledger-store.test.ts) and memory (test/unit/ledger-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import type { Ledger } from "#shared/correspondence/ledger.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import type { Unreached } from "#shared/correspondence/unreached.ts";
import { Malformed, NotFound } from "#shared/errors.ts";
import { CONTRACT_START, everyItem, type StoreUnderTest } from "./store-contract.ts";

const WAVE = "wave-2027-03";
const START = new Date(CONTRACT_START).toISOString();

const aMessage = (recipient: string, status: MessageStatus = "queued", overrides: Partial<Message> = {}): Message => ({
  waveId: WAVE,
  recipient,
  contactId: recipient,
  owner: "STATE:MLI",
  email: `${recipient}@example.org`,
  status,
  notAfter: "2027-03-20T00:00:00.000Z",
  claims: 0,
  createdAt: START,
  updatedAt: START,
  ...overrides,
});

const anUnreached = (owner: string, waveId = WAVE): Unreached => ({
  waveId,
  owner,
  name: owner,
  reason: "no-contact",
  detail: "points of contact: none; permanent mission: none",
  recordedAt: START,
});

export function ledgerStoreContract(setup: () => Promise<StoreUnderTest<Ledger>>): void {
  describe("the send ledger's contract", () => {
    let subject: StoreUnderTest<Ledger>;
    let ledger: Ledger;
    const key = (recipient: string) => ({ waveId: WAVE, recipient });

    beforeEach(async () => {
      subject = await setup();
      ledger = subject.store;
    });

    it("fails a halted wave's queued letter unsent, but not one sent again nor one no longer queued (ADR 0062)", async () => {
      const resent = aMessage("c2", "queued", { resentAt: START, claims: 1 });
      await ledger.putNew(aMessage("c1", "queued"));
      await ledger.putNew(resent);
      await ledger.putNew(aMessage("c3", "sending", { leaseUntil: START }));
      expect(await ledger.failHalted(key("c1"), "wave halted: bounces")).toBe(true);
      expect(await ledger.get(key("c1"))).toMatchObject({ status: "failed", reason: "wave halted: bounces" });
      expect(await ledger.failHalted(key("c2"), "wave halted: bounces")).toBe(false);
      expect(await ledger.get(key("c2"))).toEqual(resent);
      expect(await ledger.failHalted(key("c3"), "wave halted: bounces")).toBe(false);
      expect(await ledger.failHalted(key("c9"), "wave halted: bounces")).toBe(false);
      expect(await ledger.counts(WAVE)).toMatchObject({ failed: 1, queued: 1, sending: 1 });
    });

    it("writes a message once: a second write answers the message already there", async () => {
      expect(await ledger.putNew(aMessage("c1"))).toEqual({ created: true });
      expect(await ledger.putNew(aMessage("c1", "queued", { email: "other@example.org" }))).toEqual({
        created: false,
        existing: aMessage("c1"),
      });
      expect(await ledger.get(key("c1"))).toEqual(aMessage("c1"));
      expect(await ledger.get(key("c9"))).toBeUndefined();
    });

    it("claims a queued letter once, with a lease, only before its not-after instant", async () => {
      await ledger.putNew(aMessage("c1"));
      const claimed = await ledger.claim(key("c1"), 60_000);
      const sending = {
        ...aMessage("c1", "sending"),
        leaseUntil: "2027-03-01T09:01:00.000Z",
        claims: 1,
        updatedAt: START,
      };
      expect(claimed).toEqual({ claimed: true, message: sending });
      expect(await ledger.claim(key("c1"), 60_000)).toEqual({ claimed: false, current: sending });
      expect(await ledger.claim(key("c9"), 60_000)).toEqual({ claimed: false, current: undefined });
      await ledger.putNew(aMessage("c2", "queued", { notAfter: START }));
      expect(await ledger.claim(key("c2"), 60_000)).toMatchObject({ claimed: false, current: { status: "queued" } });
    });

    it("moves a letter only from where it stands and with the lease seen, removing fields given as undefined", async () => {
      await ledger.putNew(aMessage("c1"));
      const claimed = await ledger.claim(key("c1"), 60_000);
      const lease = claimed.claimed ? claimed.message.leaseUntil : undefined;
      expect(
        await ledger.move(key("c1"), "sending", "sent", { leaseUntil: undefined }, "2027-01-01T00:00:00.000Z"),
      ).toBe(false);
      expect(await ledger.move(key("c1"), "queued", "sending")).toBe(false);
      subject.clock.advance(1000);
      expect(
        await ledger.move(
          key("c1"),
          ["sending", "unknown"],
          "sent",
          { sesMessageId: "ses-1", sentAt: "2027-03-01T09:00:01.000Z", leaseUntil: undefined },
          lease,
        ),
      ).toBe(true);
      const sent = await ledger.get(key("c1"));
      expect(sent).toMatchObject({ status: "sent", sesMessageId: "ses-1", updatedAt: "2027-03-01T09:00:01.000Z" });
      expect(sent).not.toHaveProperty("leaseUntil");
      expect(await ledger.move(key("c9"), "sending", "sent")).toBe(false);
      await expect(ledger.move(key("c1"), "sent", "queued")).rejects.toThrow(/cannot move from sent to queued/);
    });

    it("notes fields on a letter still in a status, without moving it", async () => {
      await ledger.putNew(aMessage("c1", "sent"));
      expect(await ledger.note(key("c1"), "queued", { reason: "no" })).toBe(false);
      expect(await ledger.note(key("c1"), "sent", { reason: "soft bounce" })).toBe(true);
      expect(await ledger.get(key("c1"))).toMatchObject({ status: "sent", reason: "soft bounce" });
    });

    it("queues an unknown letter again for the secretariat, audited; refuses any other, or past its deadline", async () => {
      const unknown = aMessage("c1", "unknown", { leaseUntil: "2027-03-01T08:00:00.000Z" });
      await ledger.putNew(unknown);
      const actor = { actor: systemActor("contract") };
      const to = { email: "c1@example.org", reason: "crash after SES accepted it" };
      const queued = await ledger.resend(unknown, to, actor);
      expect(queued).toMatchObject({ status: "queued", reason: "crash after SES accepted it", resentAt: START });
      expect(queued).not.toHaveProperty("leaseUntil");
      expect(await ledger.get(key("c1"))).toEqual(queued);
      await expect(ledger.resend(queued, to, actor)).rejects.toMatchObject({
        kind: "conflict",
        why: "it is queued now",
        message: "The letter is not sent again: it is queued now",
      });
      await expect(ledger.resend(aMessage("c9", "unknown"), to, actor)).rejects.toThrow(NotFound);
      const late = aMessage("c2", "unknown", { notAfter: START });
      await ledger.putNew(late);
      await expect(ledger.resend(late, to, actor)).rejects.toThrow(
        /^The letter is not sent again: its wave's not-after deadline \d{4}-\d\d-\d\d \d\d:\d\d UTC has passed$/,
      );
      expect(await subject.auditActions({ type: "wave", id: WAVE })).toEqual(["wave.resend"]);
    });

    it("sends a letter again to the address it is given: the contact's, changed since the letter was written", async () => {
      const unknown = aMessage("c1", "unknown", { email: "old.poc@example.org" });
      await ledger.putNew(unknown);
      const to = { email: "new.poc@example.org", reason: "address changed" };
      const queued = await ledger.resend(unknown, to, { actor: systemActor("contract") });
      expect(queued).toMatchObject({ status: "queued", email: "new.poc@example.org" });
      expect(await ledger.get(key("c1"))).toMatchObject({ status: "queued", email: "new.poc@example.org" });
    });

    it("answers a wave's messages by status, counted, in recipient order, and whether any is unsettled", async () => {
      await ledger.putNew(aMessage("c3", "sent"));
      await ledger.putNew(aMessage("c1", "sent"));
      await ledger.putNew(aMessage("c2", "skipped"));
      await ledger.putNew({ ...aMessage("c1"), waveId: "another-wave" });
      expect((await ledger.listByStatus(WAVE, "sent")).map((m) => m.recipient)).toEqual(["c1", "c3"]);
      expect((await ledger.messagesOf(WAVE)).map((m) => m.recipient)).toEqual(["c1", "c2", "c3"]);
      expect(await ledger.counts(WAVE)).toMatchObject({ sent: 2, skipped: 1, queued: 0, unknown: 0 });
      expect(await ledger.hasUnsettled(WAVE)).toBe(false);
      expect(await ledger.hasUnsettled("another-wave")).toBe(true);
    });

    it("answers an owner's letters, oldest first, from every wave, with where each stands", async () => {
      const later = new Date(Date.parse(START) + 60_000).toISOString();
      await ledger.putNew(aMessage("c2", "queued", { waveId: "wave-2027-05", createdAt: later, updatedAt: later }));
      await ledger.putNew(aMessage("c1", "sent"));
      await ledger.putNew(aMessage("c3", "queued", { owner: "STATE:TCD" }));
      expect(await ledger.lettersOf("STATE:MLI")).toEqual([
        { waveId: WAVE, recipient: "c1", status: "sent", createdAt: START },
        { waveId: "wave-2027-05", recipient: "c2", status: "queued", createdAt: later },
      ]);
      expect(await ledger.lettersOf("STATE:NER")).toEqual([]);
    });

    it("records each unreached owner once, listed in owner order and counted; a cursor stays with its wave", async () => {
      for (const owner of ["STATE:TCD", "STATE:GHA", "ORG:opcw"])
        expect(await ledger.putUnreached(anUnreached(owner))).toBe(true);
      expect(await ledger.putUnreached(anUnreached("STATE:GHA"))).toBe(false);
      await ledger.putUnreached(anUnreached("STATE:AUT", "another-wave"));
      const owners = (await everyItem((page) => ledger.unreached(WAVE, page), 2)).map((entry) => entry.owner);
      expect(owners).toEqual(["ORG:opcw", "STATE:GHA", "STATE:TCD"]);
      expect(await ledger.countUnreached(WAVE)).toBe(3);
      const first = await ledger.unreached(WAVE, { limit: 1 });
      await expect(ledger.unreached("another-wave", { limit: 1, cursor: first.cursor })).rejects.toThrow(Malformed);
    });

    it("holds a State's follow-up for one wave: taken again by it, over a named holder, otherwise answered", async () => {
      expect(await ledger.holdFollowUp("MLI", "wave-a")).toEqual({ held: true });
      expect(await ledger.holdFollowUp("MLI", "wave-a")).toEqual({ held: true });
      expect(await ledger.holdFollowUp("MLI", "wave-b")).toEqual({ held: false, holder: "wave-a" });
      // Taking over names the holder seen: a third wave that took it meanwhile is not displaced.
      expect(await ledger.holdFollowUp("MLI", "wave-b", "wave-c")).toEqual({ held: false, holder: "wave-a" });
      expect(await ledger.holdFollowUp("MLI", "wave-b", "wave-a")).toEqual({ held: true });
      expect(await ledger.holdFollowUp("MLI", "wave-a")).toEqual({ held: false, holder: "wave-b" });
      // Each State has its own.
      expect(await ledger.holdFollowUp("TCD", "wave-a")).toEqual({ held: true });
    });
  });
}
