// A contact's correction as the console sends it (PATCH /contacts/{id}): only the fields the reader changed, in the
// body's terms (an emptied optional field is null, which clears it; an emptied language follows the State's again).
// Window-free, so a unit test runs it in Node.
import type { components } from "../../api/schema";
import { CONTACT_ROLES, codeIn, LANGUAGES } from "./labels.ts";

type Contact = components["schemas"]["Contact"];
export type ContactChanges = components["schemas"]["ContactChanges"];

export type CorrectableField = "role" | "name" | "title" | "agency" | "email" | "phone" | "language" | "designatedOn";

/** What the reader typed, field by field; a field left alone shows the contact as it stands. */
export type TypedCorrection = Partial<Record<CorrectableField, string>>;

/**
 * The correction form's values for a contact: empty for an absent detail and for a language that is the State's. Only
 * the secretariat corrects, and its answers carry the name and the address (ADR 0048).
 */
export function correctionValuesOf(contact: Contact): Record<CorrectableField, string> {
  return {
    role: contact.role,
    name: contact.name ?? "",
    title: contact.title ?? "",
    agency: contact.agency ?? "",
    email: contact.email ?? "",
    phone: contact.phone ?? "",
    language: contact.ownLanguage ? contact.language : "",
    designatedOn: contact.designatedOn,
  };
}

/** The API stores addresses trimmed and in lower case: a change of case alone is no change. */
const sameValue = (field: CorrectableField, typed: string, stored: string) =>
  field === "email" ? typed.trim().toLowerCase() === stored : typed.trim() === stored;

const orNull = (value: string) => (value.trim() === "" ? null : value);

/**
 * The changes between what was typed and the contact as it stands now (after a stale write, the contact read again).
 * A field the reader left alone is not in `typed`, so another's change to it stands; one typed back to its stored
 * value is not sent either.
 */
export function changesFrom(contact: Contact, typed: TypedCorrection): ContactChanges {
  const stored = correctionValuesOf(contact);
  const changes: ContactChanges = {};
  for (const [field, value] of Object.entries(typed) as [CorrectableField, string][]) {
    if (sameValue(field, value, stored[field])) continue;
    // A select offers only the API's roles and languages; an unknown role keeps the stored one.
    if (field === "role") changes.role = codeIn(CONTACT_ROLES, value) ?? contact.role;
    else if (field === "language") changes.language = codeIn(LANGUAGES, value) ?? null;
    else if (field === "title" || field === "agency" || field === "phone") changes[field] = orNull(value);
    else changes[field] = value;
  }
  return changes;
}
