// SES events as EventBridge delivers them: every sample parses, each says what it proves about its letter, and the
// precedence keeps duplicates and events out of order from moving a message backwards.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { decide, keyOf, type SesEvent, sesEventSchema, verdictOf } from "#shared/correspondence/ses-events.ts";
import { createSesEventsHandler } from "../../functions/ses-events/app.ts";

const SAMPLES = join(import.meta.dirname, "../../events/samples");
const raw = (name: string): unknown => JSON.parse(readFileSync(join(SAMPLES, name), "utf8"));
const sample = (name: string): SesEvent => sesEventSchema.parse(raw(name));
const NOW = "2026-03-12T00:00:00.000Z";
const SES_ID = "0100018e2c0a5d1f-4b3c9a7e-1d2f-4e5a-9b8c-7d6e5f4a3b2c-000000";

function message(status: MessageStatus, changes: Partial<Message> = {}): Message {
  return {
    waveId: "first-report-request-2026",
    recipient: "01JNZ8SAMPLECONTACT0000000",
    contactId: "01JNZ8SAMPLECONTACT0000000",
    owner: "STATE:TCD",
    email: "poc.chad@example.org",
    status,
    notAfter: "2026-03-13T14:00:00.000Z",
    claims: 1,
    createdAt: "2026-03-10T14:00:00.000Z",
    updatedAt: "2026-03-10T14:00:00.000Z",
    ...(status === "sending" || status === "unknown" || status === "queued" ? {} : { sesMessageId: SES_ID }),
    ...changes,
  };
}

function outcome(name: string, status: MessageStatus, changes: Partial<Message> = {}) {
  const event = sample(name);
  return decide(message(status, changes), event.detail, verdictOf(event.detail, NOW), NOW);
}

describe("SES event samples", () => {
  const files = readdirSync(SAMPLES).filter((file) => file.startsWith("ses-") && file !== "ses-open-unsupported.json");

  it.each(files)("parses %s and finds its ledger key in the tags", (file) => {
    const event = sample(file);
    expect(event.source).toBe("aws.ses");
    expect(keyOf(event.detail)).toEqual({
      waveId: "first-report-request-2026",
      recipient: "01JNZ8SAMPLECONTACT0000000",
    });
  });

  it("does not take an event type the desk does not handle (Open)", () => {
    expect(sesEventSchema.safeParse(raw("ses-open-unsupported.json")).success).toBe(false);
  });

  it("finds no key in mail sent without the wave and message tags (a test copy)", () => {
    const event = sample("ses-delivery.json");
    event.detail.mail.tags = { "wave-test": ["first-report-request-2026"] };
    expect(keyOf(event.detail)).toBeUndefined();
  });
});

describe("what each event proves", () => {
  it("turns a hard bounce into bounced with the reason, and the address into bounced", () => {
    const verdict = verdictOf(sample("ses-bounce-permanent.json").detail, NOW);
    expect(verdict).toMatchObject({
      to: "bounced",
      emailStatus: "bounced",
      fields: { feedbackAt: "2026-03-10T14:00:03.211Z", reason: "hard bounce (General): smtp; 550 5.1.1 user unknown" },
    });
  });

  it("takes an address on SES's suppression list for suppressed", () => {
    const event = sample("ses-bounce-permanent.json");
    if (event.detail.eventType !== "Bounce") throw new Error("not a bounce");
    event.detail.bounce.bounceSubType = "OnAccountSuppressionList";
    expect(verdictOf(event.detail, NOW).emailStatus).toBe("suppressed");
  });

  it("records a soft bounce and a delay as notes on a letter that stays sent", () => {
    expect(verdictOf(sample("ses-bounce-transient.json").detail, NOW)).toMatchObject({
      to: "sent",
      note: "soft bounce (MailboxFull): smtp; 452 4.2.2 mailbox full",
    });
    expect(verdictOf(sample("ses-bounce-transient.json").detail, NOW).emailStatus).toBeUndefined();
    expect(verdictOf(sample("ses-delivery-delay.json").detail, NOW).note).toMatch(/^delivery delayed \(MailboxFull\)/);
  });

  it("turns a complaint into complained and the address into complained", () => {
    expect(verdictOf(sample("ses-complaint.json").detail, NOW)).toMatchObject({
      to: "complained",
      emailStatus: "complained",
      fields: { reason: "complaint (abuse)" },
    });
  });

  it("takes a reject and a rendering failure for rejected", () => {
    expect(verdictOf(sample("ses-reject.json").detail, NOW)).toMatchObject({ to: "rejected" });
    expect(verdictOf(sample("ses-rendering-failure.json").detail, NOW).fields.reason).toMatch(/could not render/);
  });
});

describe("precedence", () => {
  it("settles an unknown letter with any event that proves SES accepted it, with the SES id", () => {
    expect(outcome("ses-send.json", "unknown", { reason: "the sender stopped" })).toEqual({
      kind: "move",
      from: "unknown",
      to: "sent",
      fields: { sesMessageId: SES_ID, sentAt: "2026-03-10T14:00:00.120Z", leaseUntil: undefined, reason: undefined },
    });
    expect(outcome("ses-delivery.json", "unknown")).toMatchObject({ kind: "move", to: "delivered" });
    expect(outcome("ses-bounce-permanent.json", "unknown")).toMatchObject({ kind: "move", to: "bounced" });
  });

  it("moves a letter still sending (the event overtook the sender's write) and removes its lease", () => {
    const decision = outcome("ses-delivery.json", "sending", { leaseUntil: "2026-03-10T14:02:00.000Z" });
    expect(decision).toMatchObject({ kind: "move", from: "sending", to: "delivered" });
    // A field given as undefined is removed by the ledger's move.
    expect(decision.kind === "move" && Object.hasOwn(decision.fields, "leaseUntil")).toBe(true);
    expect(decision.kind === "move" && decision.fields.leaseUntil).toBeUndefined();
  });

  it("moves forward only: sent, then delivered, then a bounce or complaint", () => {
    expect(outcome("ses-delivery.json", "sent")).toMatchObject({ kind: "move", from: "sent", to: "delivered" });
    expect(outcome("ses-bounce-permanent.json", "delivered")).toMatchObject({ kind: "move", to: "bounced" });
    expect(outcome("ses-complaint.json", "delivered")).toMatchObject({ kind: "move", to: "complained" });
  });

  it("ignores a delivery after a bounce, a send after a delivery, and any repeat", () => {
    expect(outcome("ses-delivery.json", "bounced")).toMatchObject({ kind: "ignore", cause: "out-of-order" });
    expect(outcome("ses-send.json", "delivered")).toMatchObject({ kind: "ignore", cause: "out-of-order" });
    expect(outcome("ses-delivery.json", "delivered")).toMatchObject({ kind: "ignore", cause: "duplicate" });
    expect(outcome("ses-bounce-permanent.json", "bounced")).toMatchObject({ kind: "ignore", cause: "duplicate" });
    expect(outcome("ses-complaint.json", "bounced")).toMatchObject({ kind: "ignore", cause: "duplicate" });
    expect(outcome("ses-reject.json", "delivered")).toMatchObject({ kind: "ignore" });
  });

  it("notes a soft bounce on a sent letter without moving it, and ignores it once delivered", () => {
    expect(outcome("ses-bounce-transient.json", "sent")).toEqual({
      kind: "note",
      status: "sent",
      fields: { reason: "soft bounce (MailboxFull): smtp; 452 4.2.2 mailbox full" },
    });
    expect(outcome("ses-bounce-transient.json", "unknown")).toMatchObject({
      kind: "move",
      to: "sent",
      fields: { reason: "soft bounce (MailboxFull): smtp; 452 4.2.2 mailbox full" },
    });
    expect(outcome("ses-bounce-transient.json", "delivered")).toMatchObject({ kind: "ignore" });
  });

  it("leaves alone a letter the ledger holds as never accepted, and an event about another SES message", () => {
    for (const status of ["queued", "failed", "expired", "skipped"] as const) {
      expect(outcome("ses-delivery.json", status)).toMatchObject({ kind: "ignore", cause: "never-accepted" });
    }
    expect(outcome("ses-delivery.json", "sent", { sesMessageId: "another" })).toMatchObject({
      kind: "ignore",
      cause: "another-message",
    });
  });
});

describe("the ses-events handler", () => {
  it("acknowledges an event it cannot read, logs no address, and touches nothing", async () => {
    const warn = vi.fn();
    const handler = createSesEventsHandler({ logger: { info: vi.fn(), warn } } as never);
    await expect(handler(raw("ses-open-unsupported.json"))).resolves.toEqual({ outcome: "not-understood" });
    await expect(handler({ hello: "world" })).resolves.toEqual({ outcome: "not-understood" });
    expect(warn).toHaveBeenCalledTimes(2);
    expect(JSON.stringify(warn.mock.calls)).not.toContain("@");
  });
});
