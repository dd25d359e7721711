// The rules of templates: what makes one valid to save, and how a letter is rendered for one recipient.

import type { FieldIssue } from "../errors.ts";
import { Invalid } from "../errors.ts";
import { escapeHtml } from "../mail/html.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import type { NewTemplate, RenderedLetter, Template, TemplateVariant } from "./schemas.ts";
import { fillPlaceholders, placeholdersOf, type TemplateVariable } from "./variables.ts";

const UN_LANGUAGES: readonly UnLanguage[] = ["ar", "zh", "en", "fr", "ru", "es"];
const PARTS = ["subject", "text", "html"] as const;

/** Refuses, with every problem and its path, a template that could fail or fall silent when sent. */
export function assertValidTemplate(template: Pick<NewTemplate, "variants" | "fallbackLanguage">): void {
  const issues: FieldIssue[] = [];
  const present = UN_LANGUAGES.filter((language) => template.variants[language]);
  for (const language of present) {
    const variant = template.variants[language] as TemplateVariant;
    for (const part of PARTS) issues.push(...placeholdersOf(variant[part], `body.variants.${language}.${part}`).issues);
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

/** Thrown when a value a template needs is not known for a recipient: such a letter is not sent. */
export class MissingValues extends Invalid {
  constructor(readonly variables: TemplateVariable[]) {
    super(`No value for ${variables.map((name) => `{{${name}}}`).join(", ")}`, [
      { path: "values", message: `missing ${variables.join(", ")}` },
    ]);
  }
}

/** Picks the recipient's language, else the fallback; fills the values (HTML-escaped in the HTML part). */
export function renderLetter(
  template: Pick<Template, "variants" | "fallbackLanguage">,
  language: UnLanguage,
  values: Partial<Record<TemplateVariable, string>>,
): RenderedLetter {
  const own = template.variants[language];
  const chosen = own ? language : template.fallbackLanguage;
  const variant = chosen ? template.variants[chosen] : undefined;
  if (!chosen || !variant) throw new Invalid(`The template has no ${language} variant and no fallback`);
  const plain = (value: string) => value;
  const subject = fillPlaceholders(variant.subject, values, (value) => value.replace(/[\r\n]+/g, " "));
  const text = fillPlaceholders(variant.text, values, plain);
  const html = fillPlaceholders(variant.html, values, escapeHtml);
  const missing = [...new Set([...subject.missing, ...text.missing, ...html.missing])];
  if (missing.length) throw new MissingValues(missing);
  return { language: chosen, fellBack: !own, subject: subject.text, text: text.text, html: html.text };
}
