// The variables a letter may use, and the `{{name}}` placeholder syntax: parsed strictly, so a typo fails on save.
import type { FieldIssue } from "../errors.ts";

/** Every variable a template may name, with what it stands for (shown in the API's documentation). */
export const templateVariables = {
  "state.name": "The State's UN short name",
  "state.iso3": "The State's ISO 3166-1 alpha-3 code",
  "organization.name": "The organization's name (letters to organizations)",
  "organization.acronym": "The organization's acronym",
  "contact.name": "The recipient's name",
  "contact.title": "The recipient's title",
  "contact.agency": "The recipient's agency or ministry",
  deadline: "The date by which the Committee asks for an answer",
  "committee.chair": "The name of the Committee's Chair",
  "committee.name": "The Committee's name",
  "wave.sendDate": "The date the letter is sent",
} as const;

export type TemplateVariable = keyof typeof templateVariables;
export const isTemplateVariable = (name: string): name is TemplateVariable => Object.hasOwn(templateVariables, name);

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The variables a text names, or the problems with its placeholders (unknown names, unbalanced braces). */
export function placeholdersOf(text: string, path: string): { names: TemplateVariable[]; issues: FieldIssue[] } {
  const names: TemplateVariable[] = [];
  const issues: FieldIssue[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] ?? "";
    if (isTemplateVariable(name)) names.push(name);
    else
      issues.push({
        path,
        message: `unknown variable {{${name}}}; known: ${Object.keys(templateVariables).join(", ")}`,
      });
  }
  const leftover = text.replace(PLACEHOLDER, "");
  if (leftover.includes("{{") || leftover.includes("}}")) {
    issues.push({ path, message: "a placeholder is not closed: write {{name}}" });
  }
  return { names, issues };
}

/** Replaces each placeholder with its value, passed through `encode` (HTML-escaping for the HTML part). */
export function fillPlaceholders(
  text: string,
  values: Partial<Record<TemplateVariable, string>>,
  encode: (value: string) => string,
): { text: string; missing: TemplateVariable[] } {
  const missing: TemplateVariable[] = [];
  const filled = text.replace(PLACEHOLDER, (_, raw: string) => {
    const name = raw.trim() as TemplateVariable;
    const value = values[name];
    if (value === undefined) {
      missing.push(name);
      return "";
    }
    return encode(value);
  });
  return { text: filled, missing };
}
