// A wave's one-time schedule end to end on the local stack: scheduled over HTTP a few seconds ahead, fired by the
// local scheduler at its local time in its zone, letters counted in the SES emulator; a cancelled twin never fires.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../infra/local/jwt.ts";
import type { LocalStack } from "../../infra/local/stack.ts";
import { apiCaller } from "../support/api-call.ts";
import { startE2eStack } from "../support/e2e-stack.ts";
import { nextMinute } from "../support/next-minute.ts";

let stack: LocalStack;
let token: string;

beforeAll(async () => {
  stack = await startE2eStack();
  token = await issueToken(stack.jwtKeys, { group: "secretariat" });
});

afterAll(() => stack?.stop());

// biome-ignore lint/suspicious/noExplicitAny: the answers of several routes, read field by field below
type Json = any;

const call = apiCaller<Json>(
  () => stack.apiUrl,
  () => token,
);

interface StoredMail {
  subject: string;
  destination: { to: string[] };
}

async function mailWith(marker: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${stack.sesUrl}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((email) => email.subject.includes(marker));
}

describe("a scheduled wave on the local stack", () => {
  it("fires at its local send time in its zone and sends each recipient one letter; the cancelled one never", async () => {
    const marker = `E2E-SCHEDULE-${Date.now()}`;
    const variant = {
      subject: `${marker} {{state.name}}`,
      text: "Dear {{contact.name}}, the Committee writes to {{state.name}}.",
      html: "<p>Dear {{contact.name}}, the Committee writes to {{state.name}}.</p>",
    };
    const templateId = `schedule-e2e-${Date.now()}`;
    const template = await call("POST", "/templates", {
      id: templateId,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: variant },
    });
    expect(template.status).toBe(201);

    const timeZone = "Asia/Tokyo";
    // A few seconds for the two waves to be created and scheduled before their minute comes.
    const { sendAt, instant } = nextMinute(timeZone, 5_000);
    const wave = (id?: string) => ({
      templateId,
      audience: "non-reporting-states",
      sendAt,
      timeZone,
      notAfter: new Date(instant.getTime() + 3_600_000).toISOString(),
      ...(id ? { description: id } : {}),
    });
    const sent = await call("POST", "/waves", wave());
    const cancelled = await call("POST", "/waves", wave("cancelled twin"));
    expect([sent.status, cancelled.status]).toEqual([201, 201]);
    expect(sent.body.sendInstant).toBe(instant.toISOString());
    const id = sent.body.id;
    const twin = cancelled.body.id;

    const scheduled = await call("POST", `/waves/${id}/schedule`, undefined, { "if-match": sent.etag });
    expect(scheduled.body).toMatchObject({ status: "scheduled", scheduleName: `wave-${id}` });
    expect(stack.nextRuns()[`wave-${id}`]).toEqual(instant);
    const twinScheduled = await call("POST", `/waves/${twin}/schedule`, undefined, { "if-match": cancelled.etag });
    expect(
      (await call("POST", `/waves/${twin}/cancel`, undefined, { "if-match": twinScheduled.etag })).body.status,
    ).toBe("cancelled");
    expect(stack.nextRuns()[`wave-${twin}`]).toBeUndefined();

    // The test copy goes out now, alone, and leaves the ledger as it was.
    const testCopy = await call("POST", `/waves/${id}/test`, { to: "officer@desk.example" });
    expect(testCopy).toMatchObject({ status: 200, body: { subject: expect.stringMatching(/^\[TEST\] /) } });
    expect((await mailWith(marker)).map((mail) => mail.destination.to)).toEqual([["officer@desk.example"]]);

    const audience = await call("GET", `/waves/${id}/audience`);
    const recipients: { email: string }[] = audience.body.recipients;
    expect(recipients.length).toBeGreaterThan(0);

    await expect
      .poll(async () => (await call("GET", `/waves/${id}`)).body.status, { timeout: 100_000, interval: 1_000 })
      .toBe("completed");
    const done = await call("GET", `/waves/${id}`);
    expect(done.body.counts).toMatchObject({ sent: recipients.length, queued: 0, sending: 0 });
    // Dispatch ran no earlier than the wave's instant: its first letter was written then.
    const messages = await call("GET", `/waves/${id}/messages`, undefined);
    for (const message of messages.body.items) expect(message.createdAt >= instant.toISOString()).toBe(true);
    expect(stack.nextRuns()[`wave-${id}`]).toBeUndefined();

    const letters = (await mailWith(marker)).filter((mail) => !mail.subject.startsWith("[TEST]"));
    expect(letters).toHaveLength(recipients.length);
    for (const recipient of recipients) {
      expect(
        letters.filter((letter) => letter.destination.to.includes(recipient.email)),
        recipient.email,
      ).toHaveLength(1);
    }
    const twinAfter = await call("GET", `/waves/${twin}`);
    expect(twinAfter.body.status).toBe("cancelled");
    expect(Object.values(twinAfter.body.counts).every((count) => count === 0)).toBe(true);
  }, 150_000);
});
