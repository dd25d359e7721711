import { describe, expect, it } from "vitest";
import { Invalid } from "#shared/errors.ts";
import type { LetterForm } from "#shared/templates/letter-form.ts";
import {
  assertValidTemplate,
  letterDigest,
  MissingValues,
  personInSubject,
  renderLetter,
} from "#shared/templates/rules.ts";
import type { Template, TemplateVariant } from "#shared/templates/schemas.ts";
import { letterIssues } from "#shared/waves/letter-check.ts";

const variant = (greeting: string): TemplateVariant => ({
  subject: `${greeting}: {{state.name}}`,
  text: `${greeting} {{contact.name}}, please reply by {{deadline|date}}.`,
  html: `<p>${greeting} {{contact.name}}, please reply by <b>{{ deadline | date }}</b>.</p>`,
});
const all = {
  ar: variant("AR"),
  zh: variant("ZH"),
  en: variant("Dear"),
  fr: variant("Madame, Monsieur"),
  ru: variant("RU"),
  es: variant("ES"),
};
const chad = { ar: "تشاد", zh: "乍得", en: "Chad", fr: "Tchad", ru: "Чад", es: "Chad" };
const values = { "state.name": chad, "contact.name": "A. Officer", deadline: "2027-01-15" };
const form: LetterForm = {
  reference: "first-report-request-2027/TCD",
  date: "2027-03-09",
  addressedTo: "point-of-contact",
  contactName: "A. Officer",
  ownerName: chad,
  chair: { name: "A. Chair", title: { en: "Chair", fr: "Le Président" } },
};

function issuesOf(attempt: () => void): { path: string; message: string }[] {
  try {
    attempt();
  } catch (error) {
    if (error instanceof Invalid) return error.issues;
    throw error;
  }
  return [];
}

describe("saving a template", () => {
  it("accepts all six UN languages, or fewer with a fallback that exists", () => {
    expect(issuesOf(() => assertValidTemplate({ variants: all }))).toEqual([]);
    expect(
      issuesOf(() => assertValidTemplate({ variants: { en: all.en, fr: all.fr }, fallbackLanguage: "en" })),
    ).toEqual([]);
  });

  it("refuses missing languages without a fallback, and a fallback without its variant", () => {
    const missing = issuesOf(() => assertValidTemplate({ variants: { en: all.en } }));
    expect(missing).toEqual([
      { path: "body.variants", message: expect.stringContaining("missing ar, zh, fr, ru, es") },
    ]);
    const badFallback = issuesOf(() => assertValidTemplate({ variants: { en: all.en }, fallbackLanguage: "fr" }));
    expect(badFallback.map((issue) => issue.path)).toContain("body.fallbackLanguage");
  });

  it("names each unknown variable and unclosed placeholder with its path", () => {
    const issues = issuesOf(() =>
      assertValidTemplate({
        fallbackLanguage: "en",
        variants: { en: { ...all.en, text: "Dear {{contact.nmae}}", html: "<p>{{state.name}</p>" } },
      }),
    );
    expect(issues).toEqual([
      { path: "body.variants.en.text", message: expect.stringContaining("unknown variable contact.nmae") },
      { path: "body.variants.en.html", message: expect.stringContaining("not closed") },
    ]);
  });

  it("does not take an inherited property name for a variable", () => {
    const issues = issuesOf(() =>
      assertValidTemplate({ fallbackLanguage: "en", variants: { en: { ...all.en, text: "{{constructor}}" } } }),
    );
    expect(issues[0]?.message).toContain("unknown variable constructor");
  });

  it("refuses a date put where text is expected, and text where a date is, with the path", () => {
    const issues = issuesOf(() =>
      assertValidTemplate({
        fallbackLanguage: "en",
        variants: {
          en: all.en,
          fr: { ...all.fr, text: "d'ici au {{deadline}}", html: "<p>{{state.name|date}}</p>" },
        },
      }),
    );
    expect(issues).toEqual([
      {
        path: "body.variants.fr.text",
        message: "{{deadline}}: deadline is a date, put where text is expected; write {{deadline|date}}",
      },
      {
        path: "body.variants.fr.html",
        message: "{{state.name|date}}: state.name is a text, put where a date is expected; write {{state.name}}",
      },
    ]);
  });

  it("refuses a list in a subject, an unknown format, and a list used as text", () => {
    const issues = issuesOf(() =>
      assertValidTemplate({
        fallbackLanguage: "en",
        variants: {
          en: {
            subject: "{{contacts.onRecord|list}}",
            text: "{{deadline|upper}}",
            html: "<p>{{contacts.onRecord}}</p>",
          },
        },
      }),
    );
    expect(issues.map((issue) => [issue.path, issue.message.split(":")[0]])).toEqual([
      ["body.variants.en.subject", "{{contacts.onRecord|list}}"],
      ["body.variants.en.text", "{{deadline|upper}}"],
      ["body.variants.en.html", "{{contacts.onRecord}}"],
    ]);
    expect(issues[1]?.message).toContain("unknown format upper");
  });

  it("refuses the recipient's name, title or agency in a subject, which experts and members read, not in the text", () => {
    const issues = issuesOf(() =>
      assertValidTemplate({
        fallbackLanguage: "en",
        variants: {
          en: {
            subject: "For {{contact.title}} {{contact.name}}, {{state.name}}",
            text: "Dear {{contact.name}} ({{contact.agency}})",
            html: "<p>Dear {{contact.name}}</p>",
          },
          fr: { subject: "Pour {{ contact.agency }}", text: "Madame, Monsieur", html: "<p>Madame, Monsieur</p>" },
        },
      }),
    );
    expect(issues.map((issue) => [issue.path, issue.message.split(":")[0]])).toEqual([
      ["body.variants.en.subject", "{{contact.title}}"],
      ["body.variants.en.subject", "{{contact.name}}"],
      ["body.variants.fr.subject", "{{ contact.agency }}"],
    ]);
    expect(issues[0]?.message).toContain("a person's name, title and agency are the secretariat's alone");
  });
});

describe("a template stored before its subject was refused the recipient's data", () => {
  const stored = {
    variants: { en: { subject: "For {{contact.name}}", text: "Dear {{contact.name}}", html: "<p>Dear</p>" } },
  };
  const wave = { audience: "all-states" as const, sendInstant: "2027-03-01T14:00:00Z" };

  it("names the variables in any language's subject, and none of the text's", () => {
    expect(personInSubject(stored)).toEqual(["contact.name"]);
    expect(personInSubject({ variants: { en: { ...stored.variants.en, subject: "Report" } } })).toEqual([]);
  });

  it("stops a wave from being made or scheduled with it, at the template", () => {
    expect(letterIssues(stored, wave, "body.")).toEqual([
      {
        path: "body.templateId",
        message: expect.stringMatching(/^the template's subject uses \{\{contact\.name\}\}: a subject is read by/),
      },
    ]);
  });
});

describe("rendering a letter", () => {
  it("uses the recipient's language, its date and name, and escapes values in the HTML part only", () => {
    const letter = renderLetter(
      { variants: all },
      "fr",
      { ...values, "contact.name": `<script>"x" & 'y'</script>` },
      form,
    );
    expect(letter).toMatchObject({ language: "fr", fellBack: false, lang: "fr", dir: "ltr" });
    expect(letter.html).toContain(
      "<p>Madame, Monsieur &lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;, please reply by <b>15 janvier 2027</b>.</p>",
    );
    expect(letter.text).toContain(`<script>"x" & 'y'</script>, please reply by 15 janvier 2027.`);
    expect(letter.subject).toBe("Madame, Monsieur: Tchad");
  });

  it("writes the deadline in each language", () => {
    const dates = Object.fromEntries(
      (["ar", "zh", "en", "fr", "ru", "es"] as const).map((language) => [
        language,
        renderLetter({ variants: all }, language, values, form).text.match(/reply by (.*)$/m)?.[1],
      ]),
    );
    // The sentence's full stop after each date; Russian's date ends in its own, which the sentence's joins.
    expect(dates).toEqual({
      ar: "15 كانون الثاني/يناير 2027.",
      zh: "2027年1月15日.",
      en: "15 January 2027.",
      fr: "15 janvier 2027.",
      ru: "15 января 2027 г.",
      es: "15 de enero de 2027.",
    });
  });

  it("puts the body inside the Committee's form: heading, reference, date, salutation, close, signature", () => {
    const letter = renderLetter({ variants: all }, "en", values, form);
    expect(letter.text.split("\n\n")).toEqual([
      "Security Council Committee established pursuant to resolution 1540 (2004)",
      "Reference: first-report-request-2027/TCD\nNew York, 9 March 2027",
      "Dear A. Officer,",
      "Dear A. Officer, please reply by 15 January 2027.",
      "Please accept the assurances of my highest consideration.",
      "(Signed) A. Chair\nChair\nSecurity Council Committee established pursuant to resolution 1540 (2004)",
    ]);
    expect(letter.html).toMatch(/^<!DOCTYPE html>\n<html lang="en" dir="ltr">/);
  });

  it("writes Arabic right to left and signs for the Chair when no name is configured", () => {
    const letter = renderLetter({ variants: all }, "ar", values, { ...form, chair: {} });
    expect(letter).toMatchObject({ lang: "ar", dir: "rtl" });
    expect(letter.html).toContain('<html lang="ar" dir="rtl">');
    expect(letter.text).toContain("نيويورك، 9 آذار/مارس 2027");
    expect(letter.text.endsWith("عن الرئيس\nلجنة مجلس الأمن المنشأة عملا بالقرار 1540 (2004)")).toBe(true);
  });

  it("addresses the Permanent Mission, saying why, when no point of contact could be reached", () => {
    for (const [language, mission] of [
      ["en", "To the Permanent Mission of Chad to the United Nations"],
      ["fr", "Mission permanente auprès de l'Organisation des Nations Unies (Tchad)"],
      ["zh", "乍得常驻联合国代表团"],
    ] as const) {
      const letter = renderLetter({ variants: all }, language, values, { ...form, addressedTo: "permanent-mission" });
      const [, , salutation = "", reason = ""] = letter.text.split("\n\n");
      expect(salutation, language).toContain(mission);
      expect(reason, language).toMatch(/Permanent Mission|Mission permanente|常驻代表团/);
      expect(salutation, language).not.toContain("A. Officer");
    }
  });

  it("lists the contacts on record, or says there are none", () => {
    const list = { subject: "Contacts", text: "{{contacts.onRecord|list}}", html: "{{contacts.onRecord|list}}" };
    const listed = { fallbackLanguage: "en" as const, variants: { en: list, fr: list } };
    const two = renderLetter(listed, "en", { "contacts.onRecord": ["A, Minister", "B <b@x.org>"] }, form);
    expect(two.text).toContain("- A, Minister\n- B <b@x.org>");
    expect(two.html).toContain("<ul>\n<li>A, Minister</li>\n<li>B &lt;b@x.org&gt;</li>\n</ul>");
    const none = renderLetter(listed, "fr", { "contacts.onRecord": [] }, form);
    expect(none.text).toContain("Aucun point de contact n'est enregistré.");
  });

  it("says of each empty list what it lacks: no offer is not no contact", () => {
    const text = "{{offers.onRecord|list}}\n\n{{assistance.followUps|list}}";
    const lists = { fallbackLanguage: "en" as const, variants: { en: { subject: "Lists", text, html: text } } };
    const none = renderLetter(lists, "en", { "offers.onRecord": [], "assistance.followUps": [] }, form);
    expect(none.text).toContain("No offer of assistance is on record in your name.");
    expect(none.text).toContain("No request for assistance awaits a follow-up.");
    expect(none.text).not.toContain("point of contact");
    expect(none.html).toContain("<p>No offer of assistance is on record in your name.</p>");
  });

  it("falls back to the declared language when the recipient's has no variant", () => {
    const letter = renderLetter({ variants: { en: all.en }, fallbackLanguage: "en" }, "zh", values, form);
    expect(letter).toMatchObject({ language: "en", fellBack: true, subject: "Dear: Chad" });
  });

  it("refuses to render a letter with a missing value rather than send a blank", () => {
    expect(() => renderLetter({ variants: all }, "en", { "state.name": chad }, form)).toThrow(MissingValues);
  });

  it("keeps a value from breaking the subject line into headers", () => {
    const letter = renderLetter(
      { variants: all },
      "en",
      { ...values, "state.name": "Chad\r\nBcc: x@example.org" },
      form,
    );
    expect(letter.subject).toBe("Dear: Chad Bcc: x@example.org");
  });
});

describe("the digest of what a template's letters say", () => {
  const AT = "2027-03-01T09:00:00.000Z";
  const template: Template = {
    id: "first-report-request-2027",
    kind: "first-report-request",
    description: "The 2027 letter",
    fallbackLanguage: "en",
    variants: { en: variant("Dear"), fr: { ...variant("Madame, Monsieur"), reviewed: false } },
    createdAt: AT,
    updatedAt: AT,
  };
  const digest = letterDigest(template);
  const withEnglish = (changes: Partial<TemplateVariant>): Template => ({
    ...template,
    variants: { ...template.variants, en: { ...variant("Dear"), ...changes } },
  });

  it("is a sha256 in hex", () => {
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("changes with a subject, a text, an HTML body, a language added or removed, and the fallback", () => {
    const changed = [
      withEnglish({ subject: "Reminder: {{state.name}}" }),
      withEnglish({ text: "Dear {{contact.name}}, please reply." }),
      withEnglish({ html: "<p>Dear {{contact.name}}.</p>" }),
      { ...template, variants: { ...template.variants, es: variant("ES") } },
      { ...template, variants: { en: variant("Dear") } },
      { ...template, fallbackLanguage: "fr" as const },
      { ...template, fallbackLanguage: undefined },
    ].map(letterDigest);
    expect(changed.every((other) => other !== digest)).toBe(true);
    expect(new Set(changed).size).toBe(changed.length);
  });

  it("stays the same for a description, kind, review flag or timestamp change", () => {
    expect(
      [
        { ...template, description: "Another description" },
        { ...template, kind: "other" as const },
        withEnglish({ reviewed: false }),
        { ...template, variants: { ...template.variants, fr: { ...variant("Madame, Monsieur"), reviewed: true } } },
        { ...template, updatedAt: "2027-03-02T09:00:00.000Z" },
      ].map(letterDigest),
    ).toEqual(Array(5).fill(digest));
  });

  it("does not depend on the order of the stored keys", () => {
    const reversed = (value: unknown): unknown =>
      value && typeof value === "object"
        ? Object.fromEntries(
            Object.entries(value)
              .reverse()
              .map(([key, inner]) => [key, reversed(inner)]),
          )
        : value;
    const reordered = reversed(template) as Template;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(template));
    expect(letterDigest(reordered)).toBe(digest);
  });
});
