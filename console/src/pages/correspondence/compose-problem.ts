// Where the composer says a refusal: each error at the field that shows it, until that field's value changes; every
// other error above the form, so that no refusal is silent; and, when the API names a field the form does not draw,
// the templates read again (a colleague may have changed the template since the composer read it). Pure, so it is
// tested in Node.
import type { components } from "../../api/schema";
import { problemInFull } from "../../ui/problem-words.ts";
import { andList } from "../../ui/word-list.ts";
import { briefingNamed, briefingNewlyAsked } from "./compose-fields.ts";

type Problem = components["schemas"]["Problem"];
type Template = components["schemas"]["Template"];

/** The paths of the fields changed since `of`, the refusal they answer, was given; a path covers those under it. */
export interface Edits {
  of: Problem | undefined;
  paths: ReadonlySet<string>;
}

export const NO_EDITS: Edits = { of: undefined, paths: new Set() };

/** The edits once the fields at `paths` change while `problem` stands: a new refusal starts them afresh. */
export function editsAfter(edits: Edits, problem: Problem | undefined, paths: readonly string[]): Edits {
  const before = edits.of === problem ? [...edits.paths] : [];
  return { of: problem, paths: new Set([...before, ...paths]) };
}

/** What still stands of `problem`: the errors at fields unchanged since; nothing once each error's field changed. */
export function problemStanding(problem: Problem | undefined, edits: Edits): Problem | undefined {
  if (!problem?.errors?.length || edits.of !== problem) return problem;
  const changed = [...edits.paths];
  const errors = problem.errors.filter(({ path }) => !changed.some((at) => path === at || path.startsWith(`${at}.`)));
  return errors.length > 0 ? { ...problem, errors } : undefined;
}

/** The errors of `problem` no field in `shown` carries (a path is named with its `body.` or without). */
const unshownErrors = (problem: Problem, shown: ReadonlySet<string>) =>
  (problem.errors ?? []).filter(({ path }) => !shown.has(path) && !shown.has(`body.${path}`));

/**
 * Whether to read the templates again: the API refused the wave at a field the form does not draw, as when the
 * template now names a briefing value it did not name when the composer read it.
 */
export const namesUndrawnField = (problem: Problem, shown: ReadonlySet<string>): boolean =>
  problem.status === 422 && unshownErrors(problem, shown).length > 0;

/** A field error said alone: its message as a sentence, without the field's name. */
const errorAlone = ({ message }: { message: string }) => (/[.!?]$/.test(message) ? message : `${message}.`);

/**
 * The words above the fields: what changed in the template, then the refusal with each error no field shows (one
 * naming no field, a 409 or a failed request, in full). An error at a path the composer knows but draws no field for
 * (`known`: the rest's halted wave) is said in its own words, without HTTP's title and the field's name: a colleague
 * who has just written the same rest is news for the officer, not a fault in the request (audit 33, item 7). Nothing
 * when each error is said at its field.
 */
export function aboveTheFields(
  standing: Problem | undefined,
  shown: ReadonlySet<string>,
  templateNews: string | undefined,
  known: ReadonlySet<string> = shown,
): string | undefined {
  if (!standing) return undefined;
  const unshown = unshownErrors(standing, shown);
  const alone = unshown.filter(({ path }) => known.has(path));
  const inFull = unshown.filter(({ path }) => !known.has(path));
  const refusal =
    !standing.errors?.length || inFull.length > 0 ? problemInFull({ ...standing, errors: inFull }) : undefined;
  return [templateNews, ...alone.map(errorAlone), refusal].filter(Boolean).join(" ") || undefined;
}

/**
 * What to say when the template read again is not the one the composer opened with, and the briefing values it now
 * asks for; nothing when it is unchanged.
 */
export function templateChangeNews(
  before: Pick<Template, "id" | "updatedAt" | "variants"> | undefined,
  after: Pick<Template, "id" | "updatedAt" | "variants"> | undefined,
): string | undefined {
  if (!before || !after || before.updatedAt === after.updatedAt) return undefined;
  const changed = `The template ${after.id} changed since this composer opened`;
  const asked = briefingNewlyAsked(briefingNamed(before), briefingNamed(after));
  return asked.length > 0 ? `${changed}: its letters now name ${andList(asked)}, asked below.` : `${changed}.`;
}
