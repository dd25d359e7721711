// The points of contact as they stood at the end of a quarter, from their dated history: designation, deactivation
// and verification dates on the contact, and, for what changed since, the contact's audited images (verifications
// and e-mail status changes, each with its instant). What no date settles is reported, not guessed (ADR 0011).
import type { Contact, EmailStatus } from "../contacts/schemas.ts";
import { deskDay } from "../zoned-time.ts";

/** One audited image of a contact: when it was written, and the verification and e-mail status it recorded. */
export interface ContactImage {
  at: string;
  lastVerifiedOn?: string | undefined;
  emailStatus?: EmailStatus | undefined;
}

export interface ContactsAsOf {
  /** The contacts designated by the day, each with its activity, last verification and e-mail status then. */
  contacts: Contact[];
  /** Contacts for which a fact of the day could not be dated (their current value was used instead). */
  undated: number;
}

/** A contact changed after the day: its current values may not be those of the day. */
export const changedSince = (contact: Contact, lastDay: string) => deskDay(contact.updatedAt) > lastDay;

/** Active at the end of the day: not deactivated, or deactivated only after it. */
const activeOn = (contact: Contact, lastDay: string) =>
  contact.active || (contact.deactivatedOn !== undefined && contact.deactivatedOn > lastDay);

/**
 * Whether the contact's day needs its audited images: it counted on the day and changed since, and the change may
 * hide the day's facts: it was on record then (any later change may have moved its status), or its verification or
 * its e-mail status now are later than the day. A contact recorded after the day with an older verification and a
 * good address needs none: the desk had no record of a bounce by the day.
 */
export function needsHistory(contact: Contact, lastDay: string): boolean {
  if (contact.designatedOn > lastDay || !activeOn(contact, lastDay) || !changedSince(contact, lastDay)) return false;
  return deskDay(contact.createdAt) <= lastDay || contact.lastVerifiedOn > lastDay || contact.emailStatus !== "ok";
}

/** The latest of the dates on or before the day, if any (ISO days sort as text). */
const latestBy = (days: readonly (string | undefined)[], lastDay: string) =>
  days
    .filter((d): d is string => d !== undefined && d <= lastDay)
    .reduce<string | undefined>((latest, d) => (latest === undefined || d > latest ? d : latest), undefined);

function contactOn(
  contact: Contact,
  lastDay: string,
  images: readonly ContactImage[] | undefined,
): { contact: Contact; dated: boolean } {
  let dated = contact.active || contact.deactivatedOn !== undefined;
  let { lastVerifiedOn, emailStatus } = contact;
  if (needsHistory(contact, lastDay)) {
    const history = [...(images ?? [])].sort((a, b) => a.at.localeCompare(b.at));
    // On record by the day but never audited one by one (a file import): its verifications since are unknown.
    if (!history.length && deskDay(contact.createdAt) <= lastDay) dated = false;
    // Every verification the desk ever recorded is a dated fact; the designation counts as one.
    lastVerifiedOn =
      latestBy([contact.designatedOn, contact.lastVerifiedOn, ...history.map((i) => i.lastVerifiedOn)], lastDay) ??
      contact.designatedOn;
    const recordedBy = history.filter((image) => deskDay(image.at) <= lastDay).at(-1);
    if (recordedBy?.emailStatus) {
      emailStatus = recordedBy.emailStatus;
    } else if (deskDay(contact.createdAt) > lastDay && (history[0]?.emailStatus ?? contact.emailStatus) === "ok") {
      // Recorded after the day with a good address: no bounce was known by the day.
      emailStatus = "ok";
    } else {
      dated = false;
    }
  }
  return { contact: { ...contact, active: activeOn(contact, lastDay), lastVerifiedOn, emailStatus }, dated };
}

/**
 * The contacts as of the end of `lastDay` (a New York day): only those designated by then, active if they were,
 * with the verification and e-mail status of the day; `images` holds the audited images of the contacts that
 * `needsHistory` names, by contact id.
 */
export function contactsAsOf(
  contacts: readonly Contact[],
  lastDay: string,
  images: ReadonlyMap<string, readonly ContactImage[]>,
): ContactsAsOf {
  let undated = 0;
  const asOf: Contact[] = [];
  for (const contact of contacts) {
    if (contact.designatedOn > lastDay) continue;
    const { contact: then, dated } = contactOn(contact, lastDay, images.get(contact.id));
    if (!dated) undated++;
    asOf.push(then);
  }
  return { contacts: asOf, undated };
}
