// Routes of the assistance mechanism: requests and their moves, offers and providers, matchmaking, feedback, reports.

import * as z from "zod";
import { correctFeedback } from "#shared/assistance/feedback-correction.ts";
import { getFeedback, linkFeedbackDocument, unlinkFeedbackDocument } from "#shared/assistance/feedback-link.ts";
import { voidFeedback } from "#shared/assistance/feedback-void.ts";
import { candidatesFor, getMatch, listedMatches, proposeMatch, transitionMatch } from "#shared/assistance/matches.ts";
import { createOffer, getOffer, listOffers, listProviders, updateOffer } from "#shared/assistance/offers.ts";
import { markRetiredProviders } from "#shared/assistance/providers-retired.ts";
import { getReport, listReports, reportInWords } from "#shared/assistance/report.ts";
import { reportCsv } from "#shared/assistance/report-csv.ts";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { correctRequest } from "#shared/assistance/request-correction.ts";
import {
  type AssistanceDependencies,
  createRequest,
  getRequest,
  listRequests,
  recordConsent,
  recordFeedback,
  requestFileOf,
  transitionRequest,
} from "#shared/assistance/requests.ts";
import {
  assistanceFeedbackCorrectionSchema,
  assistanceFeedbackSchema,
  assistanceFeedbackVoidSchema,
  assistanceIdSchema,
  assistanceMatchSchema,
  assistanceOfferChangesSchema,
  assistanceOfferSchema,
  assistanceReportSchema,
  assistanceReportSummarySchema,
  assistanceRequestCorrectionSchema,
  assistanceRequestSchema,
  candidateSchema,
  feedbackDocumentLinkSchema,
  isoDateSchema,
  listedMatchSchema,
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
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { deskToday } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { pageQueryShape, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { iso3Schema } from "#shared/registry/schemas.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { documentSymbolSchema } from "#shared/reporting/schemas.ts";
import type { TableDependencies } from "../api-handler.ts";
import { assistanceTable } from "./records.tables.ts";

const byId = z.strictObject({ id: assistanceIdSchema });
const byReport = z.strictObject({ id: reportIdSchema });
const byFeedback = z.strictObject({ id: assistanceIdSchema, feedbackId: assistanceIdSchema });

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

/** The routes' schemas, joined to their data in assistance.table.ts. */
export const declarations = declareRoutes(assistanceTable, {
  createAssistanceRequest: {
    body: newAssistanceRequestSchema,
    responses: [{ status: 201, description: "The request", schema: assistanceRequestSchema, etag: true }],
  },
  listAssistanceRequests: {
    query: z.strictObject({
      status: requestStatusSchema.optional(),
      iso3: iso3Schema.optional().describe("The requesting State"),
      ...pageQueryShape,
    }),
    responses: [{ status: 200, description: "A page of requests", schema: pageSchema(assistanceRequestSchema) }],
  },
  getAssistanceRequest: {
    params: byId,
    responses: [{ status: 200, description: "The request", schema: assistanceRequestSchema, etag: true }],
  },
  correctAssistanceRequest: {
    params: byId,
    body: assistanceRequestCorrectionSchema,
    responses: [{ status: 200, description: "The request as corrected", schema: assistanceRequestSchema, etag: true }],
  },
  transitionAssistanceRequest: {
    params: byId,
    body: requestTransitionSchema,
    responses: [
      { status: 200, description: "The request after the move", schema: assistanceRequestSchema, etag: true },
    ],
  },
  recordAssistanceRequestConsent: {
    params: byId,
    body: requestConsentSchema,
    responses: [
      { status: 200, description: "The request with the consent", schema: assistanceRequestSchema, etag: true },
    ],
  },
  listAssistanceRequestMatches: {
    params: byId,
    responses: [
      {
        status: 200,
        description: "The matches, each with its offer in words",
        schema: z.object({ items: z.array(listedMatchSchema) }),
      },
    ],
  },
  listAssistanceCandidates: {
    params: byId,
    responses: [{ status: 200, description: "The candidates, best first", schema: candidatesSchema }],
  },
  recordAssistanceFeedback: {
    params: byId,
    body: newAssistanceFeedbackSchema,
    responses: [{ status: 201, description: "The feedback", schema: assistanceFeedbackSchema, etag: true }],
  },
  listAssistanceFeedback: {
    params: byId,
    responses: [
      { status: 200, description: "The feedback", schema: z.object({ items: z.array(assistanceFeedbackSchema) }) },
    ],
  },
  getAssistanceFeedback: {
    params: byFeedback,
    responses: [{ status: 200, description: "The feedback", schema: assistanceFeedbackSchema, etag: true }],
  },
  correctAssistanceFeedback: {
    params: byFeedback,
    body: assistanceFeedbackCorrectionSchema,
    responses: [
      { status: 200, description: "The feedback as corrected", schema: assistanceFeedbackSchema, etag: true },
    ],
  },
  voidAssistanceFeedback: {
    params: byFeedback,
    body: assistanceFeedbackVoidSchema,
    responses: [{ status: 200, description: "The feedback, voided", schema: assistanceFeedbackSchema, etag: true }],
  },
  linkAssistanceFeedbackDocument: {
    params: byFeedback,
    body: feedbackDocumentLinkSchema,
    responses: [
      {
        status: 200,
        description: "The feedback, linked to its document",
        schema: assistanceFeedbackSchema,
        etag: true,
      },
    ],
  },
  unlinkAssistanceFeedbackDocument: {
    params: byFeedback,
    query: z.strictObject({
      symbol: documentSymbolSchema.describe(
        "The symbol of the document the link to undo names, as the caller read it: linked to another since, it is 409",
      ),
    }),
    responses: [
      { status: 200, description: "The feedback, naming no document", schema: assistanceFeedbackSchema, etag: true },
    ],
  },
  createAssistanceOffer: {
    body: newAssistanceOfferSchema,
    responses: [{ status: 201, description: "The offer", schema: assistanceOfferSchema, etag: true }],
  },
  listAssistanceOffers: {
    query: z.strictObject({ provider: providerQuerySchema.optional(), ...pageQueryShape }),
    responses: [{ status: 200, description: "A page of offers", schema: pageSchema(assistanceOfferSchema) }],
  },
  getAssistanceOffer: {
    params: byId,
    responses: [{ status: 200, description: "The offer", schema: assistanceOfferSchema, etag: true }],
  },
  updateAssistanceOffer: {
    params: byId,
    body: assistanceOfferChangesSchema,
    responses: [{ status: 200, description: "The offer as changed", schema: assistanceOfferSchema, etag: true }],
  },
  listAssistanceProviders: {
    responses: [
      { status: 200, description: "The providers", schema: z.object({ items: z.array(providerSummarySchema) }) },
    ],
  },
  proposeAssistanceMatch: {
    body: newAssistanceMatchSchema,
    responses: [{ status: 201, description: "The match", schema: assistanceMatchSchema, etag: true }],
  },
  getAssistanceMatch: {
    params: byId,
    responses: [{ status: 200, description: "The match", schema: assistanceMatchSchema, etag: true }],
  },
  transitionAssistanceMatch: {
    params: byId,
    body: matchTransitionSchema,
    responses: [
      {
        status: 200,
        description: "The match after the move (its ETag) and its request",
        schema: matchMovedSchema,
        etag: true,
      },
    ],
  },
  listAssistanceReports: {
    query: z.strictObject(pageQueryShape),
    responses: [{ status: 200, description: "A page of reports", schema: pageSchema(assistanceReportSummarySchema) }],
  },
  getAssistanceReport: {
    params: byReport,
    query: z.strictObject({
      format: z.enum(["json", "csv"]).optional().describe("csv: one row per pending request (text/csv)"),
    }),
    responses: [{ status: 200, description: "The report (text/csv with ?format=csv)", schema: assistanceReportSchema }],
  },
});

/** Register with `assistanceRoutes({ assistance, registry, reporting, holidays, clock })`; see docs/adr/0006-assistance.md. */
export function assistanceRoutes(deps: AssistanceDependencies): Route[] {
  return routesOf(declarations, {
    async createAssistanceRequest({ body, audit }) {
      const request = await createRequest(deps)(body, audit);
      return {
        status: 201,
        body: request.value,
        version: request.version,
        headers: { location: `/assistance/requests/${request.value.id}` },
      };
    },
    async listAssistanceRequests({ query }) {
      const page = await listRequests(deps)({ status: query.status, iso3: query.iso3, ...pageRequestOf(query) });
      return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
    },
    async getAssistanceRequest({ params }) {
      const request = await getRequest(deps)(params.id);
      return { body: request.value, version: request.version };
    },
    async correctAssistanceRequest({ params, body, expectedVersion, audit }) {
      const request = await correctRequest(deps)(params.id, expectedVersion, body, audit);
      return { body: request.value, version: request.version };
    },
    async transitionAssistanceRequest({ params, body, expectedVersion, audit }) {
      const request = await transitionRequest(deps)(params.id, expectedVersion, body, audit);
      return { body: request.value, version: request.version };
    },
    async recordAssistanceRequestConsent({ params, body, expectedVersion, audit }) {
      const request = await recordConsent(deps)(params.id, expectedVersion, body, audit);
      return { body: request.value, version: request.version };
    },
    async listAssistanceRequestMatches({ params }) {
      return { body: { items: await listedMatches(deps)(params.id) } };
    },
    async listAssistanceCandidates({ params }) {
      const { request, candidates } = await candidatesFor(deps)(params.id);
      return { body: { request, asOf: deskToday(deps.clock), candidates } };
    },
    async recordAssistanceFeedback({ params, body, audit }) {
      const feedback = await recordFeedback(deps)(params.id, body, audit);
      return {
        status: 201,
        body: feedback.value,
        version: feedback.version,
        headers: { location: `/assistance/requests/${params.id}/feedback/${feedback.value.id}` },
      };
    },
    async listAssistanceFeedback({ params }) {
      return { body: { items: (await requestFileOf(deps, params.id)).feedback.map(({ value }) => value) } };
    },
    async getAssistanceFeedback({ params }) {
      const feedback = await getFeedback(deps)(params.id, params.feedbackId);
      return { body: feedback.value, version: feedback.version };
    },
    async correctAssistanceFeedback({ params, body, expectedVersion, audit }) {
      const feedback = await correctFeedback(deps)(params.id, params.feedbackId, expectedVersion, body, audit);
      return { body: feedback.value, version: feedback.version };
    },
    async voidAssistanceFeedback({ params, body, expectedVersion, audit }) {
      const feedback = await voidFeedback(deps)(params.id, params.feedbackId, expectedVersion, body, audit);
      return { body: feedback.value, version: feedback.version };
    },
    async linkAssistanceFeedbackDocument({ params, body, audit }) {
      const feedback = await linkFeedbackDocument(deps)(params.id, params.feedbackId, body, audit);
      return { body: feedback.value, version: feedback.version };
    },
    async unlinkAssistanceFeedbackDocument({ params, query, audit }) {
      const feedback = await unlinkFeedbackDocument(deps)(params.id, params.feedbackId, query, audit);
      return { body: feedback.value, version: feedback.version };
    },
    async createAssistanceOffer({ body, audit }) {
      const offer = await createOffer(deps)(body, audit);
      return {
        status: 201,
        body: offer.value,
        version: offer.version,
        headers: { location: `/assistance/offers/${offer.value.id}` },
      };
    },
    async listAssistanceOffers({ query }) {
      const page = await listOffers(deps)({ provider: query.provider, ...pageRequestOf(query) });
      return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
    },
    async getAssistanceOffer({ params }) {
      const offer = await getOffer(deps)(params.id);
      return { body: offer.value, version: offer.version };
    },
    async updateAssistanceOffer({ params, body, expectedVersion, audit }) {
      const offer = await updateOffer(deps)(params.id, expectedVersion, body, audit);
      return { body: offer.value, version: offer.version };
    },
    async listAssistanceProviders() {
      return { body: { items: await markRetiredProviders(deps)(await listProviders(deps)()) } };
    },
    async proposeAssistanceMatch({ body, audit }) {
      const match = await proposeMatch(deps)(body, audit);
      return {
        status: 201,
        body: match.value,
        version: match.version,
        headers: { location: `/assistance/matches/${match.value.id}` },
      };
    },
    async getAssistanceMatch({ params }) {
      const match = await getMatch(deps)(params.id);
      return { body: match.value, version: match.version };
    },
    async transitionAssistanceMatch({ params, body, expectedVersion, audit }) {
      const { match, request } = await transitionMatch(deps)(params.id, expectedVersion, body, audit);
      return { body: { match: match.value, request }, version: match.version };
    },
    async listAssistanceReports({ query }) {
      const page = await listReports(deps)(pageRequestOf(query));
      return { body: { items: page.items, cursor: page.cursor } };
    },
    async getAssistanceReport({ params, query }) {
      const report = await getReport(deps)(params.id);
      if (query.format !== "csv") return { body: report };
      return {
        raw: {
          contentType: "text/csv; charset=utf-8",
          body: reportCsv(await reportInWords(deps)(report)),
          headers: {
            "content-disposition": `attachment; filename="pending-assistance-${report.id}.csv"`,
            "cache-control": "private, no-store",
          },
        },
      };
    },
  });
}

/** The routes on the records group's tables (functions/api/records.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return assistanceRoutes({
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    clock,
    organizations: contactDependencies(doc, tableNames, clock).organizations,
    assistance: assistanceRepository(doc, tableNames, clock),
    holidays: dynamoHolidayStore(doc, tableNames, clock),
  });
}
