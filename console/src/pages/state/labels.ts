// The words the State's page shows for the API's codes (languages, kinds of submission, obligations' statuses, contact
// roles).
import type { components } from "../../api/schema";
import { LANGUAGE_NAMES } from "../../ui/language-names.ts";

type Schemas = components["schemas"];

type Language = Schemas["State"]["language"];
type SubmissionKind = Schemas["Submission"]["kind"];
type ObligationStatus = Schemas["Obligation"]["status"];
type ContactRole = Schemas["Contact"]["role"];

export const LANGUAGES: Readonly<Record<Language, string>> = LANGUAGE_NAMES;

export const SUBMISSION_KINDS: Record<SubmissionKind, string> = {
  "first-report": "First national report",
  "additional-information": "Additional information",
  "action-plan": "National implementation action plan",
  "matrix-review": "Matrix review",
  "effective-practices": "Effective practices",
  "assistance-feedback": "Assistance feedback",
};

/** An obligation by name: one per kind of submission, and the point of contact; a kind not named here as it is. */
export function obligationWords(kind: string): string {
  if (kind === "point-of-contact") return "Point of contact";
  const submission = codeIn(SUBMISSION_KINDS, kind);
  return submission ? SUBMISSION_KINDS[submission] : kind;
}

/**
 * An obligation's status: a voluntary one the State has not taken up is not "not applicable" to it (the resolution
 * encourages it), and a status the desk cannot derive yet says so.
 */
export const OBLIGATION_STATUSES: Record<ObligationStatus, string> = {
  outstanding: "outstanding: owed, not received",
  fulfilled: "fulfilled",
  "not-applicable": "none received (voluntary)",
  unknown: "not known yet",
};

export const CONTACT_ROLES: Record<ContactRole, string> = {
  "capital-poc": "Point of contact in the capital",
  "mission-poc": "Point of contact at the Permanent Mission",
  "provider-poc": "Assistance provider's contact",
  "organization-poc": "Organization's point of contact",
  "permanent-mission": "Permanent Mission (address of record)",
};

/** The code among `words`' keys that `value` names, if any: a select's value read back as the API's type. */
export function codeIn<Code extends string>(words: Readonly<Record<Code, string>>, value: string): Code | undefined {
  return (Object.keys(words) as Code[]).find((code) => code === value);
}
