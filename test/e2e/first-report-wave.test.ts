// The March first-report wave, end to end on the local stack: template and wave over HTTP, the scheduled target
// fired as the local scheduler would, letters counted in the SES emulator.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../infra/local/jwt.ts";
import { type LocalStack, startLocalStack } from "../../infra/local/stack.ts";
import { targets } from "../../infra/local/targets.ts";

const NON_REPORTING = ["GIN", "GMB", "MLI", "MRT", "PRK", "SOM", "SWZ", "TCD"];
let dataDir: string;
let stack: LocalStack;
let token: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "desk-wave-"));
  stack = await startLocalStack({ dataDir, inMemory: true, apiPort: 0, dynamoPort: 0, sesPort: 0 });
  token = await issueToken(stack.jwtKeys, { group: "secretariat" });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Recipient {
  email: string;
  language: string;
  owner: { iso3?: string };
}
interface Answer {
  id: string;
  status: string;
  counts: Record<string, number>;
  recipients: Recipient[];
  skipped: { owner: { iso3?: string }; reason: string }[];
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, etag: response.headers.get("etag"), body: (await response.json()) as Answer };
}

const variant = (subject: string) => ({
  subject: `${subject}: {{state.name}}`,
  text: "Dear {{contact.name}}, the Committee requests the first national report by {{deadline}}.",
  html: "<p>Dear {{contact.name}}, the Committee requests the first national report by {{deadline}}.</p>",
});

describe("the first-report wave", () => {
  it("reaches the contacts of exactly the eight non-reporting States, each in its language, once", async () => {
    const marker = `E2E-${Date.now()}`;
    const template = await call("POST", "/templates", {
      id: "first-report-request-e2e",
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: variant(`${marker} First national report`), fr: variant(`${marker} Premier rapport national`) },
    });
    expect(template.status).toBe(201);
    const wave = await call("POST", "/waves", {
      templateId: "first-report-request-e2e",
      audience: "non-reporting-states",
      sendAt: "2027-03-01T09:00",
      timeZone: "America/New_York",
      notAfter: "2099-03-31T00:00:00Z",
      deadline: "30 April 2027",
    });
    expect(wave.status).toBe(201);
    const id = wave.body.id;

    const audience = await call("GET", `/waves/${id}/audience`);
    const owners = [...audience.body.recipients, ...audience.body.skipped].map((entry) => entry.owner.iso3);
    expect([...new Set(owners)].sort()).toEqual(NON_REPORTING);
    for (const skipped of audience.body.skipped) expect(skipped.reason).toEqual(expect.any(String));

    expect((await call("POST", `/waves/${id}/schedule`, undefined, { "if-match": wave.etag ?? "" })).status).toBe(200);
    const fire = targets["wave-dispatch"];
    if (!fire) throw new Error("no wave-dispatch target");
    await fire({ waveId: id });

    const after = await call("GET", `/waves/${id}`);
    expect(after.body.status).toBe("completed");
    const { recipients } = audience.body;
    expect(after.body.counts).toMatchObject({ sent: recipients.length, skipped: audience.body.skipped.length });

    const store = (await (await fetch(`${stack.sesUrl}/store`)).json()) as {
      emails: { subject: string; destination: { to: string[] } }[];
    };
    const letters = store.emails.filter((email) => email.subject.startsWith(marker));
    expect(letters).toHaveLength(recipients.length);
    for (const recipient of recipients) {
      const received = letters.filter((letter) => letter.destination.to.includes(recipient.email));
      expect(received, recipient.email).toHaveLength(1);
      const french = received[0]?.subject.includes("Premier rapport national");
      expect(french, recipient.email).toBe(recipient.language === "fr");
    }
  });
});
