// Routes of the assistance mechanism: requests and their moves, offers and providers, matchmaking, feedback, reports.
import * as z from "zod";
import { candidatesFor, getMatch, proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer, getOffer, listOffers, listProviders, updateOffer } from "#shared/assistance/offers.ts";
import { getReport, listReports } from "#shared/assistance/report.ts";
import { reportCsv } from "#shared/assistance/report-csv.ts";
import {
  type AssistanceDependencies,
  createRequest,
  getRequest,
  listRequests,
  recordConsent,
  recordFeedback,
  requestFileOf,
  requestMatches,
  todayOf,
  transitionRequest,
} from "#shared/assistance/requests.ts";
import {
  assistanceFeedbackSchema,
  assistanceIdSchema,
  assistanceMatchSchema,
  assistanceOfferChangesSchema,
  assistanceOfferSchema,
  assistanceReportSchema,
  assistanceReportSummarySchema,
  assistanceRequestSchema,
  candidateSchema,
  isoDateSchema,
  matchTransitionSchema,
  newAssistanceFeedbackSchema,
  newAssistanceMatchSchema,
  newAssistanceOfferSchema,
  newAssistanceRequestSchema,
  providerQuerySchema,
  providerSummarySchema,
  reportIdSchema,
  requestConsentSchema,
  requestStatusSchema,
  requestTransitionSchema,
} from "#shared/assistance/schemas.ts";
import { pageQueryShape, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";
import { iso3Schema } from "#shared/registry/schemas.ts";
import { everyone, staff } from "../access.ts";

const TAG = "Assistance";

const byId = z.strictObject({ id: assistanceIdSchema });
const byReport = z.strictObject({ id: reportIdSchema });

const candidatesSchema = z
  .object({
    request: assistanceRequestSchema,
    asOf: isoDateSchema.describe("Offers are counted active on this day"),
    candidates: z.array(candidateSchema).describe("Best first; a matchmaking rank, not a compliance measure"),
  })
  .meta({ id: "AssistanceCandidates" });

const matchMovedSchema = z
  .object({ match: assistanceMatchSchema, request: assistanceRequestSchema })
  .meta({ id: "AssistanceMatchMoved" });

/** Register with `assistanceRoutes({ assistance, registry, reporting, clock })`; see docs/adr/0006-assistance.md. */
export function assistanceRoutes(deps: AssistanceDependencies): Route[] {
  return [
    defineRoute({
      method: "POST",
      path: "/assistance/requests",
      operationId: "createAssistanceRequest",
      summary: "Record an assistance request received from a State (status received)",
      tag: TAG,
      access: staff,
      body: newAssistanceRequestSchema,
      responses: [{ status: 201, description: "The request", schema: assistanceRequestSchema, etag: true }],
      async handle({ body, audit }) {
        const request = await createRequest(deps)(body, audit);
        return {
          status: 201,
          body: request.value,
          version: request.version,
          headers: { location: `/assistance/requests/${request.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/requests",
      operationId: "listAssistanceRequests",
      summary: "Assistance requests in the order received: all, by status, by requesting State, or both",
      tag: TAG,
      access: everyone,
      query: z.strictObject({
        status: requestStatusSchema.optional(),
        iso3: iso3Schema.optional().describe("The requesting State"),
        ...pageQueryShape,
      }),
      responses: [{ status: 200, description: "A page of requests", schema: pageSchema(assistanceRequestSchema) }],
      async handle({ query }) {
        const page = await listRequests(deps)({ status: query.status, iso3: query.iso3, ...pageRequestOf(query) });
        return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/requests/{id}",
      operationId: "getAssistanceRequest",
      summary: "One assistance request with its history of moves, and its ETag",
      tag: TAG,
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The request", schema: assistanceRequestSchema, etag: true }],
      async handle({ params }) {
        const request = await getRequest(deps)(params.id);
        return { body: request.value, version: request.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/assistance/requests/{id}/transitions",
      operationId: "transitionAssistanceRequest",
      summary: "Move a request (acknowledge, open the consent window, circulate, ...); illegal moves are 409",
      tag: TAG,
      access: staff,
      params: byId,
      body: requestTransitionSchema,
      requiresIfMatch: true,
      responses: [
        { status: 200, description: "The request after the move", schema: assistanceRequestSchema, etag: true },
      ],
      async handle({ params, body, expectedVersion, audit }) {
        const request = await transitionRequest(deps)(params.id, expectedVersion, body, audit);
        return { body: request.value, version: request.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/assistance/requests/{id}/consent",
      operationId: "recordAssistanceRequestConsent",
      summary:
        "Record the State's consent to circulation, at any time before circulation, with how it came; after " +
        "circulation, or a second time, it is 409",
      tag: TAG,
      access: staff,
      params: byId,
      body: requestConsentSchema,
      requiresIfMatch: true,
      responses: [
        { status: 200, description: "The request with the consent", schema: assistanceRequestSchema, etag: true },
      ],
      async handle({ params, body, expectedVersion, audit }) {
        const request = await recordConsent(deps)(params.id, expectedVersion, body, audit);
        return { body: request.value, version: request.version };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/requests/{id}/matches",
      operationId: "listAssistanceRequestMatches",
      summary: "The matches proposed for a request, with their status",
      tag: TAG,
      access: everyone,
      params: byId,
      responses: [
        { status: 200, description: "The matches", schema: z.object({ items: z.array(assistanceMatchSchema) }) },
      ],
      async handle({ params }) {
        return { body: { items: await requestMatches(deps)(params.id) } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/requests/{id}/candidates",
      operationId: "listAssistanceCandidates",
      summary: "Active offers that fit a request, ranked by shared areas and freshness, each rank explained",
      tag: TAG,
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The candidates, best first", schema: candidatesSchema }],
      async handle({ params }) {
        const { request, candidates } = await candidatesFor(deps)(params.id);
        return { body: { request, asOf: todayOf(deps.clock), candidates } };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/assistance/requests/{id}/feedback",
      operationId: "recordAssistanceFeedback",
      summary: "Record feedback on a fulfilled request; the requester's fulfils its assistance-feedback obligation",
      tag: TAG,
      access: staff,
      params: byId,
      body: newAssistanceFeedbackSchema,
      responses: [{ status: 201, description: "The feedback", schema: assistanceFeedbackSchema }],
      async handle({ params, body, audit }) {
        return { status: 201, body: await recordFeedback(deps)(params.id, body, audit) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/requests/{id}/feedback",
      operationId: "listAssistanceFeedback",
      summary: "The feedback recorded on a request",
      tag: TAG,
      access: everyone,
      params: byId,
      responses: [
        { status: 200, description: "The feedback", schema: z.object({ items: z.array(assistanceFeedbackSchema) }) },
      ],
      async handle({ params }) {
        return { body: { items: (await requestFileOf(deps, params.id)).feedback } };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/assistance/offers",
      operationId: "createAssistanceOffer",
      summary: "Record an offer of assistance from a State or an organization",
      tag: TAG,
      access: staff,
      body: newAssistanceOfferSchema,
      responses: [{ status: 201, description: "The offer", schema: assistanceOfferSchema, etag: true }],
      async handle({ body, audit }) {
        const offer = await createOffer(deps)(body, audit);
        return {
          status: 201,
          body: offer.value,
          version: offer.version,
          headers: { location: `/assistance/offers/${offer.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/offers",
      operationId: "listAssistanceOffers",
      summary: "Offers in the order recorded: all, or one provider's",
      tag: TAG,
      access: everyone,
      query: z.strictObject({ provider: providerQuerySchema.optional(), ...pageQueryShape }),
      responses: [{ status: 200, description: "A page of offers", schema: pageSchema(assistanceOfferSchema) }],
      async handle({ query }) {
        const page = await listOffers(deps)({ provider: query.provider, ...pageRequestOf(query) });
        return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/offers/{id}",
      operationId: "getAssistanceOffer",
      summary: "One offer, with its ETag",
      tag: TAG,
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The offer", schema: assistanceOfferSchema, etag: true }],
      async handle({ params }) {
        const offer = await getOffer(deps)(params.id);
        return { body: offer.value, version: offer.version };
      },
    }),
    defineRoute({
      method: "PATCH",
      path: "/assistance/offers/{id}",
      operationId: "updateAssistanceOffer",
      summary: "Change an offer's areas, description, validity or last-updated day",
      tag: TAG,
      access: staff,
      params: byId,
      body: assistanceOfferChangesSchema,
      bodyTypes: ["application/json", "application/merge-patch+json"],
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The offer as changed", schema: assistanceOfferSchema, etag: true }],
      async handle({ params, body, expectedVersion, audit }) {
        const offer = await updateOffer(deps)(params.id, expectedVersion, body, audit);
        return { body: offer.value, version: offer.version };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/providers",
      operationId: "listAssistanceProviders",
      summary: "Every provider with its areas and the day it last updated an offer; stale after 12 months",
      tag: TAG,
      access: everyone,
      responses: [
        { status: 200, description: "The providers", schema: z.object({ items: z.array(providerSummarySchema) }) },
      ],
      async handle() {
        return { body: { items: await listProviders(deps)() } };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/assistance/matches",
      operationId: "proposeAssistanceMatch",
      summary: "Propose an offer for a circulated request (status proposed)",
      tag: TAG,
      access: staff,
      body: newAssistanceMatchSchema,
      responses: [{ status: 201, description: "The match", schema: assistanceMatchSchema, etag: true }],
      async handle({ body, audit }) {
        const match = await proposeMatch(deps)(body, audit);
        return {
          status: 201,
          body: match.value,
          version: match.version,
          headers: { location: `/assistance/matches/${match.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/matches/{id}",
      operationId: "getAssistanceMatch",
      summary: "One match, with its ETag",
      tag: TAG,
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The match", schema: assistanceMatchSchema, etag: true }],
      async handle({ params }) {
        const match = await getMatch(deps)(params.id);
        return { body: match.value, version: match.version };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/assistance/matches/{id}/transitions",
      operationId: "transitionAssistanceMatch",
      summary: "Accept, deliver or decline a match; accepting makes a circulated request matched",
      tag: TAG,
      access: staff,
      params: byId,
      body: matchTransitionSchema,
      requiresIfMatch: true,
      responses: [
        {
          status: 200,
          description: "The match after the move (its ETag) and its request",
          schema: matchMovedSchema,
          etag: true,
        },
      ],
      async handle({ params, body, expectedVersion, audit }) {
        const { match, request } = await transitionMatch(deps)(params.id, expectedVersion, body, audit);
        return { body: { match: match.value, request }, version: match.version };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/reports",
      operationId: "listAssistanceReports",
      summary: "The pending-assistance reports, oldest first, without their rows",
      tag: TAG,
      access: everyone,
      query: z.strictObject(pageQueryShape),
      responses: [{ status: 200, description: "A page of reports", schema: pageSchema(assistanceReportSummarySchema) }],
      async handle({ query }) {
        const page = await listReports(deps)(pageRequestOf(query));
        return { body: { items: page.items, cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/assistance/reports/{id}",
      operationId: "getAssistanceReport",
      summary: "One pending-assistance report: JSON, or CSV with ?format=csv",
      tag: TAG,
      access: everyone,
      params: byReport,
      query: z.strictObject({
        format: z.enum(["json", "csv"]).optional().describe("csv: one row per pending request (text/csv)"),
      }),
      responses: [
        { status: 200, description: "The report (text/csv with ?format=csv)", schema: assistanceReportSchema },
      ],
      async handle({ params, query }) {
        const report = await getReport(deps)(params.id);
        if (query.format !== "csv") return { body: report };
        return {
          raw: {
            contentType: "text/csv; charset=utf-8",
            body: reportCsv(report),
            headers: {
              "content-disposition": `attachment; filename="pending-assistance-${report.id}.csv"`,
              "cache-control": "private, no-store",
            },
          },
        };
      },
    }),
  ];
}
