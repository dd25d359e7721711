// Where a preview's refusal is said (audit 34, item 12): at the form's field it names (the language, the State, the
// deadline), and in one alert under the form what no field shows: a value the form does not offer (a Chair's name, an
// organization's), or the refusal itself when it names no field. Pure, tested in Node.
import type { components } from "../../api/schema";
import { problemInFull } from "../../ui/problem-words.ts";

type Problem = components["schemas"]["Problem"];

/** The preview form's fields, by the request's path each gives. */
const PREVIEW_FIELDS = {
  language: "body.language",
  iso3: "body.iso3",
  deadline: "body.values.deadline",
} as const;

export type PreviewField = keyof typeof PREVIEW_FIELDS;

const AT_A_FIELD: ReadonlySet<string> = new Set(Object.values(PREVIEW_FIELDS));

/** The refusal's words for one of the form's fields, if it names that field. */
export const previewFieldProblem = (problem: Problem | undefined, field: PreviewField): string | undefined =>
  problem?.errors?.find((error) => error.path === PREVIEW_FIELDS[field])?.message;

/** What the alert under the form says: the refusal's field errors that no field shows, or the whole refusal. */
export function previewAlert(problem: Problem | undefined): string | undefined {
  if (!problem) return undefined;
  const errors = problem.errors ?? [];
  if (errors.length === 0) return problemInFull(problem);
  const elsewhere = errors.filter((error) => !AT_A_FIELD.has(error.path));
  return elsewhere.length > 0 ? elsewhere.map((error) => error.message).join("; ") : undefined;
}
