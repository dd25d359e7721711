// The contacts routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in contacts.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

/** A CSV file of up to 1000 rows fits well within this. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export const contactTable = routeTable({
  exportContacts: {
    method: "GET",
    path: "/contacts/export",
    tag: "Contacts",
    access: secretariatOnly,
  },
  importContacts: {
    method: "POST",
    path: "/contacts/import",
    tag: "Contacts",
    access: secretariatOnly,
    bodyTypes: ["text/csv"],
    maxBodyBytes: MAX_IMPORT_BYTES,
  },
  createContact: {
    method: "POST",
    path: "/contacts",
    tag: "Contacts",
    access: secretariatOnly,
  },
  listContacts: {
    method: "GET",
    path: "/contacts",
    tag: "Contacts",
    access: everyone,
  },
  getContact: {
    method: "GET",
    path: "/contacts/{id}",
    tag: "Contacts",
    access: everyone,
  },
  changeContact: {
    method: "PATCH",
    path: "/contacts/{id}",
    tag: "Contacts",
    access: secretariatOnly,
    bodyTypes: ["application/json", "application/merge-patch+json"],
    requiresIfMatch: true,
  },
  deactivateContact: {
    method: "POST",
    path: "/contacts/{id}/deactivate",
    tag: "Contacts",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
  verifyContact: {
    method: "POST",
    path: "/contacts/{id}/verify",
    tag: "Contacts",
    access: secretariatOnly,
    requiresIfMatch: true,
  },
  getPointOfContact: {
    method: "GET",
    path: "/states/{iso3}/point-of-contact",
    tag: "Contacts",
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const contactSummaries = {
  exportContacts:
    "The contacts the filters select, as CSV (cells that a spreadsheet would run as formulas are neutralized)",
  importContacts:
    "Import contacts from CSV: every row is checked first; all are written or none (422 lists line and column " +
    "of each problem). Rows match existing active contacts by e-mail and owner; dryRun=true writes nothing",
  createContact:
    "Designate a contact of a State or an organization; its e-mail must not be used by another active contact",
  listContacts:
    "List contacts: by owner (with any other filter), or by one of role, emailStatus or stale; active filters any. " +
    "Name, title, agency, e-mail and phone for the secretariat only (ADR 0048)",
  getContact: "One contact; its name, title, agency, e-mail, phone and ETag for the secretariat only (ADR 0048)",
  changeContact: "Correct an active contact (a new e-mail must be free); the owner never changes",
  deactivateContact:
    "Deactivate a contact, saying why (never deleted: it stays as history) and free its e-mail address",
  verifyContact: "Record that the contact's details were confirmed today",
  getPointOfContact:
    "A State's point-of-contact view (current, stale, unreachable, missing), computed now from its contacts",
} satisfies RouteSummaries<typeof contactTable>;
