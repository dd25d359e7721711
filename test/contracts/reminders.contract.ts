// The reminder claims' contract, written once and run against both adapters: DynamoDB Local
// (test/integration/reminders-store.test.ts) and memory (test/unit/reminders-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import type { AuditAction } from "#shared/audit/actions.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { reminderEntity } from "#shared/programme/keys.ts";
import type { ReminderRepository } from "#shared/programme/reminder-repository.ts";
import type { ReminderClaim } from "#shared/programme/schemas.ts";
import type { StoreUnderTest } from "./store-contract.ts";

const FIRST = "2027-03-01T07:00:00.000Z";
const LATER = "2027-03-01T08:00:00.000Z";

const aClaim = (claimedAt: string): ReminderClaim => ({
  year: 2027,
  activityId: "first-report-deadline",
  offset: 14,
  dueBy: "2027-03-15",
  reminderDay: "2027-03-01",
  late: false,
  status: "sending",
  claimedAt,
});

export function reminderStoreContract(setup: () => Promise<StoreUnderTest<ReminderRepository>>): void {
  describe("the reminder claims' contract", () => {
    let subject: StoreUnderTest<ReminderRepository>;
    let reminders: ReminderRepository;
    const entity = reminderEntity(aClaim(FIRST));
    const entry = (action: AuditAction) => ({ actor: systemActor("contract"), action, entity });

    beforeEach(async () => {
      subject = await setup();
      reminders = subject.store;
    });

    it("lets one run claim a reminder; another run finds it taken until the claim is older than the cut-off", async () => {
      expect(await reminders.get(aClaim(FIRST))).toBeUndefined();
      expect(await reminders.claim(aClaim(FIRST), "2027-03-01T06:30:00.000Z", entry("programme.reminder.claim"))).toBe(
        "done",
      );
      expect(await reminders.get(aClaim(FIRST))).toEqual(aClaim(FIRST));
      expect(await reminders.claim(aClaim(LATER), "2027-03-01T06:30:00.000Z", entry("programme.reminder.claim"))).toBe(
        "taken",
      );
      expect(await reminders.claim(aClaim(LATER), "2027-03-01T07:30:00.000Z", entry("programme.reminder.claim"))).toBe(
        "done",
      );
      expect(await reminders.get(aClaim(FIRST))).toEqual(aClaim(LATER));
      expect(await subject.auditActions(entity)).toEqual(["programme.reminder.claim", "programme.reminder.claim"]);
    });

    it("records the send for the run that holds the claim only; a sent reminder is never claimed again", async () => {
      await reminders.claim(aClaim(FIRST), FIRST, entry("programme.reminder.claim"));
      expect(await reminders.markSent(aClaim(LATER), "ses-2", LATER, entry("programme.reminder.sent"))).toBe("taken");
      expect(await reminders.markSent(aClaim(FIRST), "ses-1", LATER, entry("programme.reminder.sent"))).toBe("done");
      expect(await reminders.get(aClaim(FIRST))).toEqual({
        ...aClaim(FIRST),
        status: "sent",
        messageId: "ses-1",
        sentAt: LATER,
      });
      expect(await reminders.claim(aClaim(LATER), "2027-03-02T00:00:00.000Z", entry("programme.reminder.claim"))).toBe(
        "taken",
      );
      expect(await subject.auditActions(entity)).toEqual(["programme.reminder.claim", "programme.reminder.sent"]);
    });

    it("gives a claim back for its holder only, after which another run may claim it", async () => {
      await reminders.claim(aClaim(FIRST), FIRST, entry("programme.reminder.claim"));
      expect(await reminders.release(aClaim(LATER), entry("programme.reminder.release"))).toBe("taken");
      expect(await reminders.release(aClaim(FIRST), entry("programme.reminder.release"))).toBe("done");
      expect(await reminders.get(aClaim(FIRST))).toMatchObject({ status: "released" });
      expect(await reminders.claim(aClaim(LATER), FIRST, entry("programme.reminder.claim"))).toBe("done");
      expect(await reminders.get(aClaim(FIRST))).toEqual(aClaim(LATER));
    });
  });
}
