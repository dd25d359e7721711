// The rules of templates: what makes one valid to save, what its letters say (and their digest), and how a letter
// is rendered for one recipient.
import { createHash } from "node:crypto";
import type { FieldIssue } from "../errors.ts";
import { Invalid } from "../errors.ts";
import { textProblem } from "../http/body-text.ts";
import { directionOf, LANGUAGE_TAG, UN_LANGUAGES } from "../locale/languages.ts";
import { escapeHtml } from "../mail/html.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { formHtml, formParts, formText, type LetterForm } from "./letter-form.ts";
import type { NewTemplate, RenderedLetter, Template, TemplateVariant } from "./schemas.ts";
import { type LetterValues, type Part, renderValue } from "./values.ts";
import { fillPlaceholders, namesThePerson, placeholdersOf, type TemplateVariable } from "./variables.ts";

const PARTS = ["subject", "text", "html"] as const;

/** Refuses, with every problem and its path, a template that could fail or fall silent when sent. */
export function assertValidTemplate(template: Pick<NewTemplate, "variants" | "fallbackLanguage">): void {
  const issues: FieldIssue[] = [];
  const present = UN_LANGUAGES.filter((language) => template.variants[language]);
  for (const language of present) {
    const variant = template.variants[language] as TemplateVariant;
    for (const part of PARTS) {
      const path = `body.variants.${language}.${part}`;
      const problem = textProblem(variant[part], part === "subject" ? "one line" : "free text");
      if (problem) issues.push({ path, message: problem });
      issues.push(...placeholdersOf(variant[part], path, { subject: part === "subject" }).issues);
    }
  }
  if (!present.length) issues.push({ path: "body.variants", message: "give at least one language variant" });
  if (template.fallbackLanguage && !template.variants[template.fallbackLanguage]) {
    issues.push({
      path: "body.fallbackLanguage",
      message: `the fallback language ${template.fallbackLanguage} has no variant`,
    });
  }
  if (!template.fallbackLanguage) {
    const missing = UN_LANGUAGES.filter((language) => !template.variants[language]);
    if (missing.length && present.length) {
      issues.push({
        path: "body.variants",
        message: `missing ${missing.join(", ")}: give every UN language, or declare a fallbackLanguage`,
      });
    }
  }
  if (issues.length) throw new Invalid("The template cannot be saved", issues);
}

/**
 * What the template's letters say, and nothing else: each language's subject, text and HTML (null for a language it
 * lacks), in the UN's language order, and the fallback. Kind, description and review flags are not in it. Arrays in a
 * fixed order, so the JSON is canonical however the template's keys were ordered when stored.
 */
function lettersOf({ variants, fallbackLanguage }: Pick<Template, "variants" | "fallbackLanguage">) {
  return [
    fallbackLanguage ?? null,
    UN_LANGUAGES.map((language) => {
      const variant = variants[language];
      return variant ? [variant.subject, variant.text, variant.html] : null;
    }),
  ];
}

/**
 * The sha256 (hex) of what the template's letters say: equal exactly when the letters are. A wave keeps it from the
 * moment it is scheduled (ADR 0015), so changing what `lettersOf` reads changes every stored digest: dispatch would
 * then halt every waiting wave.
 */
export const letterDigest = (template: Pick<Template, "variants" | "fallbackLanguage">): string =>
  createHash("sha256")
    .update(JSON.stringify(lettersOf(template)))
    .digest("hex");

/** Every variable the template names, in any language and part. */
export function variablesOf(template: Pick<Template, "variants">): Set<TemplateVariable> {
  const names = new Set<TemplateVariable>();
  for (const variant of Object.values(template.variants)) {
    if (!variant) continue;
    for (const part of PARTS) for (const name of placeholdersOf(variant[part], "").names) names.add(name);
  }
  return names;
}

/** The recipient's own variables a subject names in any language: none in a template saved since ADR 0048's rule. */
export function personInSubject(template: Pick<Template, "variants">): TemplateVariable[] {
  const subjects = Object.values(template.variants).flatMap((variant) => (variant ? [variant.subject] : []));
  return [...new Set(subjects.flatMap((subject) => placeholdersOf(subject, "").names.filter(namesThePerson)))];
}

/**
 * Thrown when a value a template needs is not known for a recipient: such a letter is not sent, and its message is the
 * ledger's reason. A preview says it at the request's fields instead (preview-refusal.ts).
 */
export class MissingValues extends Invalid {
  constructor(readonly variables: TemplateVariable[]) {
    super(`No value for ${variables.map((name) => `{{${name}}}`).join(", ")}`);
  }
}

/** The letter's HTML document: it declares its language and direction, so Arabic reads right to left. */
function htmlDocument(language: UnLanguage, subject: string, body: string): string {
  return [
    "<!DOCTYPE html>",
    `<html lang="${LANGUAGE_TAG[language]}" dir="${directionOf(language)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body>\n${body}\n</body>`,
    "</html>",
  ].join("\n");
}

/** The language a recipient's letter is written in: theirs when the template has it, else the template's fallback. */
export const letterLanguageOf = (template: Pick<Template, "variants" | "fallbackLanguage">, language: UnLanguage) =>
  template.variants[language] ? language : (template.fallbackLanguage ?? language);

/**
 * Picks the recipient's language, else the fallback; fills the values rendered in that language (HTML-escaped in
 * the HTML part) and puts the body inside the Committee's form.
 */
export function renderLetter(
  template: Pick<Template, "variants" | "fallbackLanguage">,
  language: UnLanguage,
  values: LetterValues,
  form: LetterForm,
): RenderedLetter {
  const chosen = letterLanguageOf(template, language);
  const variant = template.variants[chosen];
  if (!variant) throw new Invalid(`The template has no ${language} variant and no fallback`);
  const fill = (part: Part) => fillPlaceholders(variant[part], (name) => renderValue(name, values[name], chosen, part));
  const subject = fill("subject");
  const text = fill("text");
  const html = fill("html");
  const missing = [...new Set([...subject.missing, ...text.missing, ...html.missing])];
  if (missing.length) throw new MissingValues(missing);
  const { before, after } = formParts(form, chosen);
  return {
    language: chosen,
    fellBack: chosen !== language,
    lang: LANGUAGE_TAG[chosen],
    dir: directionOf(chosen),
    subject: subject.text,
    text: [formText(before), text.text, formText(after)].join("\n\n"),
    html: htmlDocument(chosen, subject.text, [formHtml(before), html.text, formHtml(after)].join("\n")),
  };
}
