// A contact's correction as the console sends it (PATCH /contacts/{id}): only the fields the reader changed, in the
// body's terms (an emptied optional field is null, which clears it; an emptied language follows the State's again).
// Window-free, so a unit test runs it in Node.
import type { components } from "../../api/schema";
import { differencesOf, type Typed } from "../typed-over.ts";
import { CONTACT_ROLES, codeIn, LANGUAGES } from "./labels.ts";

type Contact = components["schemas"]["Contact"];
export type ContactChanges = components["schemas"]["ContactChanges"];

/** The details the add and correct forms share. */
export type DetailField = "role" | "name" | "title" | "agency" | "email" | "phone" | "language" | "designatedOn";

/**
 * A correction may also set an address's e-mail status back to ok (offered only while it is not ok): empty keeps it,
 * and a new address starts ok anyway (the API's rule).
 */
export type CorrectableField = DetailField | "emailStatus";

/** The e-mail status choice: empty keeps what SES reported. */
export const EMAIL_STATUS_CHOICES = {
  "": "keep it: no letter goes to this address",
  ok: "set it back to ok: the address works again",
} as const;

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
    emailStatus: "",
  };
}

const orNull = (value: string) => (value.trim() === "" ? null : value);

/**
 * The changes between what was typed and the contact as it stands now (after a stale write, the contact read again).
 * A field the reader left alone is not in `typed`, so another's change to it stands; one typed back to its stored
 * value is not sent either, nor an address that differs in case alone (the API stores addresses in lower case).
 */
export function changesFrom(contact: Contact, typed: Typed<CorrectableField>): ContactChanges {
  const changes: ContactChanges = {};
  const differences = differencesOf(correctionValuesOf(contact), typed, { ignoringCase: ["email"] });
  for (const { field, typed: value } of differences) {
    // A select offers only the API's roles and languages; an unknown role keeps the stored one.
    if (field === "role") changes.role = codeIn(CONTACT_ROLES, value) ?? contact.role;
    else if (field === "language") changes.language = codeIn(LANGUAGES, value) ?? null;
    else if (field === "title" || field === "agency" || field === "phone") changes[field] = orNull(value);
    else if (field === "emailStatus") {
      if (value === "ok") changes.emailStatus = "ok";
    } else changes[field] = value;
  }
  return changes;
}
