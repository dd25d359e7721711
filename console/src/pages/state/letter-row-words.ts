// A row of "Letters received" in words (audit 34, items 13 and 14): a row with no letter (a contact skipped, a letter
// that failed before it was written) is named so, not left blank; its date says what the wave's dispatch did that day,
// not "queued" for a letter never queued; and two letters of one wave to one State are told apart by the role of the
// contact each went to, which every group reads (ADR 0048: names and addresses are the secretariat's alone). Pure,
// tested in Node (test/unit/console-letter-row-words.test.ts).
import { EXPIRED_AT_DISPATCH } from "../../../../shared/correspondence/expired-at-dispatch.ts";
import type { components } from "../../api/schema";
import { CONTACT_ROLES } from "./labels.ts";
import { letterOf } from "./readings.ts";

type Schemas = components["schemas"];
type TimelineEntry = Schemas["TimelineEntry"];
type Contact = Pick<Schemas["Contact"], "id" | "role">;

/** The row's header: the letter's subject, or why the row has no letter. */
export function letterHeading(entry: TimelineEntry): string {
  const { subject } = letterOf(entry);
  if (subject) return subject;
  if (entry.action === "letter.skipped") return "(no letter: skipped)";
  if (entry.action === "letter.failed") return "(no letter: it failed before it was written)";
  return "(no subject)";
}

/**
 * What the wave's dispatch did with the row, and on which day (its entry's time): queued a letter, wrote it expired
 * (dispatched past the wave's not-after deadline: never queued), skipped the contact, or failed to write the letter.
 */
export function dispatchedWords(entry: TimelineEntry): string {
  return `${dispatchedAction(entry)} ${letterOf(entry).queuedOn}`;
}

function dispatchedAction(entry: TimelineEntry): string {
  const { subject, reason } = letterOf(entry);
  if (subject) return reason === EXPIRED_AT_DISPATCH ? "Expired" : "Queued";
  return entry.action === "letter.skipped" ? "Skipped" : "Failed";
}

/** The owner's contacts by id, each as its role in words: whom a letter went to, as every group may read it. */
export const rolesByContact = (contacts: readonly Contact[]): ReadonlyMap<string, string> =>
  new Map(contacts.map((contact) => [contact.id, CONTACT_ROLES[contact.role]]));

/** The contact a letter went to (its recipient: `<waveId>/<contact id>`), by role; "" for an owner's own row. */
const recipientRole = (entry: TimelineEntry, roles: ReadonlyMap<string, string>): string =>
  roles.get(entry.source.id.split("/")[1] ?? "") ?? "";

/** Whom a letter went to: the contact's role, and the address where the reader may see it (the secretariat). */
export function recipientWords(entry: TimelineEntry, roles: ReadonlyMap<string, string>): string {
  return [recipientRole(entry, roles), letterOf(entry).to].filter(Boolean).join(", ");
}
