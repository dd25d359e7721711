// Who a letter sent again goes to: its contact as it stands now (not the address the ledger kept at dispatch), named
// in words, and whether that contact may still be written to. No schema library and the shapes written out: the
// console's question says the same from the contact it reads (console/src/pages/correspondence/wave-resend-contact.ts).

/** What the rule reads of the contact (shared/contacts/schemas.ts `Contact`). */
export interface ContactNow {
  /** A Permanent Mission's address may have none. */
  name?: string | undefined;
  /** Absent only where the reader may not see it (ADR 0048): the secretariat, who resend, always may. */
  email?: string | undefined;
  active: boolean;
  deactivatedOn?: string | undefined;
  deactivatedBy?: string | undefined;
  deactivationReason?: string | undefined;
  emailStatus: "ok" | "bounced" | "complained" | "suppressed";
}

/** The address a resend writes to (and the one the letter had, when the contact's e-mail changed since), or why not. */
export type ResendAddress = { email: string; changedFrom?: string | undefined } | { refused: string };

const UNUSABLE: Record<Exclude<ContactNow["emailStatus"], "ok">, string> = {
  bounced: "bounced a letter",
  complained: "was reported by its recipient as spam",
  suppressed: "is on SES's suppression list",
};

/**
 * Where the letter goes now: the contact's current address, unless the contact was deactivated (or is gone) or its
 * address is one letters are no longer sent to (the same rule as the audience's, audiences.ts). A letter that names
 * no contact (dispatch names one on every letter it sends) keeps the address it has.
 */
export function resendAddress(
  message: { email?: string | undefined; contactId?: string | undefined },
  contact: ContactNow | undefined,
): ResendAddress {
  if (!message.contactId) return message.email ? { email: message.email } : { refused: "it has no address" };
  if (!contact) return { refused: "its contact is no longer on record" };
  const name = contact.name ?? "its contact";
  if (!contact.active) {
    const when = contact.deactivatedOn ? ` on ${contact.deactivatedOn}` : "";
    const by = contact.deactivatedBy ? ` by ${contact.deactivatedBy}` : "";
    const why = contact.deactivationReason ? ` (${contact.deactivationReason})` : "";
    return { refused: `${name} was deactivated${when}${by}${why}: a deactivated contact is not written to` };
  }
  if (contact.emailStatus !== "ok") {
    return {
      refused: `${name}'s address ${contact.email} ${UNUSABLE[contact.emailStatus]}: it is not written to`,
    };
  }
  if (!contact.email) return { refused: `${name} has no address on record` };
  return message.email && message.email !== contact.email
    ? { email: contact.email, changedFrom: message.email }
    : { email: contact.email };
}

/** Who the letter was to, in words: the contact's name and its owner's ("Alex Demo (Kenya)"), or the owner's alone. */
export const recipientWords = (ownerName: string, contact: Pick<ContactNow, "name"> | undefined) =>
  contact?.name ? `${contact.name} (${ownerName})` : ownerName;
