// A refusal in words for the person who met it: the problem's title and detail, the field errors it names where no
// field shows them, and the API's stale-write refusal (412) said plainly, since its detail speaks of ETags.
// Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";

type Problem = components["schemas"]["Problem"];
type FieldError = NonNullable<Problem["errors"]>[number];

/**
 * The API's own 412 (shared/http/problem.ts). The console's own refusals of a stale write (a contact changed since
 * the list was read, a match moved since shown) are worded for people already, and keep their words.
 */
const API_STALE_TYPE = "/problems/precondition-failed";

/** What a stale write's refusal says; the form that shows it offers the way on (read again, save again). */
export const STALE_WORDS = "Someone else changed this since you opened it";

/** The API's 409: its title is HTTP's word, and its detail a whole sentence saying what conflicts. */
const API_CONFLICT_TYPE = "/problems/conflict";

/**
 * A problem in one line: its title and detail (the API's 409 its detail alone), or the plain words of a stale write's
 * refusal.
 */
export function problemWords(problem: Problem): string {
  if (problem.status === 412 && problem.type === API_STALE_TYPE) return STALE_WORDS;
  if (problem.type === API_CONFLICT_TYPE && problem.detail) return problem.detail;
  return [problem.title, problem.detail].filter(Boolean).join(": ");
}

/** A field error with the field it names, without the part of the request (`query.q` is `q`, `body.name` `name`). */
const fieldErrorWords = ({ path, message }: FieldError): string =>
  `${path.replace(/^(?:body|query|params)\./, "")}: ${message}`;

/**
 * A problem in one line with each field error it names: for a place where no field shows them (a page's reading, a
 * form that has none of the fields named).
 */
export function problemInFull(problem: Problem): string {
  const fields = (problem.errors ?? []).map(fieldErrorWords);
  const words = problemWords(problem);
  return fields.length > 0 ? `${words} (${fields.join("; ")})` : words;
}
