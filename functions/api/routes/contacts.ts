// Routes of points of contact: designate, correct, verify and deactivate contacts, list and export them, import a
// CSV file, and a State's point-of-contact view.

import * as z from "zod";
import { deskToday } from "#shared/clock.ts";
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
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { contactFilterShape, filterOf, withFilterRule } from "#shared/contacts/filters.ts";
import { importContacts } from "#shared/contacts/import.ts";
import { asReadBy, readerGroups, readsPersonalData } from "#shared/contacts/personal-data.ts";
import {
  contactAsReadSchema,
  contactChangesSchema,
  contactDeactivationSchema,
  importResultSchema,
  newContactSchema,
  pointOfContactSchema,
} from "#shared/contacts/schemas.ts";
import { DEFAULT_PAGE_SIZE, pageQueryShape, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import type { TableDependencies } from "../api-handler.ts";
import { contactTable } from "./records.tables.ts";
import { byCode } from "./states.ts";

const byContact = z.strictObject({
  id: z
    .string()
    .regex(/^[0-9A-Za-z]{26}$/, "not a contact id")
    .transform((id) => id.toUpperCase()),
});

/** The routes' schemas, joined to their data in contacts.table.ts. */
export const declarations = declareRoutes(contactTable, {
  exportContacts: {
    query: withFilterRule(z.strictObject(contactFilterShape)),
    responses: [{ status: 200, description: "CSV, one contact per row", contentType: "text/csv", schema: z.string() }],
  },
  importContacts: {
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
    responses: [
      {
        status: 200,
        description: "What was (or would be) created, updated and unchanged",
        schema: importResultSchema,
      },
    ],
  },
  createContact: {
    body: newContactSchema,
    responses: [{ status: 201, description: "The contact", schema: contactAsReadSchema, etag: true }],
  },
  listContacts: {
    query: withFilterRule(z.strictObject({ ...contactFilterShape, ...pageQueryShape })),
    responses: [{ status: 200, description: "A page of contacts", schema: pageSchema(contactAsReadSchema) }],
  },
  getContact: {
    params: byContact,
    responses: [
      {
        status: 200,
        description: "The contact; its ETag for the secretariat, the one group that writes contacts",
        schema: contactAsReadSchema,
        etag: true,
      },
    ],
  },
  changeContact: {
    params: byContact,
    body: contactChangesSchema,
    responses: [{ status: 200, description: "The contact as changed", schema: contactAsReadSchema, etag: true }],
  },
  deactivateContact: {
    params: byContact,
    body: contactDeactivationSchema,
    responses: [{ status: 200, description: "The deactivated contact", schema: contactAsReadSchema, etag: true }],
  },
  verifyContact: {
    params: byContact,
    responses: [{ status: 200, description: "The verified contact", schema: contactAsReadSchema, etag: true }],
  },
  getPointOfContact: {
    params: byCode,
    responses: [{ status: 200, description: "The view, and the stored obligation", schema: pointOfContactSchema }],
  },
});

/**
 * The export is registered before `GET /contacts/{id}`: the router takes the first route whose path matches, and
 * `/contacts/export` matches both.
 */
export function contactRoutes(deps: ContactDependencies): Route[] {
  const view = (contact: Parameters<typeof toContactView>[0]) => toContactView(contact, deps.clock);
  return routesOf(declarations, {
    async exportContacts({ query }) {
      const contacts = await allContacts(deps)(filterOf(query));
      return {
        raw: {
          contentType: "text/csv; charset=utf-8",
          body: contactsToCsv(contacts.map(view)),
          headers: {
            "content-disposition": `attachment; filename="contacts-${deskToday(deps.clock)}.csv"`,
            "cache-control": "private, no-store",
          },
        },
      };
    },
    async importContacts({ query, body, audit }) {
      return { body: await importContacts(deps)(body, { dryRun: query.dryRun ?? false }, audit) };
    },
    async createContact({ body, audit }) {
      const contact = await createContact(deps)(body, audit);
      return {
        status: 201,
        body: view(contact.value),
        version: contact.version,
        headers: { location: `/contacts/${contact.value.id}` },
      };
    },
    async listContacts({ query, actor }) {
      const page = await listContacts(deps)(filterOf(query), {
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        cursor: query.cursor,
      });
      const read = asReadBy(actor);
      return { body: { items: page.items.map((item) => read(view(item.value))), cursor: page.cursor } };
    },
    async getContact({ params, actor }) {
      const contact = await getContact(deps)(params.id);
      // A strong ETag names one body; the others' answer is another body, and they write no contact to send it back.
      const version = readsPersonalData(readerGroups(actor)) ? contact.version : undefined;
      return { body: asReadBy(actor)(view(contact.value)), version };
    },
    async changeContact({ params, body, expectedVersion, audit }) {
      const contact = await changeContact(deps)(params.id, expectedVersion, body, audit);
      return { body: view(contact.value), version: contact.version };
    },
    async deactivateContact({ params, body, expectedVersion, audit }) {
      const contact = await deactivateContact(deps)(params.id, expectedVersion, audit, body.reason);
      return { body: view(contact.value), version: contact.version };
    },
    async verifyContact({ params, expectedVersion, audit }) {
      const contact = await verifyContact(deps)(params.id, expectedVersion, audit);
      return { body: view(contact.value), version: contact.version };
    },
    async getPointOfContact({ params }) {
      return { body: await pointOfContactOf(deps)(params.iso3) };
    },
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return contactRoutes(contactDependencies(doc, tableNames, clock));
}
