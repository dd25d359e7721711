// Which audiences' letters can fill a variable: a variable only one kind of owner has (a State's name) needs an
// audience that writes to that kind alone, and one only a single audience's dispatch fills needs that audience. A
// module with only pure imports, so the wave composer (console) offers exactly the audiences the API's letter check
// (letter-check.ts) takes.
import type { Owner } from "../contacts/owner.ts";
import type { Audience } from "../correspondence/audience-names.ts";
import { audienceOf, ownerKindOf, type TemplateVariable } from "../templates/variables.ts";

/**
 * Whom each audience writes to (shared/correspondence/audiences.ts, ownersOf). Typed by Audience, so a new audience
 * does not compile until it says whom it writes to.
 */
export const AUDIENCE_OWNERS: Readonly<Record<Audience, readonly Owner["kind"][]>> = {
  "non-reporting-states": ["state"],
  "reporting-states": ["state"],
  "all-states": ["state"],
  "states-without-current-poc": ["state"],
  "states-with-pending-requests": ["state"],
  "states-with-follow-up-due": ["state"],
  organizations: ["organization"],
  "assistance-providers": ["state", "organization"],
  "stale-providers": ["state", "organization"],
};

/** The kinds of owner `audience` writes to whose letters lack `variable` (none: every letter has it). */
export function ownersWithout(variable: TemplateVariable, audience: Audience): Owner["kind"][] {
  const needs = ownerKindOf(variable);
  return needs ? AUDIENCE_OWNERS[audience].filter((kind) => kind !== needs) : [];
}

/** Whether every letter of `audience` can fill `variable`. */
export const audienceFills = (variable: TemplateVariable, audience: Audience): boolean =>
  ownersWithout(variable, audience).length === 0 && [undefined, audience].includes(audienceOf(variable));
