import { describe, expect, it } from "vitest";
import { Invalid } from "#shared/errors.ts";
import { assertValidTemplate, MissingValues, renderLetter } from "#shared/templates/rules.ts";
import type { TemplateVariant } from "#shared/templates/schemas.ts";

const variant = (greeting: string): TemplateVariant => ({
  subject: `${greeting}: {{state.name}}`,
  text: `${greeting} {{contact.name}}, please reply by {{deadline}}.`,
  html: `<p>${greeting} {{contact.name}}, please reply by <b>{{ deadline }}</b>.</p>`,
});
const all = {
  ar: variant("AR"),
  zh: variant("ZH"),
  en: variant("Dear"),
  fr: variant("Madame, Monsieur"),
  ru: variant("RU"),
  es: variant("ES"),
};
const values = { "state.name": "Chad", "contact.name": "A. Officer", deadline: "30 April 2027" };

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
      { path: "body.variants.en.text", message: expect.stringContaining("unknown variable {{contact.nmae}}") },
      { path: "body.variants.en.html", message: expect.stringContaining("not closed") },
    ]);
  });

  it("does not take an inherited property name for a variable", () => {
    const issues = issuesOf(() =>
      assertValidTemplate({ fallbackLanguage: "en", variants: { en: { ...all.en, text: "{{constructor}}" } } }),
    );
    expect(issues[0]?.message).toContain("unknown variable {{constructor}}");
  });
});

describe("rendering a letter", () => {
  it("uses the recipient's language and escapes values in the HTML part only", () => {
    const letter = renderLetter({ variants: all }, "fr", { ...values, "contact.name": `<script>"x" & 'y'</script>` });
    expect(letter.language).toBe("fr");
    expect(letter.fellBack).toBe(false);
    expect(letter.html).toBe(
      "<p>Madame, Monsieur &lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;, please reply by <b>30 April 2027</b>.</p>",
    );
    expect(letter.text).toContain(`<script>"x" & 'y'</script>`);
    expect(letter.subject).toBe("Madame, Monsieur: Chad");
  });

  it("falls back to the declared language when the recipient's has no variant", () => {
    const letter = renderLetter({ variants: { en: all.en }, fallbackLanguage: "en" }, "zh", values);
    expect(letter).toMatchObject({ language: "en", fellBack: true, subject: "Dear: Chad" });
  });

  it("refuses to render a letter with a missing value rather than send a blank", () => {
    expect(() => renderLetter({ variants: all }, "en", { "state.name": "Chad" })).toThrow(MissingValues);
  });

  it("keeps a value from breaking the subject line into headers", () => {
    const letter = renderLetter({ variants: all }, "en", { ...values, "state.name": "Chad\r\nBcc: x@example.org" });
    expect(letter.subject).toBe("Dear: Chad Bcc: x@example.org");
  });
});
