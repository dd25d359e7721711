// Copying a letter template under a new id (POST /templates, secretariat), so that an officer adapts a general letter
// (the programme's outreach letter) on the copy's page: the id suggested (never one that exists), the body posted (the
// template as read, all but its id and dates), and the form's refusals at its id field: the API's id rules before
// sending (shared/templates/template-id.ts, the schema's own), and a taken id (known before sending, or the API's
// 409) in words. Pure, tested in Node.
import {
  TEMPLATE_ID_MAX_LENGTH as ID_MAX_LENGTH,
  TEMPLATE_ID_WORDS as ID_WORDS,
  RESERVED_TEMPLATE_ID as RESERVED_ID,
} from "../../../../shared/templates/template-id.ts";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];

export interface CopyForm {
  id: string;
  description: string;
}

/** The fields the form lays out: the API's 422 paths name them. */
export const COPY_FIELDS = ["id", "description"] as const;

/** The id rules, as the form says them beside the field before anything is sent. */
export const ID_RULES =
  `Lower-case letters (a-z) and digits, in words joined by single hyphens, at most ${ID_MAX_LENGTH} characters, ` +
  "e.g. outreach-letter-chad-2026. It cannot be changed once the template is created.";

/** Why the API would refuse `id` as a new template's id, in words; nothing when its rules take it. */
export function idRuleProblem(id: string): string | undefined {
  if (id === "") return "Give the new template an id.";
  if (id.length > ID_MAX_LENGTH) return `An id is at most ${ID_MAX_LENGTH} characters; this one has ${id.length}.`;
  if (!ID_WORDS.test(id)) {
    return (
      "An id is lower-case letters (a-z) and digits in words joined by single hyphens: no spaces, capitals, " +
      "accents or other signs, and no hyphen first or last."
    );
  }
  if (id === RESERVED_ID) return `“${RESERVED_ID}” is kept by the API for the list of template variables.`;
  return undefined;
}

/** `stem` then `tail`, the stem cut (and no hyphen left at the cut) so that the id keeps within the API's length. */
function within(stem: string, tail: string): string {
  const room = ID_MAX_LENGTH - tail.length;
  return stem.length <= room ? `${stem}${tail}` : `${stem.slice(0, room).replace(/-+$/, "")}${tail}`;
}

/** The first of `<stem><tail>`, `<stem><tail>-2`, `<stem><tail>-3`… that no template has. */
function freeId(stem: string, tail: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const id = within(stem, n === 1 ? tail : `${tail}-${n}`);
    if (!taken.has(id)) return id;
  }
}

/** The id the form suggests for a copy of `original`: `<original>-copy`, or the next free one after it. */
export const suggestedCopyId = (original: string, taken: ReadonlySet<string>): string =>
  freeId(original, "-copy", taken);

/** The form as it opens: the suggested id and the template's own description, for the officer to adapt. */
export const copyFormOf = (template: Schemas["Template"], taken: ReadonlySet<string>): CopyForm => ({
  id: suggestedCopyId(template.id, taken),
  description: template.description ?? "",
});

/** The id as it is sent: what was typed, without the spaces around it. */
export const copyIdOf = (form: CopyForm): string => form.id.trim();

/**
 * The new template: the one read, whole (kind, fallback, every variant with its review mark, so a translation not yet
 * reviewed stays marked), under the new id with the description typed (none when emptied); its dates are the API's.
 */
export function copyBody(template: Schemas["Template"], form: CopyForm): Schemas["NewTemplate"] {
  const { kind, fallbackLanguage, variants } = template;
  const description = form.description.trim();
  return {
    id: copyIdOf(form),
    kind,
    ...(description ? { description } : {}),
    ...(fallbackLanguage ? { fallbackLanguage } : {}),
    variants,
  };
}

/** A taken id in words, with the next free one to try. */
const takenIdWords = (id: string, taken: ReadonlySet<string>): string =>
  `A template with the id “${id}” exists already: choose another, e.g. ${freeId(id, "", new Set([...taken, id]))}.`;

const refusedAtId = (title: string, status: number, message: string): Problem => ({
  type: "about:blank",
  title,
  status,
  errors: [{ path: "body.id", message }],
});

/** The form's refusal before sending, at the id field as the API's 422 would be; nothing when it may go. */
export function copyRefusal(form: CopyForm, taken: ReadonlySet<string>): Problem | undefined {
  const id = copyIdOf(form);
  const problem = idRuleProblem(id) ?? (taken.has(id) ? takenIdWords(id, taken) : undefined);
  return problem === undefined ? undefined : refusedAtId("The new template's id cannot be used", 422, problem);
}

/**
 * The API's refusal as the form shows it: its 409 (the id was taken meanwhile, by a colleague or a second press) said
 * at the id field in words, since the API's names no field; any other kept as it came.
 */
export const copyProblemOf = (problem: Problem, form: CopyForm, taken: ReadonlySet<string>): Problem =>
  problem.status === 409 ? refusedAtId(problem.title, 409, takenIdWords(copyIdOf(form), taken)) : problem;
