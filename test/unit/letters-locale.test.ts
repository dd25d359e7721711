import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDate, formatTime } from "#shared/locale/dates.ts";
import { UN_LANGUAGES } from "#shared/locale/languages.ts";
import { organizationNamesOf, stateNamesInTextOf, stateNamesOf } from "#shared/locale/names.ts";
import organizationNames from "#shared/locale/organization-names.json" with { type: "json" };
import { ENGLISH_WITH_ARTICLE, QUALIFIED_NAMES_IN_TEXT } from "#shared/locale/un-names-in-text.ts";
import { unShortNames } from "#shared/locale/un-short-names.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";
import { chairOn, committeeChairs, committeeChairsSchema } from "#shared/templates/chairs.ts";
import { formParts, formText, letterSentences } from "#shared/templates/letter-form.ts";
import { followUpLine, letterForm, letterValues } from "#shared/templates/letter-values.ts";
import { programmeTemplates } from "#shared/templates/programme-templates.ts";
import { renderLetter } from "#shared/templates/rules.ts";
import { staffTemplates } from "#shared/templates/staff-templates.ts";
import { waveValuesSchema } from "#shared/templates/values.ts";
import {
  isListVariable,
  isTemplateVariable,
  type ListVariable,
  templateVariables,
} from "#shared/templates/variables.ts";
import { letterIssues } from "#shared/waves/letter-check.ts";
import { newWaveSchema } from "#shared/waves/schemas.ts";

describe("dates and times in the letter's language", () => {
  it("writes a calendar date as each language's documents do", () => {
    expect(formatDate("2027-01-15", "en")).toBe("15 January 2027");
    expect(formatDate("2027-01-15", "fr")).toBe("15 janvier 2027");
    expect(formatDate("2027-01-15", "es")).toBe("15 de enero de 2027");
    expect(formatDate("2027-01-15", "ru")).toBe("15 января 2027 г.");
    expect(formatDate("2027-01-15", "zh")).toBe("2027年1月15日");
    expect(formatDate("2027-01-15", "ar")).toBe("15 كانون الثاني/يناير 2027");
    expect(formatDate("2027-12-01", "ar")).toBe("1 كانون الأول/ديسمبر 2027");
  });

  it("writes the first of a month in French as an ordinal, in dates and in the letter's date line", () => {
    expect(formatDate("2027-03-01", "fr")).toBe("1er mars 2027");
    expect(formatDate("2027-03-11", "fr")).toBe("11 mars 2027");
    expect(formatDate("2027-03-01", "es")).toBe("1 de marzo de 2027");
    const form = { reference: "W/TCD", date: "2027-03-01", addressedTo: "point-of-contact" as const };
    const { before } = formParts(
      { ...form, contactName: "A", ownerName: stateNamesOf("TCD", "Chad"), chair: {} },
      "fr",
    );
    expect(formText(before)).toContain("New York, le 1er mars 2027");
  });

  it("elides French's de before a contact's name that begins with a vowel, and only then", () => {
    const attention = (contactName: string) => {
      const form = { reference: "W/MLI", date: "2027-03-11", addressedTo: "point-of-contact" as const };
      const { before } = formParts({ ...form, contactName, ownerName: stateNamesOf("MLI", "Mali"), chair: {} }, "fr");
      return formText(before)
        .split("\n")
        .find((line) => line.startsWith("À l'attention"));
    };
    expect(attention("Aminata Traoré")).toBe("À l'attention d'Aminata Traoré");
    expect(attention("Émile Diarra")).toBe("À l'attention d'Émile Diarra");
    expect(attention("Yves Koné")).toBe("À l'attention d'Yves Koné");
    expect(attention("Moussa Keïta")).toBe("À l'attention de Moussa Keïta");
    expect(attention("Hamid Sall")).toBe("À l'attention de Hamid Sall");
  });

  it("never has the signer speak in a gendered first person: the Committee is grateful, or an impersonal turn", () => {
    // French "reconnaissant(e)", Russian "буду признателен", Arabic "سأكون ممتنا" take the signer's gender, which a
    // letter signed for the Chair cannot know; "je vous saurais gré", "Комитет будет признателен" and "ستكون اللجنة
    // ممتنة" do not.
    const gendered = /serais reconnaissant|буду признател|سأكون ممتن/iu;
    const texts = [...programmeTemplates, ...staffTemplates].flatMap((template) =>
      Object.values(template.variants).flatMap((variant) => [variant.subject, variant.text, variant.html]),
    );
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.filter((text) => gendered.test(text))).toEqual([]);
  });

  it("ends a sentence once when a date that ends in its own full stop closes it (Russian's г.)", () => {
    const form = {
      reference: "W/BLR",
      date: "2027-03-02",
      addressedTo: "point-of-contact" as const,
      contactName: "A",
      ownerName: stateNamesOf("BLR", "Belarus"),
      chair: {},
    };
    const values = {
      "state.name": stateNamesOf("BLR", "Belarus"),
      "state.nameInText": stateNamesOf("BLR", "Belarus"),
      deadline: "2027-03-04",
    };
    for (const template of programmeTemplates.filter((t) => t.variants.ru?.text.includes("{{deadline|date}}."))) {
      const letter = renderLetter(template, "ru", values, form);
      expect(letter.text, template.id).toMatch(/4 марта 2027 г\.(\s|$)/m);
      expect(letter.text, template.id).not.toContain("г..");
      expect(letter.html, template.id).not.toContain("г..");
    }
    const own = {
      variants: {
        en: {
          subject: "To {{organization.name}}.",
          text: "{{organization.name}}. Dear",
          html: "<p>{{organization.name}}.</p>",
        },
      },
      fallbackLanguage: "en" as const,
    };
    const letter = renderLetter(
      own,
      "en",
      { "organization.name": "Acme Inc." },
      { ...form, ownerName: { ...form.ownerName } },
    );
    expect(letter.subject).toBe("To Acme Inc.");
    expect(letter.html).toContain("<p>Acme Inc.</p>");
  });

  it("keeps a free-text date of an older wave as written", () => {
    expect(formatDate("30 April 2027", "fr")).toBe("30 April 2027");
  });

  it("writes a 24-hour time, French with its h", () => {
    expect(formatTime("10:00", "fr")).toBe("10 h 00");
    expect(formatTime("15:30", "zh")).toBe("15:30");
  });
});

describe("a follow-up letter's requests", () => {
  it("writes each as its symbol and day received, in the punctuation of each language (Chinese: full-width)", () => {
    const request = { symbol: "S/AC.44/2025/REQ/7", receivedOn: "2025-03-14" };
    const lines = Object.fromEntries(
      (["ar", "zh", "en", "fr", "ru", "es"] as const).map((language) => [language, followUpLine(request, language)]),
    );
    expect(lines).toEqual({
      ar: "S/AC.44/2025/REQ/7 (14 آذار/مارس 2025)",
      zh: "S/AC.44/2025/REQ/7（2025年3月14日）",
      en: "S/AC.44/2025/REQ/7 (14 March 2025)",
      fr: "S/AC.44/2025/REQ/7 (14 mars 2025)",
      ru: "S/AC.44/2025/REQ/7 (14 марта 2025 г.)",
      es: "S/AC.44/2025/REQ/7 (14 de marzo de 2025)",
    });
  });
});

describe("State names in the six languages", () => {
  it("names all 193 States in every language, English as the registry does", () => {
    for (const state of loadMemberStates()) {
      const names = stateNamesOf(state.iso3, "unknown");
      expect(names.en, state.iso3).toBe(state.name);
      for (const name of Object.values(names)) expect(name, state.iso3).not.toBe("unknown");
    }
  });

  it("takes CLDR's name where the UN has no other, and the UN's short name where it differs", () => {
    expect(stateNamesOf("TCD", "Chad")).toEqual({
      ar: "تشاد",
      zh: "乍得",
      en: "Chad",
      fr: "Tchad",
      ru: "Чад",
      es: "Chad",
    });
    expect(stateNamesOf("USA", "").fr).toBe("États-Unis d'Amérique");
    expect(stateNamesOf("CIV", "").fr).toBe("Côte d'Ivoire");
  });

  it("holds every UN short name of un-short-names.ts (state-names.json built from them)", () => {
    for (const [iso3, names] of Object.entries(unShortNames)) {
      expect(stateNamesOf(iso3, ""), iso3).toMatchObject(names);
    }
  });

  it.each([
    ["COG", "fr", "Congo"],
    ["COG", "ru", "Конго"],
    ["COD", "zh", "刚果民主共和国"],
    ["COD", "ru", "Демократическая Республика Конго"],
    ["COD", "ar", "جمهورية الكونغو الديمقراطية"],
    ["MMR", "fr", "Myanmar"],
    ["MMR", "es", "Myanmar"],
    ["MMR", "ru", "Мьянма"],
    ["MMR", "ar", "ميانمار"],
    ["TLS", "fr", "Timor-Leste"],
    ["TLS", "ru", "Тимор-Лешти"],
    ["CIV", "ar", "كوت ديفوار"],
    ["ARE", "ru", "Объединенные Арабские Эмираты"],
  ] as const)(
    "writes %s in %s as the UN does, %s, in a letter's subject, body and Mission salutation",
    (iso3, language, name) => {
      const text = "{{state.name}}";
      const template = { variants: { [language]: { subject: `1540: ${text}`, text, html: text } } };
      const facts = {
        reference: `W/${iso3}`,
        now: new Date("2027-03-01T15:00:00Z"),
        state: { iso3, name: "registry name" },
        contact: { name: "A. Officer" },
        addressedTo: "permanent-mission" as const,
      };
      const letter = renderLetter(template, language, letterValues(facts), letterForm(facts));
      expect(letter.subject).toBe(`1540: ${name}`);
      const mission = formText(formParts(letterForm(facts), language).before);
      expect(mission).toContain(name);
      expect(letter.text).toContain(`${mission}\n\n${name}`);
    },
  );
});

describe("a State named in a letter's sentences (audit 35, bug 2)", () => {
  const lettersOf = (templateId: string, iso3: string, language: UnLanguage, addressedTo?: "permanent-mission") => {
    const template = programmeTemplates.find((candidate) => candidate.id === templateId);
    if (!template) throw new Error(templateId);
    const facts = {
      reference: `W/${iso3}`,
      now: new Date("2027-03-01T15:00:00Z"),
      state: { iso3, name: stateNamesOf(iso3, "").en },
      contact: { name: "A. Officer" },
      addressedTo,
      deadline: "2027-05-31",
    };
    return renderLetter(template, language, letterValues(facts), letterForm(facts));
  };

  it("writes no State's name in brackets of its own, in any language", () => {
    for (const state of loadMemberStates()) {
      for (const [language, name] of Object.entries(stateNamesInTextOf(state.iso3, state.name))) {
        expect(name, `${state.iso3} ${language}`).not.toMatch(/[(（]/u);
      }
    }
  });

  it("holds every name of un-names-in-text.ts (state-names-in-text.json built from them), the rest as short names", () => {
    for (const [iso3, names] of Object.entries(QUALIFIED_NAMES_IN_TEXT)) {
      expect(stateNamesInTextOf(iso3, ""), iso3).toMatchObject(names);
    }
    for (const state of loadMemberStates()) {
      const { en, ...others } = stateNamesInTextOf(state.iso3, state.name);
      const short = stateNamesOf(state.iso3, state.name);
      if (QUALIFIED_NAMES_IN_TEXT[state.iso3]) continue;
      expect(en, state.iso3).toBe(ENGLISH_WITH_ARTICLE.has(state.iso3) ? `the ${short.en}` : short.en);
      expect(others, state.iso3).toEqual({ ar: short.ar, zh: short.zh, fr: short.fr, ru: short.ru, es: short.es });
    }
  });

  it("thanks the Islamic Republic of Iran and the Gambia in English, and France as France", () => {
    expect(lettersOf("programme-resolution-2663-letter", "IRN", "en").text).toContain(
      "I have the honour to thank the Islamic Republic of Iran for the information",
    );
    expect(lettersOf("programme-resolution-2663-letter", "GMB", "en").text).toContain("to thank the Gambia for");
    expect(lettersOf("programme-first-report-request", "FRA", "en").text).toContain("national report of France.");
    // A subject is a title: the UN's short name, as lists write it.
    expect(lettersOf("programme-first-report-request", "IRN", "en").subject).toMatch(/— Iran \(Islamic Republic of\)$/);
  });

  it("brackets the formal name, not a bracketed one, in French, Spanish and Russian", () => {
    expect(lettersOf("programme-resolution-2663-letter", "NLD", "fr").text).toContain(
      "votre État (Royaume des Pays-Bas)",
    );
    expect(lettersOf("programme-resolution-2663-letter", "VEN", "es").text).toContain(
      "su Estado (República Bolivariana de Venezuela)",
    );
    expect(lettersOf("programme-resolution-2663-letter", "BOL", "ru").text).toContain(
      "Ваше государство (Многонациональное Государство Боливия)",
    );
  });

  it("addresses the Permanent Mission of the Kingdom of the Netherlands, in English and in brackets elsewhere", () => {
    const salutation = (language: UnLanguage) =>
      lettersOf("programme-first-report-request", "NLD", language, "permanent-mission").text.split("\n\n")[2];
    expect(salutation("en")).toBe(
      "To the Permanent Mission of the Kingdom of the Netherlands to the United Nations\nExcellency,",
    );
    expect(salutation("fr")).toContain("(Royaume des Pays-Bas)");
    expect(salutation("es")).toContain("(Reino de los Países Bajos)");
  });

  it.each([...programmeTemplates, ...staffTemplates].map((template) => [template.id, template] as const))(
    "%s names the State in its sentences as a sentence does, {{state.name}} only in its subject",
    (_, template) => {
      for (const [language, variant] of Object.entries(template.variants)) {
        expect(`${variant?.text}\n${variant?.html}`, language).not.toContain("{{state.name}}");
      }
    },
  );
});

describe("the letter to a Permanent Mission, in the six languages", () => {
  const facts = {
    reference: "W/AFG",
    now: new Date("2027-03-01T15:00:00Z"),
    state: { iso3: "AFG", name: "Afghanistan" },
    contact: { name: "Permanent Mission of Afghanistan" },
    addressedTo: "permanent-mission" as const,
  };
  const reasons = (language: UnLanguage, missionBecause?: "none-on-record" | "none-reachable") =>
    formText(formParts(letterForm({ ...facts, missionBecause }), language).before);

  it("says the Committee has no point of contact on record, not that it could not reach one, when none is (audit 35)", () => {
    expect(reasons("en", "none-on-record")).toContain(
      "because no point of contact for resolution 1540 (2004) is on record",
    );
    expect(reasons("en", "none-on-record")).not.toContain("could not reach");
    expect(reasons("en", "none-reachable")).toContain("could not reach any point of contact designated");
    expect(reasons("en")).toBe(reasons("en", "none-reachable"));
    for (const language of ["fr", "es", "ru", "zh", "ar"] as const) {
      expect(reasons(language, "none-on-record"), language).not.toBe(reasons(language, "none-reachable"));
      expect(reasons(language, "none-on-record"), language).toContain("1540");
    }
  });
});

describe("the programme's letters to States and organizations alike", () => {
  // One text serves both kinds of owner (audit 35, bug 4): it must fit either, never "your Government or organization".
  const eitherOr = /Government or|gouvernement ou|Gobierno u|правительств\S* или|政府或|حكومتكم أو/;
  it.each(programmeTemplates.map((template) => [template.id, template] as const))(
    "%s names the addressee in words that fit a State and an organization",
    (_, template) => {
      for (const [language, variant] of Object.entries(template.variants)) {
        expect(`${variant?.subject}\n${variant?.text}`, language).not.toMatch(eitherOr);
      }
    },
  );
});

describe("the form's sentences read from letter-sentences.json", () => {
  it("gives every Mission reason, every list's empty sentence and the undelivered address in all six languages", () => {
    const { missionReason, emptyList, undeliveredAddress } = letterSentences();
    expect(Object.keys(letterSentences()).sort()).toEqual(["emptyList", "missionReason", "undeliveredAddress"]);
    const lists = Object.keys(templateVariables).filter(
      (name): name is ListVariable => isTemplateVariable(name) && isListVariable(name),
    );
    expect(Object.keys(emptyList).sort()).toEqual([...lists].sort());
    expect(Object.keys(missionReason).sort()).toEqual(["none-on-record", "none-reachable"]);
    for (const language of UN_LANGUAGES) {
      const sentences = [...Object.values(missionReason), ...Object.values(emptyList), undeliveredAddress].map(
        (text) => text[language],
      );
      for (const sentence of sentences) expect(sentence, language).toMatch(/\S/);
      expect(new Set(sentences).size, language).toBe(sentences.length);
    }
  });
});

describe("organization names in the six languages", () => {
  it("names the organizations the file translates in each language, English as the registry has it", () => {
    expect(organizationNamesOf("iaea", "International Atomic Energy Agency")).toMatchObject({
      en: "International Atomic Energy Agency",
      fr: "Agence internationale de l'énergie atomique",
      zh: "国际原子能机构",
    });
    expect(organizationNamesOf("nsg", "Nuclear Suppliers Group").ru).toBe("Nuclear Suppliers Group");
  });

  it("translates only organizations the registry knows", () => {
    const csv = readFileSync(new URL("../../shared/organizations/organizations.csv", import.meta.url), "utf8");
    const ids = new Set(
      csv
        .split("\n")
        .filter((line) => line && !line.startsWith("#"))
        .map((line) => line.split(",")[0]),
    );
    for (const id of Object.keys(organizationNames)) expect(ids, id).toContain(id);
  });
});

describe("the Chair letters are signed for", () => {
  it("is the configured Chair of the letter's date, or none after the last configured", () => {
    expect(committeeChairs().length).toBeGreaterThan(0);
    expect(chairOn("2023-02-16")?.name).toBe("Hernán Pérez Loose");
    expect(chairOn("2024-03-26")?.name).toBe("José Javier De La Gasca");
    expect(chairOn("2027-03-09")).toBeUndefined();
  });

  it("refuses a configuration in which a date has two Chairs, or an entry ends before it starts", () => {
    const [first, second] = committeeChairs();
    const file = (chairs: unknown[]) => ({ description: "", chairs });
    expect(committeeChairsSchema.safeParse(file([first, second])).success).toBe(true);
    const overlap = committeeChairsSchema.safeParse(file([first, { ...second, from: first?.until }]));
    expect(overlap.error?.issues.map((issue) => issue.message)).toEqual([
      `${second?.name} from ${first?.until} overlaps ${first?.name} until ${first?.until}`,
    ]);
    const reversed = committeeChairsSchema.safeParse(file([{ ...second, from: "2024-01-01", until: "2023-12-31" }]));
    expect(reversed.error?.issues[0]?.message).toContain("is after until");
  });
});

describe("a wave's typed values", () => {
  it("takes a deadline as a date only, with the field at fault", () => {
    const wave = {
      templateId: "t",
      audience: "all-states",
      sendAt: "2027-03-09T09:00",
      timeZone: "America/New_York",
      notAfter: "2027-03-12T00:00:00Z",
    };
    expect(newWaveSchema.safeParse({ ...wave, deadline: "2027-06-07" }).success).toBe(true);
    const refused = newWaveSchema.safeParse({ ...wave, deadline: "7 June 2027" });
    expect(refused.error?.issues.map((issue) => issue.path.join("."))).toEqual(["deadline"]);
  });

  it("takes the briefing's time as HH:mm and its venue in all six languages or one for all", () => {
    expect(waveValuesSchema.safeParse({ "briefing.time": "10:00", "briefing.venue": "Room 4" }).success).toBe(true);
    const refused = waveValuesSchema.safeParse({ "briefing.time": "10am", "briefing.venue": { en: "Room 4" } });
    expect(refused.error?.issues.map((issue) => issue.path.join("."))).toEqual(["briefing.time", "briefing.venue"]);
  });

  it("names each value a template needs that the wave does not give", () => {
    const text = "{{deadline|date}} {{briefing.date|date}} {{state.name}}";
    const template = { variants: { en: { subject: "Letter", text, html: text } } };
    const wave = { audience: "all-states" as const, sendInstant: "2027-03-01T14:00:00Z", deadline: "2027-06-07" };
    expect(letterIssues(template, wave, "body.")).toEqual([
      { path: "body.values.briefing.date", message: "the template uses {{briefing.date}}: give its value" },
    ]);
  });

  it("refuses a venue the letters print that is not one line, at the language it is given in", () => {
    const template = { variants: { en: { subject: "Briefing", text: "In {{briefing.venue}}.", html: "<p></p>" } } };
    const wave = { audience: "all-states" as const, sendInstant: "2027-03-01T14:00:00Z" };
    const six = { ar: "قاعة 4", zh: "第4会议室", en: "Room 4", fr: "Salle 4", ru: "Зал 4", es: "Sala 4" };
    const each = { ...six, fr: "Salle\n4", ru: "Зал\u200b4" };
    expect(letterIssues(template, { ...wave, values: { "briefing.venue": each } }, "body.")).toEqual([
      { path: "body.values.briefing.venue.fr", message: "must be one line, without control characters" },
      { path: "body.values.briefing.venue.ru", message: "contains an invisible character (U+200B ZERO WIDTH SPACE)" },
    ]);
    expect(letterIssues(template, { ...wave, values: { "briefing.venue": "Room\r\n4" } }, "wave.")).toEqual([
      { path: "wave.values.briefing.venue", message: "must be one line, without control characters" },
    ]);
    expect(letterIssues(template, { ...wave, values: { "briefing.venue": six } }, "body.")).toEqual([]);
    const unused = { variants: { en: { subject: "Report", text: "Text", html: "<p></p>" } } };
    expect(letterIssues(unused, { ...wave, values: { "briefing.venue": "Room\n4" } }, "body.")).toEqual([]);
  });
});
