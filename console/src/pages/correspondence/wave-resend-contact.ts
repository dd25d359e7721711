// What the resend question says of the letter's contact as it is now, and how a refusal after the press reads: the
// API sends a letter again to its contact's current address, and refuses one deactivated since or no longer written
// to (shared/waves/resend-contact.ts). Pure, tested in Node.

import { possessive } from "../../../../shared/possessive.ts";
import { type ContactNow, resendAddress } from "../../../../shared/waves/resend-contact.ts";
import type { components } from "../../api/schema";
import { problemWords } from "../../ui/problem-words.ts";

type Problem = components["schemas"]["Problem"];

/** The contact as read when the question opened: found, gone (404), or not known (no contact, or the read failed). */
export type ContactRead = { contact: ContactNow } | { gone: true } | undefined;

/** Where the letter would go now, and what changed since it was written; `allowed: false` when it cannot go. */
export interface ContactOutlook {
  allowed: boolean;
  /** The address it goes to now, when known. */
  email: string | undefined;
  /** What changed, in words; empty when nothing did. */
  words: string;
}

/** The API's own rule (resendAddress) on the contact as read, in the question's words. */
export function contactOutlook(letterEmail: string | undefined, read: ContactRead): ContactOutlook {
  if (!read) return { allowed: true, email: letterEmail, words: "" };
  const contact = "gone" in read ? undefined : read.contact;
  const address = resendAddress({ email: letterEmail, contactId: "read" }, contact);
  if ("refused" in address) {
    return {
      allowed: false,
      email: contact?.email ?? letterEmail,
      words: `It cannot be sent again: ${address.refused}.`,
    };
  }
  const words = address.changedFrom
    ? `${possessive(contact?.name ?? "Its contact")} address is now ${address.email} (the letter went to ${address.changedFrom}): the letter goes there.`
    : "";
  return { allowed: true, email: address.email, words };
}

/**
 * A refusal after the press: the API's 409 in its own words (it names the recipient and why); any other problem
 * under the name the page gives the letter's owner.
 */
export function resendRefusalWords(problem: Problem, name: string): string {
  if (problem.status === 409 && problem.detail) return `${problem.detail}.`;
  return `The letter to ${name} was not sent again: ${problemWords(problem)}`;
}
