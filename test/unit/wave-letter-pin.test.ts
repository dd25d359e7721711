// A scheduled wave keeps the digest of the letter it was checked with (ADR 0015): when the template says something
// else by the time it is dispatched (a PATCH that raced the schedule past the template-side refusal), dispatch halts
// the wave with nothing written or enqueued, a retry sends nothing either, and a test copy is refused. On the
// in-memory stores, no database.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { MessageKey } from "#shared/correspondence/schemas.ts";
import { Conflict, IllegalTransition } from "#shared/errors.ts";
import type { MailMessage } from "#shared/mail/ses.ts";
import { letterDigest } from "#shared/templates/rules.ts";
import type { Template } from "#shared/templates/schemas.ts";
import { fireProgrammeWave } from "#shared/waves/programme-waves.ts";
import { resumeWave } from "#shared/waves/sweep.ts";
import { createWave, dispatchWave, scheduleWave, sendTestLetter } from "#shared/waves/waves.ts";
import { aMemberState, refusal } from "../support/fixtures.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { stateContactMaker } from "../support/state-contacts.ts";

const audit = { actor: systemActor("test") };
const AT = "2027-03-01T09:00:00.000Z";
const SEND_INSTANT = "2027-03-15T13:00:00.000Z";
const TEMPLATE_ID = "first-report-request-2027";

const template: Template = {
  id: TEMPLATE_ID,
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: {
    en: {
      subject: "The first national report",
      text: "Dear {{contact.name}}, please report.",
      html: "<p>Dear {{contact.name}}, please report.</p>",
    },
  },
  createdAt: AT,
  updatedAt: AT,
};

const newWave = {
  templateId: TEMPLATE_ID,
  audience: "non-reporting-states",
  sendAt: "2027-03-15T09:00",
  timeZone: "America/New_York",
  notAfter: "2027-03-20T00:00:00Z",
} as const;

function stores() {
  const clock = fixedClock(AT);
  const trail = inMemoryAudit(clock);
  const waves = inMemoryWaves(clock, trail);
  const templates = inMemoryTemplates(clock, trail);
  const batches: MessageKey[][] = [];
  const mailed: MailMessage[] = [];
  return {
    clock,
    waves,
    templates,
    registry: inMemoryRegistry(clock, trail),
    organizations: inMemoryOrganizations(clock, trail),
    contacts: inMemoryContacts(clock, trail),
    assistance: inMemoryAssistance(clock, trail),
    ledger: inMemoryLedger(clock, trail),
    queue: { sendBatch: async (keys: readonly MessageKey[]) => void batches.push([...keys]) },
    scheduler: {
      schedule: async ({ id }: { id: string }) => `wave-${id}`,
      scheduleResend: async () => "unused",
      unschedule: async () => undefined,
    },
    mailer: {
      sendMail: async (mail: MailMessage) => {
        mailed.push(mail);
        return { messageId: `ses-${mailed.length}` };
      },
    },
    batches,
    mailed,
  };
}

let deps: ReturnType<typeof stores>;

beforeEach(async () => {
  deps = stores();
  await deps.registry.addMissingStates([aMemberState("TCD")], () => [], audit);
  deps.contacts.givenPocObligation("TCD");
  await stateContactMaker(deps, audit)("TCD", "tcd", "en");
  await deps.templates.create(template, audit);
});

/** A wave created and scheduled as staff do, its template's letter then changed straight in the store, as the race does. */
async function scheduledThenChanged(change: Partial<Template>): Promise<string> {
  const { value } = await createWave(deps)(newWave, audit);
  await scheduleWave(deps)(value.id, 1, audit);
  const current = await deps.templates.get(TEMPLATE_ID);
  if (!current) throw new Error("created in beforeEach");
  await deps.templates.update(current, current.version, { ...current.value, ...change }, audit);
  return value.id;
}

const changedSubject: Partial<Template> = {
  variants: { en: { ...(template.variants.en as NonNullable<Template["variants"]["en"]>), subject: "Changed" } },
};

describe("dispatch of a wave whose template's letters changed after it was scheduled", () => {
  it("halts the wave, audited, naming the template and what to do, with nothing written or enqueued", async () => {
    const id = await scheduledThenChanged(changedSubject);
    deps.clock.set(SEND_INSTANT);
    const { wave, summary } = await dispatchWave(deps)(id);
    expect(wave.value.status).toBe("halted");
    expect(wave.value.haltReason).toContain(`Template ${TEMPLATE_ID}'s letters changed after wave ${id} was scheduled`);
    expect(wave.value.haltReason).toContain("create, test and schedule a new wave");
    expect(summary).toMatchObject({ written: 0, enqueued: 0 });
    expect(await deps.ledger.messagesOf(id)).toEqual([]);
    expect(deps.batches).toEqual([]);
    expect(deps.waves.audit.actionsOf({ type: "wave", id })).toEqual([
      "wave.create",
      "wave.dispatch",
      "wave.halt",
      "wave.schedule",
    ]);
  });

  it("sends nothing on a retry, by its schedule or by the sweep: the wave is halted", async () => {
    const id = await scheduledThenChanged(changedSubject);
    deps.clock.set(SEND_INSTANT);
    await dispatchWave(deps)(id);
    expect(await refusal(dispatchWave(deps)(id))).toBeInstanceOf(IllegalTransition);
    expect(await refusal(resumeWave(deps)(id))).toBeInstanceOf(IllegalTransition);
    expect(await deps.ledger.messagesOf(id)).toEqual([]);
    expect(deps.batches).toEqual([]);
  });

  it("halts a wave whose fallback changed, though every subject and body is the same", async () => {
    const id = await scheduledThenChanged({ fallbackLanguage: undefined, variants: allSix() });
    deps.clock.set(SEND_INSTANT);
    expect((await dispatchWave(deps)(id)).wave.value.status).toBe("halted");
  });

  it("sends a wave whose template changed only in what its letters do not say", async () => {
    const id = await scheduledThenChanged({ description: "Reviewed", kind: "other" });
    deps.clock.set(SEND_INSTANT);
    const { wave, summary } = await dispatchWave(deps)(id);
    expect(wave.value.status).toBe("dispatching");
    expect(summary).toMatchObject({ written: 1, enqueued: 1 });
    expect((await deps.ledger.messagesOf(id))[0]?.letter?.subject).toBe("The first national report");
  });

  it("sends a wave scheduled before waves kept a digest, with the template as it stands", async () => {
    await deps.waves.create(
      { ...newWave, id: "W-before", sendInstant: SEND_INSTANT, status: "scheduled", createdAt: AT, updatedAt: AT },
      audit,
    );
    const current = await deps.templates.get(TEMPLATE_ID);
    if (!current) throw new Error("created in beforeEach");
    await deps.templates.update(current, current.version, { ...current.value, ...changedSubject }, audit);
    deps.clock.set(SEND_INSTANT);
    const { wave, summary } = await dispatchWave(deps)("W-before");
    expect(wave.value.status).toBe("dispatching");
    expect(summary).toMatchObject({ written: 1, enqueued: 1 });
    expect((await deps.ledger.messagesOf("W-before"))[0]?.letter?.subject).toBe("Changed");
  });

  it("keeps the digest of the letter it checked on the programme wave it creates", async () => {
    deps.clock.set(SEND_INSTANT);
    const fired = await fireProgrammeWave(deps)(
      { key: "first-report", templateId: TEMPLATE_ID, audience: "non-reporting-states", notAfterHours: 72 },
      "America/New_York",
      audit,
    );
    expect(fired.wave.value.letterDigest).toBe(letterDigest(template));
    expect(fired.summary).toMatchObject({ written: 1 });
  });
});

describe("a test copy of a wave whose template's letters changed after it was scheduled", () => {
  const request = { to: "officer@desk.example" };

  it("is refused with 409 saying why and what to do, and nothing is mailed or audited", async () => {
    const id = await scheduledThenChanged(changedSubject);
    const error = await refusal(sendTestLetter(deps)(id, request, audit));
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).message).toContain(`Template ${TEMPLATE_ID}'s letters changed after wave ${id}`);
    expect((error as Conflict).message).toContain("no test copy is sent");
    expect((error as Conflict).message).toContain("Cancel the wave");
    expect(deps.mailed).toEqual([]);
    expect(deps.waves.audit.actionsOf({ type: "wave", id })).not.toContain("wave.test-send");
  });

  it("is sent while the template still says the scheduled letter", async () => {
    const { value } = await createWave(deps)(newWave, audit);
    await scheduleWave(deps)(value.id, 1, audit);
    const sent = await sendTestLetter(deps)(value.id, request, audit);
    expect(sent.subject).toBe("[TEST] The first national report");
    expect(deps.mailed).toHaveLength(1);
  });
});

/** Every language with the English letter, and no fallback: the same subjects and bodies, another fallback. */
function allSix(): Template["variants"] {
  const english = template.variants.en as NonNullable<Template["variants"]["en"]>;
  return { ar: english, zh: english, en: english, fr: english, ru: english, es: english };
}
