// Records what SES learned about a contact's address (a hard bounce, a complaint, SES's suppression list): the
// contact's e-mail status leaves `ok`, audited, which takes it out of every later audience.
import type { AuditContext } from "../audit/audit-entry.ts";
import { deskToday } from "../clock.ts";
import { PreconditionFailed } from "../errors.ts";
import type { ContactDependencies } from "./contacts.ts";
import { pocChangeFor } from "./contacts.ts";
import { retryOnRace } from "./repository.ts";
import { type Contact, type EmailStatus, ownerOf, sameEmail, withEmailStatus } from "./schemas.ts";

export type EmailStatusOutcome =
  | { outcome: "recorded"; contact: Contact }
  /** Not `ok` already: the first cause stays until the secretariat sets it back to ok. */
  | { outcome: "unchanged"; status: EmailStatus }
  /** The contact's address changed since the letter went out: the news is about an address it no longer has. */
  | { outcome: "address-changed" }
  /**
   * Staff wrote the contact after the report was recorded (they may have set its address back to ok): their word
   * stands against the report applied again (a replay, or the same `npm run fire -- ses-events` run twice).
   */
  | { outcome: "written-since" }
  | { outcome: "no-contact" };

/**
 * Sets the contact's e-mail status from `ok` to `status` if it still has `email` and was not written after
 * `reportedAt` (when the ledger recorded the report). Deactivated contacts are marked too (the status is a fact about
 * the address); a State's point-of-contact obligation follows in the same write.
 */
export const recordEmailStatus =
  (deps: ContactDependencies) =>
  async (
    contactId: string,
    change: { email: string; status: Exclude<EmailStatus, "ok">; reportedAt?: string | undefined },
    audit: AuditContext,
  ): Promise<EmailStatusOutcome> => {
    for (let attempt = 1; ; attempt++) {
      const current = await deps.contacts.getContact(contactId);
      if (!current) return { outcome: "no-contact" };
      if (!sameEmail(current.value.email, change.email)) return { outcome: "address-changed" };
      if (current.value.emailStatus !== "ok") return { outcome: "unchanged", status: current.value.emailStatus };
      if (change.reportedAt && current.value.updatedAt > change.reportedAt) return { outcome: "written-since" };
      const after: Contact = {
        ...withEmailStatus(current.value, change.status, deskToday(deps.clock)),
        updatedAt: deps.clock.now().toISOString(),
      };
      try {
        const saved = await retryOnRace(async () => {
          const owner = ownerOf(after.owner);
          const poc = owner.kind === "state" ? await pocChangeFor(deps, owner.iso3, [after]) : undefined;
          return deps.contacts.saveContact({ before: current, after }, poc, audit, "contact.email-status");
        });
        return { outcome: "recorded", contact: saved.value };
      } catch (error) {
        // Staff changed the contact meanwhile: read it again and decide afresh.
        if (!(error instanceof PreconditionFailed) || attempt >= 3) throw error;
      }
    }
  };
