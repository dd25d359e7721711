// A schema's refusal as the field issues a 422 lists, each at its path. A union whose input's own type picks one
// branch (a venue given as an object, not a string) reports that branch's faults at their paths, each language its
// own, instead of zod's one "Invalid input" at the union.
import type * as z from "zod";
import type { FieldIssue } from "./errors.ts";

type Issue = z.core.$ZodIssue;

/** A branch fails on its type when one of its issues says the input itself is not of the branch's type. */
const failsOnType = (branch: readonly Issue[]): boolean =>
  branch.some((issue) => issue.code === "invalid_type" && issue.path.length === 0);

function flat(issue: Issue): { path: PropertyKey[]; message: string }[] {
  if (issue.code === "invalid_union") {
    const ofItsType = issue.errors.filter((branch) => !failsOnType(branch));
    const [only] = ofItsType;
    if (ofItsType.length === 1 && only?.length) {
      return only.flatMap(flat).map((inner) => ({ path: [...issue.path, ...inner.path], message: inner.message }));
    }
  }
  return [{ path: issue.path, message: issue.message }];
}

/** Each issue of `error` at its path under `prefix` (e.g. "body"), joined with dots. */
export const fieldIssuesOf = (error: z.ZodError, ...prefix: string[]): FieldIssue[] =>
  error.issues
    .flatMap(flat)
    .map(({ path, message }) => ({ path: [...prefix, ...path.map(String)].join("."), message }));
