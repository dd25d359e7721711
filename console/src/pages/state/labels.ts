// The words the State's page shows for the API's codes (languages, kinds of submission, contact roles).
import type { components } from "../../api/schema";
import { LANGUAGE_NAMES } from "../../ui/language-names.ts";

type Schemas = components["schemas"];

type Language = Schemas["State"]["language"];
type SubmissionKind = Schemas["Submission"]["kind"];
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
