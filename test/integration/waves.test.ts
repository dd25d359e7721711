// Waves through the HTTP routes against DynamoDB Local: create, preview the audience, schedule, dispatch, counts
// by status from the ledger, cancel, and the refusals (illegal moves, stale If-Match, members, bad send times).
import { Logger } from "@aws-lambda-powertools/logger";
import { QueryCommand } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import { send } from "#shared/correspondence/send.ts";
import { IllegalTransition } from "#shared/errors.ts";
import { createRouter } from "#shared/http/router.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { type WaveScheduler, waveScheduleName } from "#shared/waves/scheduler.ts";
import { completeWaveIfSettled, dispatchWave, type WaveDispatchDependencies } from "#shared/waves/waves.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";
import { stateContactMaker } from "../support/state-contacts.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2027-03-01T09:00:00Z");
const advance = async (ms: number) => clock.advance(ms);
const audit = { actor: systemActor("test") };
const json = { "content-type": "application/json" };

let router: ReturnType<typeof createRouter>;
let deps: WaveDispatchDependencies;
let queue: ReturnType<typeof memoryQueue>;
let auditTrail: (waveId: string) => Promise<string[]>;
let contact: ReturnType<typeof stateContactMaker>;
/** The waves that have a schedule: what the routes' scheduler made and has not deleted. */
const schedules = new Set<string>();
const scheduler: WaveScheduler = {
  schedule: async (wave) => {
    schedules.add(wave.id);
    return waveScheduleName(wave.id);
  },
  scheduleResend: async () => "unused",
  unschedule: async (waveId) => {
    schedules.delete(waveId);
  },
};

async function call(options: EventOptions) {
  const result = (await router.dispatch(apiEvent(options), "test")) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: JSON.parse(result.body || "null"),
  };
}

const wave = {
  templateId: "first-report-request-2027",
  audience: "non-reporting-states",
  sendAt: "2027-03-15T09:00",
  timeZone: "America/New_York",
  notAfter: "2027-03-31T00:00:00Z",
  deadline: "2027-04-30",
};

const create = (body: unknown, group: EventOptions["group"] = "secretariat") =>
  call({ method: "POST", path: "/waves", group, headers: json, body: JSON.stringify(body) });
const move = (id: string, verb: "schedule" | "cancel", etag: string) =>
  call({ method: "POST", path: `/waves/${id}/${verb}`, group: "secretariat", headers: { "if-match": etag } });

beforeAll(async () => {
  const { doc, tableNames } = await freshTables();
  await seedRegistry(doc, tableNames, clock);
  // Demonstration submissions leave the 8 non-reporting States of the published status.
  await seedDemoSubmissions(doc, tableNames, clock);
  const contacts = contactDependencies(doc, tableNames, clock);
  const templates = templateRepository(doc, tableNames, clock);
  const variant = {
    subject: "First national report: {{state.name}}",
    text: "Dear {{contact.name}}, the Committee invites {{state.name}} to report by {{deadline|date}}.",
    html: "<p>Dear {{contact.name}}, {{state.name}}: {{deadline|date}}.</p>",
  };
  await createTemplate({ templates, ...contacts })(
    { id: wave.templateId, kind: "first-report-request", fallbackLanguage: "en", variants: { en: variant } },
    audit,
  );
  contact = stateContactMaker(contacts, audit);
  await contact("TCD", "tcd", "fr");
  await contact("MLI", "mli", "fr");
  await contact("MLI", "mli-bounced", "fr", { role: "mission-poc", emailStatus: "bounced" });
  await contact("SOM", "som", "en");
  queue = memoryQueue({ clock, sleep: advance });
  deps = {
    ...waveDispatchStores(doc, tableNames, clock),
    queue,
  };
  auditTrail = async (waveId) => {
    const result = await doc.send(
      new QueryCommand({
        TableName: tableNames.audit,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": `wave#${waveId}` },
      }),
    );
    return (result.Items ?? []).map((item) => `${item.action}:${item.actor?.id}`);
  };
  const mailer = { sendMail: async () => ({ messageId: "not-in-this-test" }) };
  router = createRouter([...waveRoutes({ ...deps, scheduler, mailer })], new Logger({ logLevel: "SILENT" }));
}, 120_000);

describe("waves against DynamoDB Local", () => {
  let waveId = "";

  it("refuses a members token with 403 and bad waves with 422 at the field, creating nothing", async () => {
    expect((await create(wave, "members")).status).toBe(403);
    const expectField = async (body: unknown, path: string, text: string) => {
      const refused = await create(body);
      expect(refused.status).toBe(422);
      expect(refused.body.errors).toEqual([{ path, message: expect.stringContaining(text) }]);
    };
    await expectField({ ...wave, deadline: undefined }, "body.deadline", "{{deadline}}");
    await expectField({ ...wave, templateId: "no-such-template" }, "body.templateId", "no template");
    await expectField({ ...wave, sendAt: "2027-03-14T02:30" }, "body.sendAt", "does not exist in America/New_York");
    // 09:00 UTC is 04:00 in New York: a draft for 03:00 today could never be scheduled.
    await expectField({ ...wave, sendAt: "2027-03-01T03:00" }, "body.sendAt", "has passed; give a later send time");
    await expectField({ ...wave, notAfter: "2027-03-15T12:59:00Z" }, "body.notAfter", "must be after sendAt");
    await expectField({ ...wave, timeZone: "Mars/Olympus" }, "body.timeZone", "IANA");
    await expectField({ ...wave, audience: "everyone" }, "body.audience", "");
    expect((await call({ path: "/waves", group: "members" })).body.items).toEqual([]);
  });

  it("creates a draft with its send instant and previews the audience without writing anything", async () => {
    const created = await create(wave);
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    // 09:00 in New York the day after the clocks moved: EDT, UTC-4.
    expect(created.body).toMatchObject({ status: "draft", sendInstant: "2027-03-15T13:00:00.000Z" });
    waveId = created.body.id;
    expect(created.headers.location).toBe(`/waves/${waveId}`);

    const preview = await call({ path: `/waves/${waveId}/audience`, group: "secretariat" });
    expect(preview.status).toBe(200);
    // Drafted on 1 March for 15 March: resolved as dispatch will resolve it then.
    expect(preview.body.asOfDay).toBe("2027-03-15");
    expect(preview.body.recipients.map((r: { email: string }) => r.email).sort()).toEqual([
      "mli@states.example",
      "som@states.example",
      "tcd@states.example",
    ]);
    const skipped = preview.body.skipped.map(
      (s: { recipient: string; reason: string }) => `${s.recipient}:${s.reason}`,
    );
    expect(skipped).toHaveLength(6);
    expect(skipped).toContain("owner:STATE:PRK:no-active-contact");
    expect(preview.body.skipped).toContainEqual(
      expect.objectContaining({ email: "mli-bounced@states.example", reason: "bounced" }),
    );
    const read = await call({ path: `/waves/${waveId}`, group: "experts" });
    expect(Object.values(read.body.counts).every((count) => count === 0)).toBe(true);
  });

  it("schedules with If-Match (a stale one is 412), dispatches, and counts the ledger by status", async () => {
    expect((await move(waveId, "schedule", '"7"')).status).toBe(412);
    expect((await call({ method: "POST", path: `/waves/${waveId}/schedule`, group: "secretariat" })).status).toBe(428);
    const scheduled = await move(waveId, "schedule", '"1"');
    expect(scheduled).toMatchObject({
      status: 200,
      body: { status: "scheduled", scheduleName: `wave-${waveId}` },
      headers: { etag: '"2"' },
    });
    expect(schedules.has(waveId)).toBe(true);

    clock.set("2027-03-15T13:00:00Z");
    const { wave: dispatching, summary } = await dispatchWave(deps)(waveId);
    expect(dispatching).toMatchObject({ version: 3, value: { status: "dispatching" } });
    expect(summary).toMatchObject({ recipients: 3, skipped: 6, enqueued: 3, failed: 0 });
    // A retried dispatch of a dispatching wave writes nothing more.
    expect((await dispatchWave(deps)(waveId)).summary).toMatchObject({ written: 0 });

    const read = await call({ path: `/waves/${waveId}`, group: "members" });
    expect(read.headers.etag).toBe('"3"');
    expect(read.body).toMatchObject({ status: "dispatching", counts: { queued: 3, skipped: 6, sent: 0 } });

    // Letters still queued keep the wave dispatching.
    expect(await completeWaveIfSettled(deps)(waveId)).toMatchObject({ version: 3, value: { status: "dispatching" } });
    let sent = 0;
    const consumer = send({
      ledger: deps.ledger,
      mailer: { sendMail: async () => ({ messageId: `ses-${++sent}` }) },
      pacer: tokenBucket({ maxPerSecond: 14, clock, sleep: advance }),
      clock,
    });
    await queue.drain(consumer);
    expect(sent).toBe(3);
    const after = await call({ path: `/waves/${waveId}`, group: "members" });
    expect(after.body.counts).toMatchObject({ queued: 0, sending: 0, sent: 3, skipped: 6 });
    // Every move is audited with who made it; the refused stale schedule left no entry. (Sorted: the fixed clock
    // gives create and schedule the same time.)
    expect((await auditTrail(waveId)).sort()).toEqual([
      "wave.create:user-1",
      "wave.dispatch:wave-dispatch",
      "wave.schedule:user-1",
    ]);
  });

  it("completes the wave once nothing is queued or sending, once, when two senders finish it together", async () => {
    const both = await Promise.all([completeWaveIfSettled(deps)(waveId), completeWaveIfSettled(deps)(waveId)]);
    for (const wave of both) expect(wave).toMatchObject({ version: 4, value: { status: "completed" } });
    expect((await auditTrail(waveId)).filter((entry) => entry.startsWith("wave.complete"))).toHaveLength(1);
    const read = await call({ path: `/waves/${waveId}`, group: "members" });
    expect(read).toMatchObject({ headers: { etag: '"4"' }, body: { status: "completed" } });
  });

  it("lists the wave's messages through the status index, a page at a time", async () => {
    const first = await call({ path: `/waves/${waveId}/messages`, query: "status=skipped&limit=4", group: "members" });
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(4);
    expect(first.body.items.every((m: { status: string }) => m.status === "skipped")).toBe(true);
    const rest = await call({
      path: `/waves/${waveId}/messages`,
      query: `status=skipped&limit=4&cursor=${first.body.cursor}`,
      group: "members",
    });
    expect(rest.body.items).toHaveLength(2);
    const all = await call({ path: `/waves/${waveId}/messages`, group: "members" });
    expect(all.body.items).toHaveLength(9);
    const wrongCursor = await call({
      path: `/waves/${waveId}/messages`,
      query: `status=sent&cursor=${first.body.cursor}`,
      group: "members",
    });
    expect(wrongCursor.status).toBe(400);
    expect((await call({ path: `/waves/${waveId}/messages`, query: "status=lost", group: "members" })).status).toBe(
      400,
    );
  });

  it("refuses to cancel a dispatching or completed wave with 409 naming the legal moves and why, in words", async () => {
    clock.set("2027-03-01T09:00:00Z");
    const id = (await create(wave)).body.id;
    await move(id, "schedule", '"1"');
    clock.set("2027-03-15T13:00:00Z");
    await dispatchWave(deps)(id);
    const refused = await move(id, "cancel", '"3"');
    expect(refused.status).toBe(409);
    expect(refused.body.allowed).toEqual(["completed", "halted"]);
    expect(refused.body.detail).toMatch(/cannot be cancelled: it is sending, so it can no longer be cancelled/);
    const completed = await move(waveId, "cancel", '"4"');
    expect(completed).toMatchObject({ status: 409, body: { allowed: [] } });
  });

  it("cancels a scheduled wave, after which its schedule firing dispatches nothing", async () => {
    clock.set("2027-03-01T09:00:00Z");
    const created = await create(wave);
    const id = created.body.id;
    await move(id, "schedule", '"1"');
    expect(schedules.has(id)).toBe(true);
    const cancelled = await move(id, "cancel", '"2"');
    expect(cancelled).toMatchObject({ status: 200, body: { status: "cancelled" }, headers: { etag: '"3"' } });
    expect(schedules.has(id)).toBe(false);
    // Even at its send time (a schedule that outlived the cancel), the cancelled wave sends nothing.
    clock.set("2027-03-15T13:00:00Z");
    await expect(dispatchWave(deps)(id)).rejects.toBeInstanceOf(IllegalTransition);
    const read = await call({ path: `/waves/${id}`, group: "members" });
    expect(read.body).toMatchObject({ status: "cancelled", counts: { queued: 0, skipped: 0 } });
    expect((await move(id, "schedule", '"3"')).body.allowed).toEqual([]);
  });

  it("refuses to schedule a wave whose notAfter has passed", async () => {
    clock.set("2027-03-01T09:00:00Z");
    const created = await create(wave);
    clock.set("2027-04-01T00:00:00Z");
    const refused = await move(created.body.id, "schedule", '"1"');
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain("no-letter-after limit");
  });

  it("lists every wave and answers 404 for an unknown one", async () => {
    const list = await call({ path: "/waves", group: "members" });
    expect(list.body.items).toHaveLength(4);
    expect((await call({ path: "/waves/NOPE", group: "members" })).status).toBe(404);
    expect((await call({ path: "/waves/bad id!", group: "members" })).status).toBe(400);
  });

  it("previews a point of contact going stale before the send day as not current; as of today once it has passed", async () => {
    clock.set("2027-03-01T09:00:00Z");
    // Verified on 10 March 2026: current on 1 March 2027, stale from 10 March 2027 on.
    await contact("AUT", "aut", "en", { designatedOn: "2026-03-10", lastVerifiedOn: "2026-03-10" });
    const previewOf = async (sendAt: string) => {
      // Drafted while its send time was ahead (a past one is refused), previewed on 1 March.
      clock.set(`${sendAt.slice(0, 10)}T00:00:00Z`);
      const created = await create({ ...wave, audience: "states-without-current-poc", sendAt });
      clock.set("2027-03-01T09:00:00Z");
      const preview = await call({ path: `/waves/${created.body.id}/audience`, group: "secretariat" });
      expect(preview.status).toBe(200);
      const emails = preview.body.recipients.map((r: { email: string }) => r.email);
      return { asOfDay: preview.body.asOfDay, reachesAustria: emails.includes("aut@states.example") };
    };
    expect(await previewOf("2027-03-15T09:00")).toEqual({ asOfDay: "2027-03-15", reachesAustria: true });
    expect(await previewOf("2027-02-20T09:00")).toEqual({ asOfDay: "2027-03-01", reachesAustria: false });
  });
});
