// The variables a letter may use, each with a type, and the placeholder syntax: `{{name}}` puts text, `{{name|date}}`
// a date and `{{name|time}}` a time in the letter's language, `{{name|list}}` a list. Parsed strictly on save, so a
// typo, or a date put where text is expected (or the reverse), fails with its path; rendered leniently, so a template
// saved before the types existed (`{{deadline}}`) still renders its date in the letter's language.
import type { Owner } from "../contacts/owner.ts";
import type { Audience } from "../correspondence/audience-names.ts";
import type { FieldIssue } from "../errors.ts";

export type VariableType = "text" | "date" | "time" | "list";

/** Whom a letter must be about for the variable to have a value: a State's letters have no organization, and back. */
type OwnerKind = Owner["kind"];

interface VariableSpec {
  type: VariableType;
  description: string;
  ownedBy?: OwnerKind;
  /** The one audience whose dispatch reads the variable's value; letters to any other cannot have it. */
  filledFor?: Audience;
  /** The recipient's own data (ADR 0048): the secretariat's alone to read, so never in a subject others read. */
  person?: true;
}

const text = (description: string, ownedBy?: OwnerKind): VariableSpec => ({
  type: "text",
  description,
  ...(ownedBy ? { ownedBy } : {}),
});
const date = (description: string): VariableSpec => ({ type: "date", description });
const person = (description: string): VariableSpec => ({ type: "text", description, person: true });

/** Every variable a template may name: its type and what it stands for (GET /templates/variables). */
export const templateVariables = {
  "state.name": text(
    "The State's short name in the letter's language (UN short name, else CLDR), for a subject or list",
    "state",
  ),
  "state.nameInText": text(
    'The State\'s name as a sentence writes it: in English with its article ("the Gambia"), and in every language ' +
      'a name the UN lists with its qualifier after it as its formal name ("the Islamic Republic of Iran")',
    "state",
  ),
  "state.iso3": text("The State's ISO 3166-1 alpha-3 code", "state"),
  "organization.name": text("The organization's name (letters to organizations)", "organization"),
  "organization.acronym": text("The organization's acronym", "organization"),
  "contact.name": person("The recipient's name (not in a subject)"),
  "contact.title": person("The recipient's title (not in a subject)"),
  "contact.agency": person("The recipient's agency or ministry (not in a subject)"),
  "contacts.onRecord": {
    type: "list",
    description:
      "The State's (or organization's) active points of contact on record, read at dispatch; in a letter to an " +
      "owner with none, a sentence saying so",
  },
  "offers.onRecord": {
    type: "list",
    description:
      "The assistance offers recorded in the name of the State (or organization), each with its areas, its period of " +
      "validity and the day it was last updated, in the letter's language; read at dispatch; in a letter to an owner " +
      "with none, a sentence saying so",
  },
  "assistance.followUps": {
    type: "list",
    description:
      "The State's pending assistance requests whose one-year follow-up letter is owed, each as its symbol and the " +
      "date it was received in the letter's language; read at dispatch, for the audience states-with-follow-up-due only",
    ownedBy: "state",
    filledFor: "states-with-follow-up-due",
  },
  deadline: date("The date by which the Committee asks for an answer (the wave's deadline)"),
  "briefing.date": date("The day of the briefing or meeting the letter invites to (the wave's values)"),
  "briefing.time": { type: "time", description: "Its starting time, New York time (the wave's values)" },
  "briefing.venue": text("Where it is held (the wave's values, in each language or one for all)"),
  "committee.chair": text("The name of the Committee's Chair (configured per year, or the wave's chair)"),
  "committee.name": text("The Committee's name in the letter's language"),
  "wave.sendDate": date("The date the letter is sent"),
} as const satisfies Record<string, VariableSpec>;

export type TemplateVariable = keyof typeof templateVariables;
/** The variables whose value is a list (each needs a sentence for when it is empty: letter-form.ts). */
export type ListVariable = {
  [Name in TemplateVariable]: (typeof templateVariables)[Name]["type"] extends "list" ? Name : never;
}[TemplateVariable];
export const isTemplateVariable = (name: string): name is TemplateVariable => Object.hasOwn(templateVariables, name);
export const typeOf = (name: TemplateVariable): VariableType => templateVariables[name].type;
export const isListVariable = (name: TemplateVariable): name is ListVariable => typeOf(name) === "list";
/** The kind of owner whose letters give the variable a value; undefined for one every letter has. */
export const ownerKindOf = (name: TemplateVariable): OwnerKind | undefined =>
  (templateVariables[name] as VariableSpec).ownedBy;

/** The one audience whose letters have the variable, when only one does (its value is read for that audience). */
export const audienceOf = (name: TemplateVariable): Audience | undefined =>
  (templateVariables[name] as VariableSpec).filledFor;

/** Whether the variable is the recipient's own data, which a subject must not carry. */
export const namesThePerson = (name: TemplateVariable): boolean =>
  (templateVariables[name] as VariableSpec).person === true;

const FORMATS: readonly VariableType[] = ["date", "time", "list"];
const isFormat = (name: string): name is VariableType => (FORMATS as readonly string[]).includes(name);

/** Why a subject may not name the recipient, for the template's 422 and a wave's. */
export const PERSON_IN_SUBJECT =
  "a subject is read by experts and members, and a person's name, title and agency are the secretariat's alone: " +
  "name the recipient in the letter's text";

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;

const written = (name: string, type: VariableType) => (type === "text" ? `{{${name}}}` : `{{${name}|${type}}}`);

export interface PlaceholderOptions {
  /**
   * A subject is one line, so a list cannot go there; and experts and members read every letter's subject on a wave's
   * page, so the recipient's name, title or agency cannot either (ADR 0048).
   */
  subject?: boolean;
}

/** The variables a text names, or the problems with its placeholders: unknown names, wrong types, open braces. */
export function placeholdersOf(
  text: string,
  path: string,
  { subject = false }: PlaceholderOptions = {},
): { names: TemplateVariable[]; issues: FieldIssue[] } {
  const names: TemplateVariable[] = [];
  const issues: FieldIssue[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const [placeholder, name = "", format] = match;
    if (!isTemplateVariable(name)) {
      issues.push({
        path,
        message: `${placeholder}: unknown variable ${name}; known: ${Object.keys(templateVariables).join(", ")}`,
      });
      continue;
    }
    names.push(name);
    const type = typeOf(name);
    const expected: VariableType | undefined = format === undefined ? "text" : isFormat(format) ? format : undefined;
    if (!expected) {
      issues.push({ path, message: `${placeholder}: unknown format ${format}; write ${written(name, type)}` });
    } else if (expected !== type) {
      const where = expected === "text" ? "where text is expected" : `where a ${expected} is expected`;
      issues.push({
        path,
        message: `${placeholder}: ${name} is a ${type}, put ${where}; write ${written(name, type)}`,
      });
    } else if (type === "list" && subject) {
      issues.push({ path, message: `${placeholder}: a list cannot go in a subject` });
    } else if (subject && namesThePerson(name)) {
      issues.push({ path, message: `${placeholder}: ${PERSON_IN_SUBJECT}` });
    }
  }
  const leftover = text.replace(PLACEHOLDER, "");
  if (leftover.includes("{{") || leftover.includes("}}")) {
    issues.push({ path, message: "a placeholder is not closed: write {{name}}" });
  }
  return { names, issues };
}

/** Replaces each placeholder with what `render` makes of its variable; names without a value are reported. */
export function fillPlaceholders(
  text: string,
  render: (name: TemplateVariable) => string | undefined,
): { text: string; missing: TemplateVariable[] } {
  const missing: TemplateVariable[] = [];
  const filled = text.replace(PLACEHOLDER, (placeholder, raw: string, _filter: string | undefined, at: number) => {
    const name = raw.trim() as TemplateVariable;
    const value = isTemplateVariable(name) ? render(name) : undefined;
    if (value === undefined) {
      missing.push(name);
      return "";
    }
    // A value that ends a sentence with its own full stop ("4 марта 2027 г.", "Acme Inc.") takes the sentence's.
    return value.endsWith(".") && text[at + placeholder.length] === "." ? value.slice(0, -1) : value;
  });
  return { text: filled, missing };
}
