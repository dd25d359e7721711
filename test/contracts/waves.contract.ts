// The waves store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/waves-store.test.ts) and memory (test/unit/waves-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { Conflict, IllegalTransition, Malformed, NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { WaveRepository } from "#shared/waves/repository.ts";
import type { Wave, WaveStatus } from "#shared/waves/schemas.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

export interface WaveStoreUnderTest extends StoreUnderTest<WaveRepository> {
  /** Writes a ledger message beside the waves, as dispatch does. */
  addMessage(message: Message): Promise<void>;
}

const audit = { actor: systemActor("contract") };
const CREATED = "2027-03-01T09:00:00.000Z";

export const aWave = (id: string, changes: Partial<Wave> = {}): Wave => ({
  id,
  templateId: "first-report-request-2027",
  audience: "non-reporting-states",
  sendAt: "2027-03-15T09:00",
  timeZone: "America/New_York",
  sendInstant: "2027-03-15T13:00:00.000Z",
  notAfter: "2027-03-20T00:00:00.000Z",
  status: "draft",
  createdAt: CREATED,
  updatedAt: CREATED,
  ...changes,
});

const aMessage = (waveId: string, recipient: string, status: MessageStatus): Message => ({
  waveId,
  recipient,
  contactId: recipient,
  owner: "STATE:TCD",
  email: `${recipient.toLowerCase()}@example.org`,
  status,
  notAfter: "2027-03-20T00:00:00.000Z",
  claims: 0,
  createdAt: CREATED,
  updatedAt: CREATED,
});

export function waveStoreContract(setup: () => Promise<WaveStoreUnderTest>): void {
  describe("the waves store contract", () => {
    let subject: WaveStoreUnderTest;
    let waves: WaveRepository;
    beforeEach(async () => {
      subject = await setup();
      waves = subject.store;
    });

    const moved = (wave: Wave, status: WaveStatus, updatedAt = subject.clock.now().toISOString()): Wave => ({
      ...wave,
      status,
      updatedAt,
    });

    it("answers a created wave at version 1, and nothing for an unknown id", async () => {
      const created = await waves.create(aWave("W1"), audit);
      expect(created).toEqual({ value: aWave("W1"), version: 1 });
      expect(await waves.get("W1")).toEqual({ value: aWave("W1"), version: 1 });
      expect(await waves.get("W-unknown")).toBeUndefined();
      expect(await subject.auditActions({ type: "wave", id: "W1" })).toEqual(["wave.create"]);
    });

    it("refuses a second wave with the same id with a Conflict, and keeps the first", async () => {
      await waves.create(aWave("W1"), audit);
      await expect(waves.create(aWave("W1", { audience: "organizations" }), audit)).rejects.toThrow(Conflict);
      expect((await waves.get("W1"))?.value.audience).toBe("non-reporting-states");
      expect(await subject.auditActions({ type: "wave", id: "W1" })).toEqual(["wave.create"]);
    });

    it("lists every wave in id order across pages, and refuses a cursor of another listing", async () => {
      for (const id of ["W3", "W1", "W5", "W2", "W4"]) await waves.create(aWave(id), audit);
      const listed = await everyItem((page) => waves.list(page));
      expect(listed.map(({ value }) => value.id)).toEqual(["W1", "W2", "W3", "W4", "W5"]);
      const first = await waves.list({ limit: 2 });
      expect(first.cursor).toBeDefined();
      await expect(waves.messages("W1", undefined, { limit: 2, cursor: first.cursor })).rejects.toThrow(Malformed);
    });

    it("moves a wave at the version and status read, one version up, audited by the verb", async () => {
      const created = await waves.create(aWave("W1"), audit);
      subject.clock.advance(60_000);
      const next = { ...moved(created.value, "scheduled"), scheduleName: "wave-W1" };
      expect(await waves.move(created, 1, next, audit)).toEqual({ value: next, version: 2 });
      expect(await waves.get("W1")).toEqual({ value: next, version: 2 });
      expect(await subject.auditActions({ type: "wave", id: "W1" })).toEqual(["wave.create", "wave.schedule"]);
    });

    it("refuses a move at a stale version with PreconditionFailed naming the current ETag, changing nothing", async () => {
      const created = await waves.create(aWave("W1"), audit);
      const scheduled = await waves.move(created, 1, moved(created.value, "scheduled"), audit);
      const refused = await waves.move(created, 1, moved(created.value, "cancelled"), audit).catch((error) => error);
      expect(refused).toBeInstanceOf(PreconditionFailed);
      expect((refused as PreconditionFailed).currentEtag).toBe('"2"');
      expect(await waves.get("W1")).toEqual(scheduled);
    });

    it("refuses, as an illegal transition, a move from a status the wave no longer holds at that version", async () => {
      const created = await waves.create(aWave("W1"), audit);
      const misread = { ...created, value: moved(created.value, "scheduled") };
      const refused = await waves.move(misread, 1, moved(created.value, "dispatching"), audit).catch((e) => e);
      expect(refused).toBeInstanceOf(IllegalTransition);
      expect(refused).toMatchObject({ from: "draft", to: "dispatching", allowed: ["scheduled", "cancelled"] });
      expect(await waves.get("W1")).toEqual(created);
    });

    it("refuses to move a wave that does not exist with NotFound", async () => {
      const ghost = { value: aWave("W-ghost"), version: 1 };
      await expect(waves.move(ghost, 1, moved(ghost.value, "scheduled"), audit)).rejects.toThrow(NotFound);
      expect(await waves.get("W-ghost")).toBeUndefined();
    });

    it("pages a wave's messages in recipient order, all or of one status, and none of another wave", async () => {
      await waves.create(aWave("W1"), audit);
      const statuses: [string, MessageStatus][] = [
        ["C4", "sent"],
        ["C1", "queued"],
        ["C3", "queued"],
        ["C2", "skipped"],
        ["C5", "queued"],
      ];
      for (const [recipient, status] of statuses) await subject.addMessage(aMessage("W1", recipient, status));
      await subject.addMessage(aMessage("W2", "C0", "queued"));
      const all = await everyItem((page) => waves.messages("W1", undefined, page));
      expect(all.map((message) => message.recipient)).toEqual(["C1", "C2", "C3", "C4", "C5"]);
      const queued = await everyItem((page) => waves.messages("W1", "queued", page));
      expect(queued.map((message) => message.recipient)).toEqual(["C1", "C3", "C5"]);
      expect(queued[0]).toEqual(aMessage("W1", "C1", "queued"));
      expect((await waves.messages("W1", "bounced", { limit: 10 })).items).toEqual([]);
    });

    it("finds the waves in a status since before an instant, the longest there first", async () => {
      const at = (minute: number) => `2027-03-15T13:${String(minute).padStart(2, "0")}:00.000Z`;
      const put = async (id: string, status: WaveStatus, minute: number) => {
        const created = await waves.create(aWave(id), audit);
        if (status !== "draft") await waves.move(created, 1, moved(created.value, status, at(minute)), audit);
      };
      await put("W1", "scheduled", 30);
      await put("W2", "scheduled", 10);
      await put("W3", "scheduled", 50);
      await put("W4", "cancelled", 5);
      const since = await waves.inStatusSince("scheduled", at(40));
      expect(since.map(({ value }) => value.id)).toEqual(["W2", "W1"]);
      expect(since[0]?.version).toBe(2);
    });

    it("finds the waves moved into a status at or after an instant, the longest there first", async () => {
      const at = (minute: number) => `2027-03-15T13:${String(minute).padStart(2, "0")}:00.000Z`;
      const put = async (id: string, status: WaveStatus, minute: number) => {
        const created = await waves.create(aWave(id), audit);
        await waves.move(created, 1, moved(created.value, status, at(minute)), audit);
      };
      await put("W1", "scheduled", 39);
      await put("W2", "scheduled", 50);
      await put("W3", "scheduled", 40);
      await put("W4", "cancelled", 45);
      const lately = await waves.inStatusMovedAfter("scheduled", at(40));
      expect(lately.map(({ value }) => value.id)).toEqual(["W3", "W2"]);
      expect(await waves.inStatusMovedAfter("scheduled", at(51))).toEqual([]);
    });

    it("finds every wave in a status, however recently moved, the longest there first", async () => {
      const at = (minute: number) => `2027-03-15T13:${String(minute).padStart(2, "0")}:00.000Z`;
      for (const [id, status, minute] of [
        ["W1", "scheduled", 30],
        ["W2", "scheduled", 10],
        ["W3", "cancelled", 5],
      ] as const) {
        const created = await waves.create(aWave(id), audit);
        await waves.move(created, 1, moved(created.value, status, at(minute)), audit);
      }
      // No bound on when it moved: a wave stamped as late as an instant can be is found too.
      const now = await waves.create(aWave("W4"), audit);
      await waves.move(now, 1, moved(now.value, "scheduled", "9999-12-31T23:59:59.999Z"), audit);
      expect((await waves.inStatus("scheduled")).map(({ value }) => value.id)).toEqual(["W2", "W1", "W4"]);
      expect(await waves.inStatus("dispatching")).toEqual([]);
    });

    it("audits a test send and a redispatch without changing the wave", async () => {
      const created = await waves.create(aWave("W1"), audit);
      await waves.recordTestSend(
        {
          waveId: "W1",
          contactId: "C1",
          owner: "STATE:TCD",
          to: "desk@un.org",
          language: "fr",
          fellBack: false,
          subject: "[TEST] Rapport",
          sesMessageId: "ses-1",
        },
        audit,
      );
      await waves.recordRedispatch(
        { waveId: "W1", status: "draft", scheduleName: "wave-W1", firesAt: "2027-03-01T09:02:00Z" },
        audit,
      );
      expect(await waves.get("W1")).toEqual(created);
      expect(await subject.auditActions({ type: "wave", id: "W1" })).toEqual([
        "wave.create",
        "wave.redispatch",
        "wave.test-send",
      ]);
    });
  });
}
