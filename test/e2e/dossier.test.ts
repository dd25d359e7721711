// A State's story read back from its timeline, end to end on the local stack: a first report recorded, a wave sent
// by its schedule, a contact designated, each over HTTP; then GET /states/{iso3}/timeline lists them newest first, by
// the day each happened.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wallClock } from "#shared/waves/programme-waves.ts";
import { deskDay } from "#shared/zoned-time.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import type { LocalStack } from "../../infra/local/stack.ts";
import { apiCaller } from "../support/api-call.ts";
import { startE2eStack } from "../support/e2e-stack.ts";

const ISO3 = "MLI";
let stack: LocalStack;
let token: string;

beforeAll(async () => {
  stack = await startE2eStack();
  token = await issueToken(stack.jwtKeys, { group: "secretariat" });
});

afterAll(() => stack?.stop());

interface Entry {
  on: string;
  at: string;
  kind: string;
  action: string;
  source: { type: string; id: string };
  actor: { kind: string; id: string };
}

const call = apiCaller<{ id: string; status: string; items: Entry[] }>(
  () => stack.apiUrl,
  () => token,
);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a State's timeline", () => {
  it("reads back a first report, a wave's letter and a contact change, newest first", {
    timeout: 240_000,
  }, async () => {
    // The desk's day is New York's: from midnight UTC until New York's, UTC's date would be a future receipt (422).
    const today = deskDay(new Date());
    const report = await call("POST", `/states/${ISO3}/submissions`, {
      kind: "first-report",
      receivedOn: today,
      symbol: `S/AC.44/${today.slice(0, 4)}/E2E/${Date.now()}`,
      language: "fr",
    });
    expect(report.status).toBe(201);

    const marker = `E2E-DOSSIER-${Date.now()}`;
    const variant = {
      subject: `${marker} {{state.name}}`,
      text: "Dear {{contact.name}}, thank you for the first national report.",
      html: "<p>Dear {{contact.name}}, thank you for the first national report.</p>",
    };
    const template = await call("POST", "/templates", {
      id: "dossier-e2e",
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: { en: variant, fr: variant },
    });
    expect(template.status).toBe(201);
    const zone = "America/New_York";
    const sendInstant = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
    const local = wallClock(sendInstant, zone);
    const wave = await call("POST", "/waves", {
      templateId: "dossier-e2e",
      audience: "reporting-states",
      sendAt: `${local.date}T${local.time}`,
      timeZone: zone,
      notAfter: "2099-03-31T00:00:00Z",
      deadline: "2099-04-30",
    });
    expect(wave.status).toBe(201);
    expect((await call("POST", `/waves/${wave.body.id}/schedule`, undefined, { "if-match": wave.etag })).status).toBe(
      200,
    );
    let sent = await call("GET", `/waves/${wave.body.id}`);
    while (sent.body.status !== "completed" && Date.now() < sendInstant.getTime() + 120_000) {
      await sleep(1_000);
      sent = await call("GET", `/waves/${wave.body.id}`);
    }
    expect(sent.body.status).toBe("completed");

    const contact = await call("POST", "/contacts", {
      owner: `STATE:${ISO3}`,
      role: "mission-poc",
      name: "Fatoumata Example",
      email: `mission.${Date.now()}@example.org`,
    });
    expect(contact.status).toBe(201);

    const timeline = await call(
      "GET",
      `/states/${ISO3}/timeline?kinds=submission,reporting-status,letter,contact&limit=100`,
    );
    expect(timeline.status).toBe(200);
    const entries: Entry[] = timeline.body.items;
    // By the day each event happened, then by when it was recorded (ADR 0063).
    const order = entries.map((entry) => `${entry.on}#${entry.at}`);
    expect([...order].sort().reverse()).toEqual(order);
    const position = (predicate: (entry: Entry) => boolean) => entries.findIndex(predicate);
    const created = position((entry) => entry.action === "contact.create" && entry.source.id === contact.body.id);
    const letter = position((entry) => entry.kind === "letter" && entry.source.id.startsWith(`${wave.body.id}/`));
    const recorded = position((entry) => entry.action === "submission.record" && entry.source.id === report.body.id);
    const reported = position((entry) => entry.action === "state.reporting-status");
    expect(created).toBeGreaterThanOrEqual(0);
    expect(letter).toBeGreaterThan(created);
    expect(recorded).toBeGreaterThan(letter);
    expect(reported).toBeGreaterThan(letter);
    expect(entries[letter]?.action).toMatch(/^letter\.(sent|delivered|skipped)$/);
    expect(entries[recorded]?.actor.kind).toBe("user");
  });
});
