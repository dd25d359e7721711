// The March first-report wave, end to end on the local stack: template and wave over HTTP, the wave's one-time
// schedule fired by the local scheduler at its send time, letters counted in the SES emulator; then the programme's
// own first-report letter, fired as its schedule would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "#shared/clock.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { programmeYearOf } from "#shared/programme/calendar.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { wallClock } from "#shared/waves/programme-waves.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { issueToken } from "../../infra/local/jwt.ts";
import type { LocalStack } from "../../infra/local/stack.ts";
import { apiCaller } from "../support/api-call.ts";
import { startE2eStack } from "../support/e2e-stack.ts";

const NON_REPORTING = ["GIN", "GMB", "MLI", "MRT", "PRK", "SOM", "SWZ", "TCD"];
let stack: LocalStack;
let token: string;

beforeAll(async () => {
  stack = await startE2eStack();
  token = await issueToken(stack.jwtKeys, { group: "secretariat" });
});

afterAll(() => stack?.stop());

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

const call = apiCaller<Answer>(
  () => stack.apiUrl,
  () => token,
);

const variant = (subject: string) => ({
  subject: `${subject}: {{state.name}}`,
  text: "Dear {{contact.name}}, the Committee requests the first national report by {{deadline|date}}.",
  html: "<p>Dear {{contact.name}}, the Committee requests the first national report by {{deadline|date}}.</p>",
});

async function lettersWith(prefix: string) {
  const store = (await (await fetch(`${stack.sesUrl}/store`)).json()) as {
    emails: { subject: string; replyTo?: string | string[]; destination: { to: string[] } }[];
  };
  return store.emails.filter((email) => email.subject.startsWith(prefix));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wave the first case sends, whose letters the SES report case reads. */
let firstWave = "";

describe("the first-report wave", () => {
  it("reaches the contacts of exactly the eight non-reporting States, each in its language, once", {
    timeout: 180_000,
  }, async () => {
    // The next whole minute at least 5 s away: dispatch refuses to run before a wave's send time.
    const zone = "America/New_York";
    const sendInstant = new Date(Math.ceil((Date.now() + 5_000) / 60_000) * 60_000);
    const local = wallClock(sendInstant, zone);
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
      sendAt: `${local.date}T${local.time}`,
      timeZone: zone,
      notAfter: "2099-03-31T00:00:00Z",
      deadline: "2027-04-30",
    });
    expect(wave.status).toBe(201);
    const id = wave.body.id;
    firstWave = id;

    const audience = await call("GET", `/waves/${id}/audience`);
    const owners = [...audience.body.recipients, ...audience.body.skipped].map((entry) => entry.owner.iso3);
    expect([...new Set(owners)].sort()).toEqual(NON_REPORTING);
    for (const skipped of audience.body.skipped) expect(skipped.reason).toEqual(expect.any(String));

    expect((await call("POST", `/waves/${id}/schedule`, undefined, { "if-match": wave.etag })).status).toBe(200);
    // The local scheduler fires the wave's at() schedule at its send time: dispatch, then send through the queue.
    let after = await call("GET", `/waves/${id}`);
    while (after.body.status !== "completed" && Date.now() < sendInstant.getTime() + 60_000) {
      await sleep(1_000);
      after = await call("GET", `/waves/${id}`);
    }
    expect(after.body.status).toBe("completed");
    const { recipients } = audience.body;
    expect(after.body.counts).toMatchObject({ sent: recipients.length, skipped: audience.body.skipped.length });

    const letters = await lettersWith(marker);
    expect(letters).toHaveLength(recipients.length);
    for (const recipient of recipients) {
      const received = letters.filter((letter) => letter.destination.to.includes(recipient.email));
      expect(received, recipient.email).toHaveLength(1);
      const french = received[0]?.subject.includes("Premier rapport national");
      expect(french, recipient.email).toBe(recipient.language === "fr");
    }
  });

  it("takes SES's report on a letter, fired by hand as the emulator never sends one: a bounce marks it and its address", async () => {
    const fire = stack.targets["ses-events"];
    if (!fire) throw new Error("no ses-events target");
    const letters = (await call("GET", `/waves/${firstWave}/messages?limit=100`)).body as unknown as {
      items: { recipient: string; status: string; contactId?: string }[];
    };
    const sent = letters.items.filter((letter) => letter.status === "sent" && letter.contactId);
    const [bounced, delivered] = sent;
    if (!bounced?.contactId || !delivered) throw new Error("the first wave sent fewer than two letters to contacts");

    await fire({ waveId: firstWave, recipient: bounced.recipient, outcome: "bounce" });
    await fire({ waveId: firstWave, recipient: delivered.recipient, outcome: "delivery" });
    const after = (await call("GET", `/waves/${firstWave}/messages?limit=100`)).body as unknown as typeof letters;
    const statusOf = (recipient: string) => after.items.find((letter) => letter.recipient === recipient)?.status;
    expect(statusOf(bounced.recipient)).toBe("bounced");
    expect(statusOf(delivered.recipient)).toBe("delivered");
    const contact = (await call("GET", `/contacts/${bounced.contactId}`)).body as unknown as Record<string, unknown>;
    expect(contact).toMatchObject({ emailStatus: "bounced", emailStatusOn: expect.any(String) });
    // A letter SES never accepted has nothing to report, and says so.
    await expect(fire({ waveId: firstWave, recipient: "nobody", outcome: "bounce" })).rejects.toThrow(
      `Wave ${firstWave} has no letter to nobody`,
    );
  });

  it("goes out again as the programme's own March letter, fired by its schedule, once a year", async () => {
    const doc = createDocumentClient(createDynamoClient({ region: "us-east-1", endpoint: stack.dynamoEndpoint }));
    await seedProgrammeTemplates({
      templates: templateRepository(doc, stack.tableNames, systemClock),
      waves: waveRepository(doc, stack.tableNames, systemClock),
      clock: systemClock,
    });
    const fire = stack.targets["wave-dispatch"];
    if (!fire) throw new Error("no wave-dispatch target");
    const input = {
      programmeWave: {
        key: "first-report-request",
        templateId: "programme-first-report-request",
        audience: "non-reporting-states",
        notAfterHours: 72,
        deadlineDays: 90,
      },
    };
    const result = (await fire(input)) as { waveId: string; status: string; counts: Record<string, number> };
    // The programme year it is sent in (February to January).
    expect(result.waveId).toBe(
      `first-report-request-${programmeYearOf(wallClock(new Date(), "America/New_York").date)}`,
    );
    expect(result.status).toBe("completed");
    const audience = await call("GET", `/waves/${result.waveId}/audience`);
    const { recipients } = audience.body;
    expect(result.counts.sent).toBe(recipients.length);
    // Each recipient's letter in its own language: all six have a variant, so none falls back to English.
    const subjects: Record<string, string> = {
      ar: "القرار 1540 (2004): التقرير الوطني الأول",
      zh: "第1540(2004)号决议：首次国家报告",
      en: "Resolution 1540 (2004): first national report",
      fr: "Résolution 1540 (2004) : premier rapport national",
      ru: "Резолюция 1540 (2004): первоначальный национальный доклад",
      es: "Resolución 1540 (2004): primer informe nacional",
    };
    const programmeLetters = async () => (await Promise.all(Object.values(subjects).map(lettersWith))).flat();
    const sent = await programmeLetters();
    for (const recipient of recipients) {
      const [letter, ...more] = sent.filter((mail) => mail.destination.to.includes(recipient.email));
      expect(more, recipient.email).toEqual([]);
      expect(letter?.subject.startsWith(subjects[recipient.language] ?? ""), recipient.email).toBe(true);
      expect([letter?.replyTo].flat(), recipient.email).toEqual(["1540-secretariat@desk.local"]);
    }
    // A second firing in the same year finds the wave completed and sends nothing more.
    await fire(input);
    const again = await programmeLetters();
    expect(again).toHaveLength(recipients.length);
  });
});
