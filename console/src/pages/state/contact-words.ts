// How the Contacts panel words a contact's standing, what SES reported about its address, and what a reading again
// after a refused write found: changed meanwhile (a bounce, say), or deactivated by a colleague, which ends the form.
// Pure (types only from the generated schema), tested in Node (test/unit/console-contact-words.test.ts).
import type { components } from "../../api/schema";
import { LANGUAGES } from "./labels.ts";

type Schemas = components["schemas"];
type Contact = Schemas["Contact"];

/** The writes the panel makes on a contact, as "Your … was not saved" names them. */
export type ContactWrite = "correction" | "verification" | "deactivation";

/** What SES reported about the address, dated when the record has the day; nothing while it is ok. */
export function emailStatusWords(contact: Pick<Contact, "emailStatus" | "emailStatusOn">): string {
  const on = contact.emailStatusOn ? ` on ${contact.emailStatusOn}` : "";
  switch (contact.emailStatus) {
    case "ok":
      return "";
    case "bounced":
      return `a letter to it bounced${on}`;
    case "complained":
      return `its recipient marked a letter as spam${on}`;
    case "suppressed":
      return `SES put the address on its suppression list${on}`;
  }
}

/**
 * Where a contact stands: deactivated; or current or stale, and said first when the desk cannot write to it (an
 * address that bounced is no working point of contact, however recently verified).
 */
export function contactStanding(contact: Contact): string {
  if (!contact.active) return `deactivated ${contact.deactivatedOn ?? ""}`.trim();
  if (contact.emailStatus === "ok") return contact.stale ? "stale (not verified for 12 months)" : "current";
  const verified = contact.stale ? "; not verified for 12 months" : "";
  return `unreachable by e-mail: ${emailStatusWords(contact)}${verified}`;
}

/**
 * After a refused write, the contact as it stands now, with what SES reported since the list was read (that is a
 * change no colleague can tell the reader about): what the reader checks before acting again.
 */
export function nowOnRecord(listed: Pick<Contact, "emailStatus">, contact: Contact): string {
  const reported = contact.emailStatus !== "ok" && contact.emailStatus !== listed.emailStatus;
  const since = reported ? `Since the list was read, ${emailStatusWords(contact)}. ` : "";
  return (
    `${since}Now on record for ${contact.name}: ${contact.email}${contact.phone ? `, ${contact.phone}` : ""}, ` +
    `${contact.title ? `${contact.title}, ` : ""}letters in ${LANGUAGES[contact.language]}, last verified ` +
    `${contact.lastVerifiedOn} (${contactStanding(contact)}). Act again if these are right.`
  );
}

/** The API's refusal of a write to a deactivated contact, named by the problem's `reason`. */
export const refusedAsDeactivated = (problem: Pick<Schemas["Problem"], "status" | "reason"> | undefined): boolean =>
  problem?.status === 409 && problem.reason === "contact-deactivated";

/**
 * A contact found deactivated when read again: by whom (a colleague, when the record does not say), on which day,
 * why, and that the reader's write was not saved. Nothing is left to write: the form closes.
 */
export function deactivatedMeanwhileWords(contact: Contact, write: ContactWrite): string {
  const by = `by ${contact.deactivatedBy ?? "a colleague"}`;
  const when = contact.deactivatedOn ? ` on ${contact.deactivatedOn}` : "";
  const why = contact.deactivationReason ? `: ${contact.deactivationReason}` : "";
  return `${contact.name} was deactivated ${by}${when}${why}. Your ${write} was not saved: a deactivated contact is history.`;
}
