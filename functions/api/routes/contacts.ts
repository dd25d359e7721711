// Routes of points of contact: designate, correct, verify and deactivate contacts, list and export them, import a
// CSV file, and a State's point-of-contact view.
import * as z from "zod";
import {
  allContacts,
  type ContactDependencies,
  changeContact,
  createContact,
  deactivateContact,
  getContact,
  listContacts,
  pointOfContactOf,
  toContactView,
  verifyContact,
} from "#shared/contacts/contacts.ts";
import { contactsToCsv } from "#shared/contacts/csv.ts";
import { contactFilterShape, filterOf, withFilterRule } from "#shared/contacts/filters.ts";
import { importContacts } from "#shared/contacts/import.ts";
import { todayOf } from "#shared/contacts/poc-coverage.ts";
import {
  contactChangesSchema,
  contactDeactivationSchema,
  contactViewSchema,
  importResultSchema,
  newContactSchema,
  pointOfContactSchema,
} from "#shared/contacts/schemas.ts";
import { DEFAULT_PAGE_SIZE, pageQueryShape, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";
import { byCode } from "./states.ts";

const byContact = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9A-Za-z]{26}$/, "not a contact id")
    .transform((id) => id.toUpperCase()),
});

/** A CSV file of up to 1000 rows fits well within this. */
const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * The export is registered before `GET /contacts/{id}`: the router takes the first route whose path matches, and
 * `/contacts/export` matches both.
 */
export function contactRoutes(deps: ContactDependencies): Route[] {
  const view = (contact: Parameters<typeof toContactView>[0]) => toContactView(contact, deps.clock);
  return [
    defineRoute({
      method: "GET",
      path: "/contacts/export",
      operationId: "exportContacts",
      summary:
        "The contacts the filters select, as CSV (cells that a spreadsheet would run as formulas are neutralized)",
      tag: "Contacts",
      access: secretariatOnly,
      query: withFilterRule(z.strictObject(contactFilterShape)),
      responses: [
        { status: 200, description: "CSV, one contact per row", contentType: "text/csv", schema: z.string() },
      ],
      async handle({ query }) {
        const contacts = await allContacts(deps)(filterOf(query));
        return {
          raw: {
            contentType: "text/csv; charset=utf-8",
            body: contactsToCsv(contacts.map(view)),
            headers: {
              "content-disposition": `attachment; filename="contacts-${todayOf(deps.clock)}.csv"`,
              "cache-control": "private, no-store",
            },
          },
        };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/contacts/import",
      operationId: "importContacts",
      summary:
        "Import contacts from CSV: every row is checked first; all are written or none (422 lists line and column " +
        "of each problem). Rows match existing active contacts by e-mail and owner; dryRun=true writes nothing",
      tag: "Contacts",
      access: secretariatOnly,
      query: z.strictObject({
        dryRun: z
          .enum(["true", "false"])
          .transform((value) => value === "true")
          .optional()
          .describe("true: answer what would be created, updated and left unchanged, and write nothing"),
      }),
      body: z
        .string({ error: "send the CSV file as the body" })
        .describe(
          "CSV with a header: owner, role, name, email (required), title, agency, phone, language, designatedOn, " +
            "lastVerifiedOn (optional); the export's other columns are accepted and ignored",
        ),
      bodyTypes: ["text/csv"],
      maxBodyBytes: MAX_IMPORT_BYTES,
      responses: [
        {
          status: 200,
          description: "What was (or would be) created, updated and unchanged",
          schema: importResultSchema,
        },
      ],
      async handle({ query, body, audit }) {
        return { body: await importContacts(deps)(body, { dryRun: query.dryRun ?? false }, audit) };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/contacts",
      operationId: "createContact",
      summary:
        "Designate a contact of a State or an organization; its e-mail must not be used by another active contact",
      tag: "Contacts",
      access: secretariatOnly,
      body: newContactSchema,
      responses: [{ status: 201, description: "The contact", schema: contactViewSchema, etag: true }],
      async handle({ body, audit }) {
        const contact = await createContact(deps)(body, audit);
        return {
          status: 201,
          body: view(contact.value),
          version: contact.version,
          headers: { location: `/contacts/${contact.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/contacts",
      operationId: "listContacts",
      summary:
        "List contacts: by owner (with any other filter), or by one of role, emailStatus or stale; active filters any",
      tag: "Contacts",
      access: everyone,
      query: withFilterRule(z.strictObject({ ...contactFilterShape, ...pageQueryShape })),
      responses: [{ status: 200, description: "A page of contacts", schema: pageSchema(contactViewSchema) }],
      async handle({ query }) {
        const page = await listContacts(deps)(filterOf(query), {
          limit: query.limit ?? DEFAULT_PAGE_SIZE,
          cursor: query.cursor,
        });
        return { body: { items: page.items.map((item) => view(item.value)), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/contacts/{id}",
      operationId: "getContact",
      summary: "One contact, with its ETag",
      tag: "Contacts",
      access: everyone,
      params: byContact,
      responses: [{ status: 200, description: "The contact", schema: contactViewSchema, etag: true }],
      async handle({ params }) {
        const contact = await getContact(deps)(params.id);
        return { body: view(contact.value), version: contact.version };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/contacts/{id}",
      operationId: "changeContact",
      summary: "Correct an active contact (a new e-mail must be free); the owner never changes",
      tag: "Contacts",
      access: secretariatOnly,
      params: byContact,
      body: contactChangesSchema,
      bodyTypes: ["application/json", "application/merge-patch+json"],
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The contact as changed", schema: contactViewSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const contact = await changeContact(deps)(params.id, expectedVersion, body, audit);
        return { body: view(contact.value), version: contact.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/contacts/{id}/deactivate",
      operationId: "deactivateContact",
      summary: "Deactivate a contact, saying why (never deleted: it stays as history) and free its e-mail address",
      tag: "Contacts",
      access: secretariatOnly,
      params: byContact,
      body: contactDeactivationSchema,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The deactivated contact", schema: contactViewSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const contact = await deactivateContact(deps)(params.id, expectedVersion, audit, body.reason);
        return { body: view(contact.value), version: contact.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/contacts/{id}/verify",
      operationId: "verifyContact",
      summary: "Record that the contact's details were confirmed today",
      tag: "Contacts",
      access: secretariatOnly,
      params: byContact,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The verified contact", schema: contactViewSchema, etag: true }],
      async handle({ params, expectedVersion, audit }) {
        const contact = await verifyContact(deps)(params.id, expectedVersion, audit);
        return { body: view(contact.value), version: contact.version };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/states/{iso3}/point-of-contact",
      operationId: "getPointOfContact",
      summary: "A State's point-of-contact view (current, stale, unreachable, missing), computed now from its contacts",
      tag: "Contacts",
      access: everyone,
      params: byCode,
      responses: [{ status: 200, description: "The view, and the stored obligation", schema: pointOfContactSchema }],
      async handle({ params }) {
        return { body: await pointOfContactOf(deps)(params.iso3) };
      },
    }),
  ];
}
