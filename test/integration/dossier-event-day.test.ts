// A State's timeline by the day each event happened (ADR 0063) against DynamoDB Local: a request received a year ago
// and moved on the days given, typed in today, stands on those days, not among today's work; pages and periods follow
// that order; an entry written before the timeline's key reaches its place through `npm run migrate`'s backfill.
import { Logger } from "@aws-lambda-powertools/logger";
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { auditKeys } from "#shared/audit/audit-entry.ts";
import { trailKinds } from "#shared/audit/subject.ts";
import { fixedClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { backfillIndexKeys } from "#shared/dossier/backfill.ts";
import { encodeCursor } from "#shared/dynamo/pagination.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, type EventOptions, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

// 09:10 in New York on 7 December 2026.
const clock = fixedClock("2026-12-07T14:10:00Z");
let setup: Awaited<ReturnType<typeof freshTables>>;
let handler: ReturnType<typeof createApiHandler>;

async function call(options: EventOptions) {
  const result = (await handler(apiEvent(options), lambdaContext)) as APIGatewayProxyStructuredResultV2;
  const headers = (result.headers ?? {}) as Record<string, string>;
  return { status: result.statusCode, headers, body: JSON.parse(result.body || "null") };
}

/** A write a minute after the last, as an officer types them in. */
async function write(path: string, body: unknown, ifMatch?: string) {
  clock.advance(60_000);
  const response = await call({
    method: "POST",
    path,
    group: "secretariat",
    headers: { "content-type": "application/json", ...(ifMatch ? { "if-match": ifMatch } : {}) },
    body: JSON.stringify(body),
  });
  expect(response.status).toBeLessThan(300);
  return response;
}

interface Entry {
  on: string;
  at: string;
  action: string;
  after?: Record<string, unknown>;
}

const summary = (entry: Entry) => `${entry.on} ${entry.action}${entry.after?.status ? ` ${entry.after.status}` : ""}`;

/** The entries in words, those of one write (one instant, ordered among themselves by id) in alphabetical order. */
function lines(entries: Entry[]): string[] {
  const writes = new Map<string, string[]>();
  for (const entry of entries) writes.set(entry.at, [...(writes.get(entry.at) ?? []), summary(entry)]);
  return [...writes.values()].flatMap((write) => write.sort());
}

async function everyPage(query: string, limit: number): Promise<Entry[]> {
  const entries: Entry[] = [];
  let cursor = "";
  let pages = 0;
  do {
    const response = await call({
      path: "/states/GMB/timeline",
      query: `${query}&limit=${limit}${cursor}`,
      group: "experts",
    });
    expect(response.status).toBe(200);
    entries.push(...response.body.items);
    cursor = response.body.cursor ? `&cursor=${encodeURIComponent(response.body.cursor)}` : "";
    pages++;
  } while (cursor && pages < 100);
  return entries;
}

beforeAll(async () => {
  setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, fixedClock("2026-01-05T09:00:00Z"));
  handler = createApiHandler({ ...setup, clock, logger: new Logger({ logLevel: "SILENT" }) });

  const request = await write("/assistance/requests", {
    iso3: "GMB",
    areas: ["legislation"],
    description: "Export control legislation",
    receivedOn: "2025-11-20",
    symbol: "S/AC.44/2025/31",
    consentedToCirculation: false,
  });
  let etag = String(request.headers.etag);
  for (const [to, on] of [
    ["acknowledged", "2025-11-25"],
    ["consent-window", "2025-11-26"],
    ["circulated", "2025-12-03"],
  ]) {
    const moved = await write(`/assistance/requests/${request.body.id}/transitions`, { to, on }, etag);
    etag = String(moved.headers.etag);
  }
  await write("/states/GMB/submissions", {
    kind: "first-report",
    receivedOn: "2026-11-30",
    symbol: "S/AC.44/2026/7",
    language: "en",
  });
  const contact = await write("/contacts", {
    owner: "STATE:GMB",
    role: "capital-poc",
    name: "Awa Example",
    email: "poc@mofa.example.gm",
  });
  // Queued at 22:30 in New York on 7 December, 03:30 UTC on the 8th: a letter of the desk's 7 December.
  const queued = "2026-12-08T03:30:00.000Z";
  await ledgerRepository(setup.doc, setup.tableNames, clock).putNew({
    waveId: "WAVE1",
    recipient: contact.body.id,
    contactId: contact.body.id,
    owner: "STATE:GMB",
    email: "poc@mofa.example.gm",
    status: "sent",
    notAfter: "2026-12-31T00:00:00.000Z",
    claims: 1,
    sentAt: queued,
    letter: { language: "en", fellBack: false, subject: "Reminder", text: "Excellency", html: "<p/>" },
    createdAt: queued,
    updatedAt: queued,
  });
});

describe("a State's timeline, by the day each event happened", () => {
  it("puts a back-dated request on its own days and a report on the day it was received, each with when it was typed", async () => {
    const entries = await everyPage("", 50);
    expect(lines(entries)).toEqual([
      "2026-12-07 letter.sent sent",
      // A contact and the point-of-contact obligation it fulfils: one write, on the day it was typed.
      "2026-12-07 contact.create",
      "2026-12-07 obligation.point-of-contact fulfilled",
      // The report and the State's status it changes: one write, on the day the report was received.
      "2026-11-30 state.reporting-status",
      "2026-11-30 submission.record",
      // The registry's seed, in January.
      "2026-01-05 registry.seed",
      "2025-12-03 assistance.request.transition circulated",
      "2025-11-26 assistance.request.transition consent-window",
      "2025-11-25 assistance.request.transition acknowledged",
      "2025-11-20 assistance.request.create received",
    ]);
    const circulated = entries.find((entry) => entry.after?.status === "circulated");
    // Typed in today, a year after it happened.
    expect(circulated?.at.slice(0, 10)).toBe("2026-12-07");
    const report = entries.find((entry) => entry.action === "submission.record");
    expect(report).toMatchObject({ on: "2026-11-30", after: { kind: "first-report", symbol: "S/AC.44/2026/7" } });
  });

  it("pages through the same entries in the same order, whatever the page size", async () => {
    const whole = await everyPage("", 50);
    for (const limit of [1, 2, 3]) expect(await everyPage("", limit)).toEqual(whole);
    const contactsAndRequests = await everyPage("kinds=assistance,contact", 50);
    for (const limit of [1, 2]) expect(await everyPage("kinds=assistance,contact", limit)).toEqual(contactsAndRequests);
    expect(contactsAndRequests.map((entry) => entry.on)).toEqual([
      "2026-12-07",
      "2025-12-03",
      "2025-11-26",
      "2025-11-25",
      "2025-11-20",
    ]);
  });

  it("keeps to the days the events happened on, the desk's days, letters included", async () => {
    expect((await everyPage("from=2025-11-21&to=2025-11-30", 2)).map(summary)).toEqual([
      "2025-11-26 assistance.request.transition consent-window",
      "2025-11-25 assistance.request.transition acknowledged",
    ]);
    // Today's own work only: not the moves typed in today about last year.
    expect(lines(await everyPage("from=2026-12-07&to=2026-12-07", 50))).toEqual([
      "2026-12-07 letter.sent sent",
      "2026-12-07 contact.create",
      "2026-12-07 obligation.point-of-contact fulfilled",
    ]);
    // The letter queued at 03:30 UTC on the 8th belongs to New York's 7th, not to the 8th.
    expect(await everyPage("from=2026-12-08", 50)).toEqual([]);
  });

  it("refuses a cursor issued when the timeline was in the order entries were recorded, rather than misread it", async () => {
    const kinds = [...trailKinds].sort().join(",");
    const old = encodeCursor(
      { "audit.pk": "state#GMB", "audit.sk": "2026-12-07T14:11:00.000Z#01X", "audit.iso3": "GMB", letters: "done" },
      `timeline:GMB:::${kinds}`,
    );
    const answer = await call({ path: "/states/GMB/timeline", query: `cursor=${old}`, group: "experts" });
    expect(answer.status).toBe(400);
  });
});

describe("an entry written before the timeline's key (npm run migrate)", () => {
  it("is off the timeline until the backfill gives it its place by its day, and a second run changes nothing", async () => {
    const entry = {
      id: "01OLDREPORT",
      at: "2026-06-01T12:00:00.000Z",
      actor: { kind: "user" as const, id: "officer-1", username: "officer", groups: ["secretariat" as const] },
      action: "submission.record",
      entity: { type: "state", id: "GMB" },
      after: { id: "S-OLD", kind: "additional-information", receivedOn: "2024-05-02", symbol: "S/AC.44/2024/3" },
    };
    const { timelineKey: _timelineKey, ...keysBefore } = auditKeys(entry);
    await setup.doc.send(new PutCommand({ TableName: setup.tableNames.audit, Item: { ...keysBefore, ...entry } }));
    expect((await everyPage("", 50)).some((item) => item.at === entry.at)).toBe(false);

    const first = await backfillIndexKeys(setup);
    expect(first.audit.updated).toBe(1);
    const entries = await everyPage("", 2);
    // Recorded in June 2026, it happened in May 2024: the oldest entry of the State's timeline.
    expect(entries.at(-1)).toMatchObject({ on: "2024-05-02", at: entry.at, action: "submission.record" });

    const second = await backfillIndexKeys(setup);
    expect(second.audit.updated).toBe(0);
  });
});
