// Routes of correspondence waves: create, read with ledger counts, preview the audience, schedule, cancel, send a
// test copy, and the wave's messages. Dispatch is not a route: the wave's schedule fires it (dispatchWave).

import * as z from "zod";
import { assistanceAudienceReads } from "#shared/assistance/audience-reads.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { SECRETARIAT_ONLY } from "#shared/contacts/personal-data.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { DEFAULT_EVENT_WINDOW_MS, eventWindowEnd, eventWindowMsOf } from "#shared/correspondence/lifecycle.ts";
import type { SendQueue } from "#shared/correspondence/memory-queue.ts";
import {
  letterSchema,
  messageSchema,
  messageStatusSchema,
  skipReasonSchema,
  waveIdSchema,
} from "#shared/correspondence/schemas.ts";
import { unreachedReasonSchema, unreachedSchema } from "#shared/correspondence/unreached.ts";
import { Conflict } from "#shared/errors.ts";
import { pageQuerySchema, pageQueryShape, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { unLanguageSchema } from "#shared/registry/schemas.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { audienceAsReadBy, messageAsReadBy } from "#shared/waves/as-read.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { SAME_LETTER_LOOKBACK_DAYS } from "#shared/waves/same-letter-window.ts";
import { unconfiguredWaveScheduler } from "#shared/waves/scheduler.ts";
import { newWaveSchema, waveSchema, waveTestRequestSchema, waveTestResultSchema } from "#shared/waves/schemas.ts";
import { staffMailDomainsOf } from "#shared/waves/staff-domains.ts";
import { requestRedispatch } from "#shared/waves/sweep.ts";
import {
  cancelWave,
  createWave,
  getWaveWithCounts,
  listUnreached,
  listWaveMessages,
  listWaves,
  previewAudience,
  resendUnknown,
  scheduleWave,
  sendTestLetter,
  type WaveSchedulingDependencies,
  type WaveTestDependencies,
} from "#shared/waves/waves.ts";
import type { CorrespondenceDependencies } from "../correspondence.ts";
import { waveTable } from "./correspondence.tables.ts";

const byId = z.strictObject({ id: waveIdSchema });

const waveWithCountsSchema = waveSchema
  .extend({
    counts: z
      .record(z.enum([...messageStatusSchema.options, "unreached"]), z.number().int())
      .describe(
        "The wave's messages by status, from the ledger; unreached: the owners it could not reach at all " +
          "(GET /waves/{id}/unreached)",
      ),
  })
  .meta({ id: "WaveWithCounts" });

const ownerFactsSchema = z.object({
  owner: z.string(),
  name: z.string(),
  iso3: z.string().optional(),
  acronym: z.string().optional(),
});

/** Another wave a skip names, for its words and a link: its id, and its description when it has one. */
const otherWaveSchema = z.object({ waveId: waveIdSchema, description: z.string().optional() });

const audiencePreviewSchema = z
  .object({
    recipients: z.array(
      z.object({
        recipient: z.string(),
        owner: ownerFactsSchema,
        contact: z
          .object({ id: z.string(), name: z.string().optional(), title: z.string().optional() })
          .loose()
          .describe(`Its name, title and agency: ${SECRETARIAT_ONLY}`),
        email: z.string().optional().describe(SECRETARIAT_ONLY),
        language: unLanguageSchema,
        addressedTo: z
          .enum(["point-of-contact", "permanent-mission"])
          .optional()
          .describe("permanent-mission: the State has no reachable point of contact, so its Mission gets the letter"),
      }),
    ),
    skipped: z.array(
      z.object({
        recipient: z.string(),
        owner: ownerFactsSchema,
        contactId: z.string().optional(),
        email: z.string().optional().describe(SECRETARIAT_ONLY),
        reason: skipReasonSchema,
        duplicateOf: z.string().optional(),
        writtenBy: otherWaveSchema
          .optional()
          .describe(
            "For written-by-halted-wave: the wave of this rest's chain (the halted wave, or a completed rest of it) that wrote to the owner",
          ),
      }),
    ),
    unreached: z
      .array(z.object({ owner: ownerFactsSchema, reason: unreachedReasonSchema, detail: z.string() }))
      .describe("Owners no letter would reach: no usable point of contact and, for a State, no usable Mission"),
    asOfDay: z.iso
      .date()
      .describe("The New York day the audience was resolved for: the wave's send day, or today once it has passed"),
    sameLetter: z
      .array(
        waveSchema.pick({ id: true, status: true, sendInstant: true, description: true }).extend({
          lettersWritten: z
            .number()
            .int()
            .positive()
            .optional()
            .describe("Of a halted wave: how many letters it sent, or may have, before it halted"),
        }),
      )
      .describe(
        "The other waves of this template to this audience, scheduled, sending, or completed (or halted after " +
          `sending letters) with a send time at most ${SAME_LETTER_LOOKBACK_DAYS} days before this wave's, in send ` +
          "time order: their recipients have this letter, or will, and this wave writes to them again",
      ),
  })
  .meta({ id: "AudiencePreview" });

const messagesQuery = z.strictObject({ status: messageStatusSchema.optional(), ...pageQueryShape });

const byMessage = z.strictObject({ id: waveIdSchema, recipient: z.string().min(1).max(120) });

const listedMessageSchema = messageSchema
  .extend({
    email: z.string().optional().describe(SECRETARIAT_ONLY),
    letter: letterSchema
      .partial({ text: true, html: true })
      .optional()
      .describe(`The letter as rendered; its text and HTML: ${SECRETARIAT_ONLY}`),
    eventWindowEndsAt: z.iso
      .datetime()
      .optional()
      .describe(
        "On an unknown letter: until when SES events may still settle it; after it (and before notAfter) the " +
          "secretariat may send it again (POST /waves/{id}/messages/{recipient}/resend)",
      ),
  })
  .meta({ id: "WaveMessage" });

const resentSchema = messageSchema
  .extend({
    scheduleName: z
      .string()
      .optional()
      .describe(
        "Where the api has no wave queue: the one-time schedule that fires wave-dispatch to enqueue the letter",
      ),
    firesAt: z.iso.datetime().optional().describe("When that schedule fires (UTC): within three minutes"),
  })
  .meta({ id: "ResentWaveMessage" });

const redispatchSchema = z
  .object({
    wave: waveSchema,
    scheduleName: z.string().describe("The wave's one-time schedule, made again to fire wave-dispatch"),
    firesAt: z.iso.datetime().describe("When it fires (UTC): the next whole minute at least one minute ahead"),
  })
  .meta({ id: "WaveRedispatch" });

export type WaveRouteDependencies = WaveSchedulingDependencies &
  WaveTestDependencies & {
    /** The wave queue a resent letter goes on; without one, a one-time schedule has wave-dispatch enqueue it. */
    queue?: SendQueue | undefined;
    /** The event window of unknown letters (SES_EVENT_WINDOW_HOURS); 24 hours when absent. */
    eventWindowMs?: number | undefined;
  };

/** The routes' schemas, joined to their data in wave.table.ts. */
export const declarations = declareRoutes(waveTable, {
  createWave: {
    body: newWaveSchema,
    responses: [{ status: 201, description: "The draft wave", schema: waveSchema, etag: true }],
  },
  listWaves: {
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of waves", schema: pageSchema(waveSchema) }],
  },
  getWave: {
    params: byId,
    responses: [{ status: 200, description: "The wave", schema: waveWithCountsSchema, etag: true }],
  },
  previewWaveAudience: {
    params: byId,
    responses: [{ status: 200, description: "Recipients and skipped contacts", schema: audiencePreviewSchema }],
  },
  scheduleWave: {
    params: byId,
    responses: [{ status: 200, description: "The wave as moved", schema: waveSchema, etag: true }],
  },
  cancelWave: {
    params: byId,
    responses: [{ status: 200, description: "The wave as moved", schema: waveSchema, etag: true }],
  },
  sendWaveTest: {
    params: byId,
    body: waveTestRequestSchema,
    responses: [{ status: 200, description: "What was sent", schema: waveTestResultSchema }],
  },
  listWaveUnreached: {
    params: byId,
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of unreached owners", schema: pageSchema(unreachedSchema) }],
  },
  listWaveMessages: {
    params: byId,
    query: messagesQuery,
    responses: [{ status: 200, description: "A page of messages", schema: pageSchema(listedMessageSchema) }],
  },
  resendWaveMessage: {
    params: byMessage,
    responses: [{ status: 202, description: "The letter, queued again for the sender", schema: resentSchema }],
  },
  redispatchWave: {
    params: byId,
    responses: [
      { status: 202, description: "The wave as it stands, and when dispatch runs", schema: redispatchSchema },
    ],
  },
});

export function waveRoutes(deps: WaveRouteDependencies) {
  return routesOf(declarations, {
    async createWave({ body, audit }) {
      const wave = await createWave(deps)(body, audit);
      return {
        status: 201,
        body: wave.value,
        version: wave.version,
        headers: { location: `/waves/${wave.value.id}` },
      };
    },
    async listWaves({ query }) {
      const page = await listWaves(deps)(pageRequestOf(query));
      return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
    },
    async getWave({ params }) {
      const { wave, counts } = await getWaveWithCounts(deps)(params.id);
      return { body: { ...wave.value, counts }, version: wave.version };
    },
    async previewWaveAudience({ params, actor }) {
      return { body: audienceAsReadBy(actor)(await previewAudience(deps)(params.id)) };
    },
    async scheduleWave({ params, expectedVersion, audit }) {
      const wave = await scheduleWave(deps)(params.id, expectedVersion, audit);
      return { body: wave.value, version: wave.version };
    },
    async cancelWave({ params, expectedVersion, audit }) {
      const wave = await cancelWave(deps)(params.id, expectedVersion, audit);
      return { body: wave.value, version: wave.version };
    },
    async sendWaveTest({ params, body, audit }) {
      return { body: await sendTestLetter(deps)(params.id, body, audit) };
    },
    async listWaveUnreached({ params, query }) {
      const page = await listUnreached(deps)(params.id, pageRequestOf(query));
      return { body: { items: page.items, cursor: page.cursor } };
    },
    async listWaveMessages({ params, query, actor }) {
      const page = await listWaveMessages(deps)(params.id, query.status, pageRequestOf(query));
      const windowMs = deps.eventWindowMs ?? DEFAULT_EVENT_WINDOW_MS;
      const read = messageAsReadBy(actor);
      const items = page.items.map((message) =>
        read(
          message.status === "unknown" ? { ...message, eventWindowEndsAt: eventWindowEnd(message, windowMs) } : message,
        ),
      );
      return { body: { items, cursor: page.cursor } };
    },
    async resendWaveMessage({ params, audit }) {
      const { message, schedule } = await resendUnknown(deps)(params.id, params.recipient, audit);
      return { status: 202, body: { ...message, ...schedule } };
    },
    async redispatchWave({ params, audit }) {
      return { status: 202, body: await requestRedispatch(deps)(params.id, audit) };
    },
  });
}

const noMailer: Mailer = {
  sendMail: async () => {
    throw new Conflict("Mail cannot be sent here: no sender is configured (MAIL_FROM)");
  },
};

/** The routes on the correspondence group's tables and clients (functions/api/correspondence.ts). */
export function bindRoutes({
  doc,
  tableNames,
  clock,
  waveScheduler = unconfiguredWaveScheduler("no wave scheduler is configured"),
  mailer = noMailer,
  staffMailDomains = staffMailDomainsOf(process.env),
  queue,
  eventWindowMs = eventWindowMsOf(process.env),
}: CorrespondenceDependencies): Route[] {
  return waveRoutes({
    ...contactDependencies(doc, tableNames, clock),
    assistance: assistanceAudienceReads(doc, tableNames),
    templates: templateRepository(doc, tableNames, clock),
    ledger: ledgerRepository(doc, tableNames, clock),
    waves: waveRepository(doc, tableNames, clock),
    scheduler: waveScheduler,
    mailer,
    staffMailDomains,
    queue,
    eventWindowMs,
  });
}
