// The template freeze race on DynamoDB Local (ADR 0015): a wave is scheduled, then its template's letter is changed
// straight in the store, past the PATCH refusal, as a PATCH that read the status index before the schedule reached it
// would. Dispatch at the send time halts the wave, audited, with an empty ledger and nothing enqueued; its retry
// sends nothing either.
import { beforeAll, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import type { MessageKey } from "#shared/correspondence/schemas.ts";
import { IllegalTransition } from "#shared/errors.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { createTemplate } from "#shared/templates/templates.ts";
import { waveScheduleName } from "#shared/waves/scheduler.ts";
import { createWave, dispatchWave, scheduleWave, type WaveDispatchDependencies } from "#shared/waves/waves.ts";
import { dynamoAuditActions } from "../support/audit-actions.ts";
import { refusal } from "../support/fixtures.ts";
import { stateContactMaker } from "../support/state-contacts.ts";
import { freshTables } from "./fresh-tables.ts";

const clock = fixedClock("2027-03-01T09:00:00Z");
const audit = { actor: systemActor("test") };
const TEMPLATE_ID = "first-report-request-2027";
const variant = {
  subject: "First national report: {{state.name}}",
  text: "Dear {{contact.name}}, the Committee invites {{state.name}} to report.",
  html: "<p>Dear {{contact.name}}, {{state.name}} is invited to report.</p>",
};

let deps: WaveDispatchDependencies;
const enqueued: MessageKey[][] = [];
let auditTrail: ReturnType<typeof dynamoAuditActions>;

beforeAll(async () => {
  const { doc, tableNames } = await freshTables();
  await seedRegistry(doc, tableNames, clock);
  // Demonstration submissions leave the 8 non-reporting States of the published status.
  await seedDemoSubmissions(doc, tableNames, clock);
  const contacts = contactDependencies(doc, tableNames, clock);
  deps = {
    ...waveDispatchStores(doc, tableNames, clock),
    queue: { sendBatch: async (keys) => void enqueued.push([...keys]) },
  };
  await createTemplate(deps)(
    { id: TEMPLATE_ID, kind: "first-report-request", fallbackLanguage: "en", variants: { en: variant } },
    audit,
  );
  await stateContactMaker(contacts, audit)("TCD", "tcd-pin", "fr");
  auditTrail = dynamoAuditActions(doc, tableNames);
}, 120_000);

describe("a template changed after its wave was scheduled, past the PATCH refusal", () => {
  it("halts the wave at dispatch with nothing in the ledger or on the queue, and its retry sends nothing", async () => {
    const scheduler = {
      schedule: async ({ id }: { id: string }) => waveScheduleName(id),
      scheduleResend: async () => "unused",
      unschedule: async () => undefined,
    };
    const draft = await createWave(deps)(
      {
        templateId: TEMPLATE_ID,
        audience: "non-reporting-states",
        sendAt: "2027-03-15T09:00",
        timeZone: "America/New_York",
        notAfter: "2027-03-31T00:00:00Z",
      },
      audit,
    );
    const waveId = draft.value.id;
    const scheduled = await scheduleWave({ ...deps, scheduler })(waveId, 1, audit);
    expect(scheduled.value.letterDigest).toMatch(/^[0-9a-f]{64}$/);

    // The race: the template's write does not go through the refusal, which would have named the wave.
    const template = await deps.templates.get(TEMPLATE_ID);
    if (!template) throw new Error("created in beforeAll");
    const changed = { ...template.value, variants: { en: { ...variant, subject: "Reminder: {{state.name}}" } } };
    await deps.templates.update(template, template.version, changed, audit);

    clock.set("2027-03-15T13:00:00Z");
    const { wave, summary } = await dispatchWave(deps)(waveId);
    expect(wave.value.status).toBe("halted");
    expect(wave.value.haltReason).toContain(`Template ${TEMPLATE_ID}'s letters changed after wave ${waveId}`);
    expect(summary).toMatchObject({ written: 0, enqueued: 0 });
    expect((await deps.waves.get(waveId))?.value).toMatchObject({
      status: "halted",
      haltReason: wave.value.haltReason,
    });
    expect(await deps.ledger.messagesOf(waveId)).toEqual([]);
    expect(enqueued).toEqual([]);
    expect(await auditTrail({ type: "wave", id: waveId })).toEqual([
      "wave.create",
      "wave.dispatch",
      "wave.halt",
      "wave.schedule",
    ]);

    expect(await refusal(dispatchWave(deps)(waveId))).toBeInstanceOf(IllegalTransition);
    expect(await deps.ledger.messagesOf(waveId)).toEqual([]);
    expect(enqueued).toEqual([]);
  });
});
