// A deactivated contact is history and is never changed again: the refusal every correction, verification and
// deactivation of it gives, naming the contact in words, when, by whom and why.
import { Conflict } from "../errors.ts";
import type { Contact } from "./schemas.ts";

/** A write to a deactivated contact; `reason` names the conflict for programs (the console reads the contact again). */
export class ContactDeactivated extends Conflict {
  override readonly reason = "contact-deactivated";
  /** `named`: the contact in words (contact-words.ts); `then`: what the caller may do instead. */
  constructor(contact: Contact, named: string, then: string) {
    const by = contact.deactivatedBy ? ` by ${contact.deactivatedBy}` : "";
    const why = contact.deactivationReason ? ` (${contact.deactivationReason})` : "";
    super(`${named}, was deactivated on ${contact.deactivatedOn}${by}${why}; ${then}`);
  }
}
