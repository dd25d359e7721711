// The words the State's page shows for the API's codes (languages, kinds of submission, obligations' statuses, contact
// roles).
import type { components } from "../../api/schema";
import { LANGUAGE_NAMES } from "../../ui/language-names.ts";

type Schemas = components["schemas"];

type Language = Schemas["State"]["language"];

/** What a State's language of letters rests on, in words. */
export const BASIS_WORDS: Readonly<Record<Schemas["State"]["languageBasis"], string>> = {
  "official language": "an official language of the State",
  inferred: "a best guess, not yet confirmed",
  confirmed: "confirmed by the secretariat",
};
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

type Obligation = Schemas["Obligation"];

/**
 * The point of contact is kept, not submitted: the Committee asks each State to designate one and keep it current
 * (programme of work, Annex I), and its status follows the State's contacts, not documents received.
 */
const isPointOfContact = (obligation: Pick<Obligation, "kind">) => obligation.kind === "point-of-contact";

/** Whether the State must, or is asked to: the resolution encourages the voluntary submissions. */
export function mandatoryWords(obligation: Pick<Obligation, "kind" | "mandatory">): string {
  if (obligation.mandatory) return "yes";
  return isPointOfContact(obligation) ? "no, requested" : "no, encouraged";
}

/**
 * An obligation's status met by submissions: a voluntary one the State has not taken up is not "not applicable" to it
 * (the resolution encourages it), and a status the desk cannot derive yet says so.
 */
export const OBLIGATION_STATUSES: Readonly<Record<ObligationStatus, string>> = {
  outstanding: "outstanding: owed, not received",
  fulfilled: "fulfilled",
  "not-applicable": "none received (voluntary)",
  unknown: "not known yet",
};

/** The point of contact's status, from the State's contacts: requested, so never "owed". */
export const POINT_OF_CONTACT_STATUSES: Readonly<Record<ObligationStatus, string>> = {
  outstanding: "no current point of contact (none, stale or unreachable)",
  fulfilled: "a current point of contact",
  "not-applicable": "not asked",
  unknown: "not known yet",
};

export const obligationStatusWords = (obligation: Pick<Obligation, "kind" | "status">): string =>
  (isPointOfContact(obligation) ? POINT_OF_CONTACT_STATUSES : OBLIGATION_STATUSES)[obligation.status];

/** Shown where a column means nothing for the obligation (the submissions of a point of contact). */
export const NOT_COUNTED = "–";

/** The obligation's submissions and the last one's day; a point of contact has none to count. */
export function submissionWords(obligation: Obligation): { count: number | string; lastReceivedOn: string } {
  if (isPointOfContact(obligation)) return { count: NOT_COUNTED, lastReceivedOn: NOT_COUNTED };
  return { count: obligation.submissions, lastReceivedOn: obligation.lastReceivedOn ?? "" };
}

export const CONTACT_ROLES: Record<ContactRole, string> = {
  "capital-poc": "Point of contact in the capital",
  "mission-poc": "Point of contact at the Permanent Mission",
  "provider-poc": "Assistance provider's contact",
  "organization-poc": "Organization's point of contact",
  "permanent-mission": "Permanent Mission (address of record)",
};

/** A contact's e-mail status in words, as SES's reports and the correction form set it. */
export const EMAIL_STATUS_WORDS = {
  ok: "ok",
  bounced: "bounced",
  complained: "reported as spam",
  suppressed: "on SES's suppression list",
} as const satisfies Record<Schemas["Contact"]["emailStatus"], string>;

/** The code among `words`' keys that `value` names, if any: a select's value read back as the API's type. */
export function codeIn<Code extends string>(words: Readonly<Record<Code, string>>, value: string): Code | undefined {
  return (Object.keys(words) as Code[]).find((code) => code === value);
}
