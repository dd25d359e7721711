// The programme's recurring letters against DynamoDB Local and the SES emulator: the templates are seeded (and a
// staff edit kept), a programme schedule's input fires wave-dispatch, which creates the year's wave once and
// dispatches it; the wave-send app sends it, in each contact's language, one letter per address.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { createOffer } from "#shared/assistance/offers.ts";
import type { NewAssistanceOffer } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { newId } from "#shared/ids.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";
import { programmeTemplates, seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { changeTemplate } from "#shared/templates/templates.ts";
import { cancelWave, createWave, scheduleWave } from "#shared/waves/waves.ts";
import { pipelineLambdas, type SeededStores, seededStores } from "../support/pipeline.ts";

// Tuesday 10 March 2026, 09:00 in New York.
const clock = fixedClock("2026-03-10T13:00:00.000Z");
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);

const FIRST_REPORT = {
  programmeWave: {
    key: "first-report-request",
    templateId: "programme-first-report-request",
    audience: "non-reporting-states",
    notAfterHours: 72,
    deadlineDays: 90,
  },
};

let deps: SeededStores;
const addresses = new Map<string, UnLanguage>();

async function mailsTo(email: string) {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as {
    emails: { subject: string; destination: { to: string[] }; body: { text?: string } }[];
  };
  return store.emails.filter((mail) => mail.destination.to.includes(email));
}

/** The Lambdas' own apps on the in-process queue: dispatch, then every batch through wave-send. */
const lambdas = () =>
  pipelineLambdas(deps, {
    clock,
    mailer: correspondenceMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
  });

beforeAll(async () => {
  ({ deps } = await seededStores(clock));
  for (const [iso3, language] of [
    ["TCD", "fr"],
    ["SOM", "ar"],
    ["GMB", "en"],
    ["GIN", "es"],
  ] as const) {
    const email = `${iso3.toLowerCase()}-${run}@programme.example`;
    await createContact(deps)(
      { owner: `STATE:${iso3}`, role: "capital-poc", name: `Poc ${iso3}`, email, language },
      audit,
    );
    addresses.set(email, language);
  }
}, 120_000);

describe("programme templates", () => {
  it("are added once, and a template staff edited is kept on the next seed", async () => {
    const first = await seedProgrammeTemplates(deps);
    expect([...first.created].sort()).toEqual(programmeTemplates.map((template) => template.id).sort());
    const current = await deps.templates.get("programme-open-briefing-invitation");
    if (!current) throw new Error("not seeded");
    await changeTemplate(deps)(current.value.id, current.version, { description: "Edited by the secretariat" }, audit);
    const second = await seedProgrammeTemplates(deps);
    expect(second).toEqual({ created: [], upgraded: [], held: [], existing: first.created });
    expect((await deps.templates.get("programme-open-briefing-invitation"))?.value.description).toBe(
      "Edited by the secretariat",
    );
  });
});

describe("a programme wave fired by its schedule", () => {
  it("creates the year's wave straight into dispatching and sends each letter once, in its language", async () => {
    const pipeline = lambdas();
    const fired = await pipeline.dispatch(FIRST_REPORT);
    expect(fired).toMatchObject({
      waveId: "first-report-request-2026",
      status: "dispatching",
      created: true,
      summary: { recipients: 4, written: 8, enqueued: 4, pastDeadline: false },
    });
    const wave = await deps.waves.get("first-report-request-2026");
    expect(wave?.value).toMatchObject({
      sendAt: "2026-03-10T09:00",
      timeZone: "America/New_York",
      notAfter: "2026-03-13T13:00:00.000Z",
      deadline: "2026-06-08",
    });
    await pipeline.drain();
    expect(pipeline.metrics).toMatchObject({ MessagesSent: 4, MessagesFailed: 0, SesThrottled: 0 });
    expect((await deps.waves.get("first-report-request-2026"))?.value.status).toBe("completed");
    for (const [email, language] of addresses) {
      const [mail, ...more] = await mailsTo(email);
      expect(more).toEqual([]);
      expect(mail?.body.text).toContain(
        { fr: "8 juin 2026", es: "8 de junio de 2026", en: "8 June 2026", ar: "8 حزيران/يونيه 2026" }[
          language as "fr" | "es" | "en" | "ar"
        ],
      );
      const opening = {
        fr: "Madame, Monsieur,",
        es: "De mi mayor consideración:",
        en: "Dear Poc",
        ar: "إلى عناية: Poc",
      };
      expect(mail?.body.text, language).toContain(opening[language as keyof typeof opening]);
    }
  });

  it("finds the year's wave again on a retry or a second firing, and sends nothing more", async () => {
    const pipeline = lambdas();
    clock.advance(60_000);
    const again = await pipeline.dispatch(FIRST_REPORT);
    // The wave completed: nothing is dispatched again.
    expect(again).toMatchObject({ waveId: "first-report-request-2026", status: "completed", created: false });
    expect(again).not.toHaveProperty("summary.written");
    await pipeline.drain();
    for (const email of addresses.keys()) expect(await mailsTo(email)).toHaveLength(1);
  });

  it("dispatches again a wave a crash left dispatching, adding nothing", async () => {
    const input = { programmeWave: { ...FIRST_REPORT.programmeWave, key: "first-report-retry" } };
    const crashed = lambdas();
    await crashed.dispatch(input);
    // The run crashed before any letter was sent: the queue is lost, the ledger holds every letter queued.
    const retry = lambdas();
    const fired = await retry.dispatch(input);
    expect(fired).toMatchObject({ created: false, status: "dispatching", summary: { written: 0, enqueued: 4 } });
    await retry.drain();
    expect(retry.metrics.MessagesSent).toBe(4);
    for (const email of addresses.keys()) expect(await mailsTo(email)).toHaveLength(2);
  });

  it("refuses a programme wave whose template does not exist, writing nothing", async () => {
    const input = { programmeWave: { ...FIRST_REPORT.programmeWave, key: "no-template", templateId: "missing" } };
    await expect(lambdas().dispatch(input)).rejects.toThrow("Template missing was not found");
    expect(await deps.waves.get("no-template-2026")).toBeUndefined();
  });

  it("refuses input that is neither a wave id nor a programme wave", async () => {
    await expect(lambdas().dispatch({ programmeWave: { key: "x" } })).rejects.toThrow(
      "The schedule's input is not valid",
    );
  });

  it("keeps an open-briefing wave without the briefing's date, time and venue as a draft naming them, sending nothing", async () => {
    const input = {
      programmeWave: {
        key: "open-briefing-bare",
        templateId: "programme-open-briefing-invitation",
        audience: "all-states",
        notAfterHours: 72,
      },
    };
    const pipeline = lambdas();
    await pipeline.dispatch(input);
    await pipeline.drain();
    const draft = await deps.waves.get("open-briefing-bare-2026");
    expect(draft?.value.status).toBe("draft");
    expect(draft?.value.description).toContain(
      "a draft, not sent: the briefing's date, starting time and venue were not given; to send it, compose a new " +
        "wave with this template to this audience and give them there",
    );
    expect(await deps.ledger.listByStatus("open-briefing-bare-2026", "queued")).toEqual([]);
    // Fired again the same year, it stays the same draft.
    await pipeline.dispatch(input);
    expect((await deps.waves.get("open-briefing-bare-2026"))?.version).toBe(draft?.version);
  });

  it("invites to the open briefing with its date, time and venue in each language", async () => {
    const pipeline = lambdas();
    await pipeline.dispatch({
      programmeWave: {
        key: "open-briefing-dated",
        templateId: "programme-open-briefing-invitation",
        audience: "non-reporting-states",
        notAfterHours: 72,
        values: { "briefing.date": "2026-10-14", "briefing.time": "10:00", "briefing.venue": "Conference Room 4" },
      },
    });
    await pipeline.drain();
    const expected = {
      fr: "le 14 octobre 2026 à 10 h 00 (heure de New York), au lieu suivant : Conference Room 4",
      es: "el 14 de octubre de 2026 a las 10:00 (hora de Nueva York)",
      en: "on 14 October 2026 at 10:00 (New York time), in Conference Room 4",
      ar: "في 14 تشرين الأول/أكتوبر 2026 الساعة 10:00",
    };
    for (const [email, language] of addresses) {
      const invitation = (await mailsTo(email)).find((sent) =>
        /open briefing|information publique|informativa abierta|الإحاطة المفتوحة/.test(sent.subject),
      );
      expect(invitation?.body.text, language).toContain(expected[language as keyof typeof expected]);
    }
  });

  it("keeps the year's wave as a draft when a staff wave sends the same letter to the same audience a week later", async () => {
    const scheduler = {
      schedule: async () => "wave-staff",
      scheduleResend: async () => "unused",
      unschedule: async () => undefined,
    };
    const { value: draft } = await createWave(deps)(
      {
        templateId: "programme-first-report-request",
        audience: "non-reporting-states",
        sendAt: "2026-03-17T09:00",
        timeZone: "America/New_York",
        notAfter: "2026-03-20T00:00:00Z",
        deadline: "2026-06-15",
      },
      audit,
    );
    const staff = await scheduleWave({ ...deps, scheduler })(draft.id, 1, audit);
    const before = await Promise.all([...addresses.keys()].map(async (email) => (await mailsTo(email)).length));
    const pipeline = lambdas();
    const input = { programmeWave: { ...FIRST_REPORT.programmeWave, key: "first-report-held" } };
    expect(await pipeline.dispatch(input)).toMatchObject({ waveId: "first-report-held-2026", status: "draft" });
    await pipeline.drain();
    const held = await deps.waves.get("first-report-held-2026");
    expect(held?.value.description).toContain(
      `staff wave ${draft.id} is to send this letter to the same audience (scheduled, 2026-03-17 13:00 UTC)`,
    );
    expect(await deps.ledger.messagesOf("first-report-held-2026")).toEqual([]);
    const after = await Promise.all([...addresses.keys()].map(async (email) => (await mailsTo(email)).length));
    expect(after).toEqual(before);
    await cancelWave({ ...deps, scheduler })(draft.id, staff.version, audit);
  });

  it("keeps the year's wave as a draft when a staff wave of the same letter halted after sending some of it", async () => {
    // A staff wave to all States, halted on bounces an hour before the firing: two letters out, the rest failed.
    const at = "2026-03-10T12:00:00.000Z";
    const staff = {
      id: newId(clock),
      templateId: "programme-first-report-request",
      audience: "all-states" as const,
      sendAt: "2026-03-10T08:00",
      timeZone: "America/New_York",
      sendInstant: at,
      notAfter: "2026-03-13T00:00:00.000Z",
      deadline: "2026-06-08",
      status: "halted" as const,
      haltReason: "hard bounces reached 5% of the letters out: 1 of 20 (5.0%)",
      createdAt: at,
      updatedAt: at,
    };
    await deps.waves.create(staff, audit);
    for (const [recipient, status] of [
      ["sent-one", "sent"],
      ["bounced-one", "bounced"],
      ["failed-one", "failed"],
    ] as const) {
      const letter = { owner: "STATE:TCD", notAfter: staff.notAfter, claims: 1, createdAt: at, updatedAt: at };
      await deps.ledger.putNew({ waveId: staff.id, recipient, status, ...letter });
    }
    const pipeline = lambdas();
    const input = {
      programmeWave: { ...FIRST_REPORT.programmeWave, key: "first-report-after-halt", audience: "all-states" },
    };
    expect(await pipeline.dispatch(input)).toMatchObject({ waveId: "first-report-after-halt-2026", status: "draft" });
    await pipeline.drain();
    const held = await deps.waves.get("first-report-after-halt-2026");
    expect(held?.value.description).toContain(
      `staff wave ${staff.id} sent this letter to the same audience and halted after 2 letters (halted, ${at.slice(0, 10)} ${at.slice(11, 16)} UTC)`,
    );
    expect(await deps.ledger.messagesOf("first-report-after-halt-2026")).toEqual([]);
  });
});

describe("the providers' May letter (annex I, paragraph 13)", () => {
  it("lists the offers recorded in each provider's name, in its language, oldest first", async () => {
    const offer = (iso3: string, fields: Omit<NewAssistanceOffer, "provider">) =>
      createOffer(deps)({ provider: { kind: "state", iso3 }, ...fields }, audit);
    await offer("TCD", {
      areas: ["customs-and-border", "export-and-licensing"],
      description: "Formation des douaniers\naux biens stratégiques",
      validFrom: "2025-03-01",
      validUntil: "2027-02-28",
      lastUpdatedOn: "2025-02-20",
    });
    await offer("TCD", {
      areas: ["legislation"],
      description: "Atelier législatif",
      validFrom: "2024-06-01",
      lastUpdatedOn: "2024-05-15",
    });
    await offer("SOM", { areas: ["laboratories"], description: "Laboratory training", validFrom: "2026-01-01" });
    const pipeline = lambdas();
    await pipeline.dispatch({
      programmeWave: {
        key: "provider-offer-update",
        templateId: "programme-provider-offer-update",
        audience: "assistance-providers",
        notAfterHours: 72,
        deadlineDays: 60,
      },
    });
    await pipeline.drain();
    const letterTo = async (iso3: string) =>
      (await mailsTo(`${iso3.toLowerCase()}-${run}@programme.example`)).find((sent) =>
        /offres d'assistance|عروض المساعدة/.test(sent.subject),
      )?.body.text;
    expect(await letterTo("TCD")).toContain(
      "- Atelier législatif (législation ; valable à compter du 1er juin 2024, sans date de fin ; dernière mise à " +
        "jour le 15 mai 2024)\n" +
        "- Formation des douaniers aux biens stratégiques (contrôles douaniers et frontaliers, contrôle des " +
        "exportations et octroi de licences ; valable du 1er mars 2025 au 28 février 2027 ; dernière mise à jour le " +
        "20 février 2025)",
    );
    expect(await letterTo("SOM")).toContain(
      "- \u2068Laboratory training\u2069 (المختبرات؛ صالح اعتبارا من 1 كانون الثاني/يناير 2026، دون تاريخ انتهاء؛ آخر تحديث: " +
        "10 آذار/مارس 2026)",
    );
  });
});
