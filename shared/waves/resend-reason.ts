// Why a letter is sent again, as the ledger's reason and the audit keep it: who sent it again, and where it goes when
// the contact's address changed since it was written (resend-contact.ts decides where).
import { type Actor, usernameOf } from "../auth/actor.ts";

export function resendReason(actor: Actor, address: { email: string; changedFrom?: string | undefined }): string {
  const why = `sent again by ${usernameOf(actor) ?? actor.id}: no SES event came within the event window`;
  return address.changedFrom
    ? `${why}; the contact's address changed from ${address.changedFrom} to ${address.email}, where it goes`
    : why;
}
