// Item keys of contacts in the desk table: the contact in its owner's partition, a pointer by id, the e-mail
// guard, and the three index keys (by role, by e-mail status, by last verification).
import { organizationPartition } from "../organizations/keys.ts";
import { statePartition } from "../registry/keys.ts";
import type { Contact, ContactRole, EmailStatus, Owner } from "./schemas.ts";

export const CONTACT_PREFIX = "CONTACT#";

/** Contacts live in their owner's partition (`STATE#<iso3>` or `ORG#<id>`), so an owner's list is one Query. */
export const ownerPartition = (owner: Owner) =>
  owner.kind === "state" ? statePartition(owner.iso3) : organizationPartition(owner.id);
export const contactKey = (owner: Owner, id: string) => ({ pk: ownerPartition(owner), sk: `${CONTACT_PREFIX}${id}` });

/** Finds a contact's owner from its id alone; written once with the contact (the owner never changes). */
export const contactRefKey = (id: string) => ({ pk: `${CONTACT_PREFIX}${id}`, sk: "CONTACT" });

/** Held by the active contact with this (normalized) address: makes addresses unique among active contacts. */
export const emailGuardKey = (email: string) => ({ pk: `CONTACT-EMAIL#${email}`, sk: "CONTACT-EMAIL" });

export const rolePartition = (role: ContactRole) => `CONTACT#ROLE#${role}`;
export const emailStatusPartition = (status: EmailStatus) => `CONTACT#EMAIL#${status}`;
/** Every contact, ordered by its last verification: `stale=true` is a range on this partition's sort key. */
export const VERIFIED_PARTITION = "CONTACT#VERIFIED";

/** gsi1: by role; gsi2: by e-mail status (both sorted by owner, then id); gsi3: by last verification date. */
export const contactIndexKeys = (
  contact: Pick<Contact, "id" | "owner" | "role" | "emailStatus" | "lastVerifiedOn">,
) => ({
  gsi1pk: rolePartition(contact.role),
  gsi1sk: `${contact.owner}#${contact.id}`,
  gsi2pk: emailStatusPartition(contact.emailStatus),
  gsi2sk: `${contact.owner}#${contact.id}`,
  gsi3pk: VERIFIED_PARTITION,
  gsi3sk: `${contact.lastVerifiedOn}#${contact.id}`,
});
