// Letters as States receive them, read back from the SES emulator's store: the resolution 2663 wave in Arabic,
// Chinese, Russian and French with no letter falling back to English, each RTL or LTR as its language is, with its
// date in that language; the first-report request to Chad in French ("Tchad"); the point-of-contact letter listing
// the contacts on record; every mail with Reply-To the secretariat.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createContact } from "#shared/contacts/contacts.ts";
import type { WaveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import type { Message } from "#shared/correspondence/schemas.ts";
import { correspondenceMailer } from "#shared/correspondence/ses-sender.ts";
import { mailSettingsOf } from "#shared/mail/settings.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { pipelineLambdas, seededStores } from "../support/pipeline.ts";
import { freshTables } from "./fresh-tables.ts";

// Wednesday 11 March 2026, 09:00 in New York: the resolution 2663 letter's firing; its deadline is 9 June 2026.
const clock = fixedClock("2026-03-11T13:00:00.000Z");
const audit = { actor: systemActor("test") };
const run = randomUUID().slice(0, 8);

interface StoredMail {
  subject: string;
  replyTo?: string | string[];
  destination: { to: string[] };
  body: { text?: string; html?: string };
}

let deps: WaveDispatchStores;
/** The reporting State written to in each language, and its point of contact's address. */
const reporting = new Map<UnLanguage, { iso3: string; email: string }>();
const chadEmail = `tcd-${run}@letters.example`;

async function mailsTo(email: string): Promise<StoredMail[]> {
  const store = (await (await fetch(`${inject("sesEndpoint")}/store`)).json()) as { emails: StoredMail[] };
  return store.emails.filter((mail) => mail.destination.to.includes(email));
}

// The mail settings as a function reads them locally: MAIL_FROM and SECRETARIAT_ADDRESS default off AWS.
const lambdas = () =>
  pipelineLambdas(deps, {
    clock,
    mailer: correspondenceMailer(
      mailSettingsOf(readConfig({ DESK_TABLE: "desk", AUDIT_TABLE: "audit", SES_ENDPOINT: inject("sesEndpoint") })),
    ),
  });

const programmeWave = (key: string, templateId: string, audience: string) => ({
  programmeWave: { key, templateId, audience, notAfterHours: 72, deadlineDays: 90 },
});

beforeAll(async () => {
  ({ deps } = await seededStores(clock));
  await seedProgrammeTemplates(deps);
  const reported = await deps.registry.listStates({ limit: 200, status: "reported" });
  for (const language of ["ar", "zh", "ru", "fr"] as const) {
    const state = reported.items.find((item) => item.value.language === language);
    if (!state) throw new Error(`no reporting State writes in ${language}`);
    const email = `${state.value.iso3.toLowerCase()}-${run}@letters.example`;
    await createContact(deps)(
      { owner: `STATE:${state.value.iso3}`, role: "capital-poc", name: `Poc ${state.value.iso3}`, email, language },
      audit,
    );
    reporting.set(language, { iso3: state.value.iso3, email });
  }
  await createContact(deps)(
    {
      owner: "STATE:TCD",
      role: "capital-poc",
      name: "Mahamat Exemple",
      title: "Directeur",
      agency: "Ministère des affaires étrangères",
      email: chadEmail,
      phone: "+235 22 51 00 00",
      language: "fr",
    },
    audit,
  );
}, 120_000);

describe("the resolution 2663 wave, read from the SES emulator", () => {
  it("writes every reporting State in its own language, none falling back, dated in that language", async () => {
    const pipeline = lambdas();
    await pipeline.dispatch(
      programmeWave("resolution-2663-letter", "programme-resolution-2663-letter", "reporting-states"),
    );
    await pipeline.drain();
    const expected = {
      ar: {
        date: "9 حزيران/يونيه 2026",
        script: /[\u0600-\u06FF]/,
        lang: 'lang="ar" dir="rtl"',
        contributions: "التبرعات المالية",
      },
      zh: {
        date: "2026年6月9日",
        script: /[\u4E00-\u9FFF]/,
        lang: 'lang="zh-Hans" dir="ltr"',
        contributions: "自愿财政捐助",
      },
      ru: {
        date: "9 июня 2026 г.",
        script: /[\u0400-\u04FF]/,
        lang: 'lang="ru" dir="ltr"',
        contributions: "добровольные финансовые взносы",
      },
      fr: {
        date: "9 juin 2026",
        script: /é/,
        lang: 'lang="fr" dir="ltr"',
        contributions: "Contributions financières volontaires",
      },
    };
    for (const [language, { email }] of reporting) {
      const [mail, ...more] = await mailsTo(email);
      expect(more, language).toEqual([]);
      const want = expected[language as keyof typeof expected];
      expect(mail?.body.html, language).toContain(`<html ${want.lang}>`);
      expect(mail?.body.text, language).toMatch(want.script);
      expect(mail?.body.text, language).toContain(want.date);
      // Annex I, paragraph 6: voluntary financial contributions are among what the letter covers.
      expect(mail?.body.text, language).toContain(want.contributions);
      expect([mail?.replyTo].flat(), language).toEqual(["1540-secretariat@desk.local"]);
    }
    const page = await deps.waves.messages("resolution-2663-letter-2026", undefined, { limit: 100 });
    const letters = page.items.flatMap((message: Message) => (message.letter ? [message.letter] : []));
    expect(letters.length).toBeGreaterThanOrEqual(4);
    expect(letters.filter((letter) => letter.fellBack)).toEqual([]);
  });
});

describe("the first-report request to Chad", () => {
  it("reads in French, with Chad's French name and a French date", async () => {
    clock.set("2026-03-10T13:00:00.000Z");
    const pipeline = lambdas();
    await pipeline.dispatch(
      programmeWave("first-report-letters", "programme-first-report-request", "non-reporting-states"),
    );
    await pipeline.drain();
    const [mail] = await mailsTo(chadEmail);
    expect(mail?.subject).toBe("Résolution 1540 (2004) : premier rapport national — Tchad");
    expect(mail?.body.text).toContain(
      "Le Comité n'a pas encore reçu le premier rapport national de l'État suivant : Tchad.",
    );
    expect(mail?.body.text).toContain("d'ici au 8 juin 2026.");
    expect(mail?.body.text).toContain("À l'attention de Mahamat Exemple\nMadame, Monsieur,");
    expect(mail?.body.text).not.toContain("Chad");
  });
});

describe("the point-of-contact letter", () => {
  it("lists the State's contacts on record with what it asks to confirm, telephone included", async () => {
    const pipeline = lambdas();
    await pipeline.dispatch(
      programmeWave("point-of-contact-letters", "programme-point-of-contact-update", "all-states"),
    );
    await pipeline.drain();
    const mail = (await mailsTo(chadEmail)).find((sent) => sent.subject === "Comité 1540 : vos points de contact");
    const line = `Mahamat Exemple, Directeur, Ministère des affaires étrangères, ${chadEmail}, +235 22 51 00 00`;
    expect(mail?.body.text).toContain(
      `Les points de contact suivants sont enregistrés auprès du Comité :\n\n- ${line}`,
    );
    expect(mail?.body.html).toContain(`<li>${line}</li>`);
  });
});

describe("seeding the programme templates on a desk seeded before", () => {
  it("upgrades a template as an earlier seed wrote it, and keeps one staff changed", async () => {
    const tables = await freshTables();
    const templates = templateRepository(tables.doc, tables.tableNames, clock);
    const waves = waveRepository(tables.doc, tables.tableNames, clock);
    const now = clock.now().toISOString();
    const old = {
      subject: "First national report — {{state.name}}",
      text: "Dear {{contact.name}}, by {{deadline}}.",
      html: "<p>Dear {{contact.name}}, by {{deadline}}.</p>",
    };
    const earlier = {
      kind: "first-report-request" as const,
      fallbackLanguage: "en" as const,
      createdAt: now,
      updatedAt: now,
    };
    await templates.create({ ...earlier, id: "programme-first-report-request", variants: { en: old, fr: old } }, audit);
    const edited = await templates.create(
      { ...earlier, id: "programme-resolution-2663-letter", variants: { en: old } },
      audit,
    );
    await templates.update(edited, 1, { ...edited.value, description: "Edited by the secretariat" }, audit);

    const result = await seedProgrammeTemplates({ templates, waves, clock });
    expect(result.upgraded).toEqual(["programme-first-report-request"]);
    expect(result.existing).toEqual(["programme-resolution-2663-letter"]);
    expect(result.created).toHaveLength(5);
    const upgraded = await templates.get("programme-first-report-request");
    expect(upgraded?.version).toBe(2);
    expect(Object.keys(upgraded?.value.variants ?? {}).sort()).toEqual(["ar", "en", "es", "fr", "ru", "zh"]);
    expect((await templates.get("programme-resolution-2663-letter"))?.value.description).toBe(
      "Edited by the secretariat",
    );
    // Run again: nothing left to upgrade.
    expect((await seedProgrammeTemplates({ templates, waves, clock })).upgraded).toEqual([]);
  });
});
