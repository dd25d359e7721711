// Routes of correspondence waves: create, read with ledger counts, preview the audience, schedule, cancel, send a
// test copy, and the wave's messages. Dispatch is not a route: the wave's schedule fires it (dispatchWave).
import * as z from "zod";
import { DEFAULT_EVENT_WINDOW_MS, eventWindowEnd } from "#shared/correspondence/lifecycle.ts";
import type { SendQueue } from "#shared/correspondence/memory-queue.ts";
import { messageSchema, messageStatusSchema, skipReasonSchema, waveIdSchema } from "#shared/correspondence/schemas.ts";
import { unreachedReasonSchema, unreachedSchema } from "#shared/correspondence/unreached.ts";
import { pageQuerySchema, pageQueryShape, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute } from "#shared/http/route.ts";
import { unLanguageSchema } from "#shared/registry/schemas.ts";
import { newWaveSchema, waveSchema, waveTestRequestSchema, waveTestResultSchema } from "#shared/waves/schemas.ts";
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
import { everyone, secretariatOnly } from "../access.ts";

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

const audiencePreviewSchema = z
  .object({
    recipients: z.array(
      z.object({
        recipient: z.string(),
        owner: ownerFactsSchema,
        contact: z.object({ id: z.string(), name: z.string(), title: z.string().optional() }).loose(),
        email: z.string(),
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
        email: z.string().optional(),
        reason: skipReasonSchema,
        duplicateOf: z.string().optional(),
      }),
    ),
    unreached: z
      .array(z.object({ owner: ownerFactsSchema, reason: unreachedReasonSchema, detail: z.string() }))
      .describe("Owners no letter would reach: no usable point of contact and, for a State, no usable Mission"),
  })
  .meta({ id: "AudiencePreview" });

const messagesQuery = z.strictObject({ status: messageStatusSchema.optional(), ...pageQueryShape });

const byMessage = z.strictObject({ id: waveIdSchema, recipient: z.string().min(1).max(120) });

const listedMessageSchema = messageSchema
  .extend({
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

export type WaveRouteDependencies = WaveSchedulingDependencies &
  WaveTestDependencies & {
    /** The wave queue a resent letter goes on; without one, a one-time schedule has wave-dispatch enqueue it. */
    queue?: SendQueue | undefined;
    /** The event window of unknown letters (SES_EVENT_WINDOW_HOURS); 24 hours when absent. */
    eventWindowMs?: number | undefined;
  };

export function waveRoutes(deps: WaveRouteDependencies) {
  const transition = (
    verb: "schedule" | "cancel",
    summary: string,
    run: typeof scheduleWave | typeof cancelWave,
    operationId: string,
  ) =>
    defineRoute({
      method: "POST",
      path: `/waves/{id}/${verb}`,
      operationId,
      summary,
      tag: "Correspondence",
      access: secretariatOnly,
      params: byId,
      requiresIfMatch: true,
      responses: [{ status: 200, description: "The wave as moved", schema: waveSchema, etag: true }],
      async handle({ params, expectedVersion, audit }) {
        const wave = await run(deps)(params.id, expectedVersion, audit);
        return { body: wave.value, version: wave.version };
      },
    });

  return [
    defineRoute({
      method: "POST",
      path: "/waves",
      operationId: "createWave",
      summary: "Create a draft wave: an existing template, a named audience, a local send time in an IANA zone",
      tag: "Correspondence",
      access: secretariatOnly,
      body: newWaveSchema,
      responses: [{ status: 201, description: "The draft wave", schema: waveSchema, etag: true }],
      async handle({ body, audit }) {
        const wave = await createWave(deps)(body, audit);
        return {
          status: 201,
          body: wave.value,
          version: wave.version,
          headers: { location: `/waves/${wave.value.id}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/waves",
      operationId: "listWaves",
      summary: "The waves, oldest first",
      tag: "Correspondence",
      access: everyone,
      query: pageQuerySchema,
      responses: [{ status: 200, description: "A page of waves", schema: pageSchema(waveSchema) }],
      async handle({ query }) {
        const page = await listWaves(deps)(pageRequestOf(query));
        return { body: { items: page.items.map((item) => item.value), cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/waves/{id}",
      operationId: "getWave",
      summary: "One wave with its ETag and its messages counted by status",
      tag: "Correspondence",
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "The wave", schema: waveWithCountsSchema, etag: true }],
      async handle({ params }) {
        const { wave, counts } = await getWaveWithCounts(deps)(params.id);
        return { body: { ...wave.value, counts }, version: wave.version };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/waves/{id}/audience",
      operationId: "previewWaveAudience",
      summary: "Who the wave would write to if dispatched now, and who is left out and why (nothing is written)",
      tag: "Correspondence",
      access: everyone,
      params: byId,
      responses: [{ status: 200, description: "Recipients and skipped contacts", schema: audiencePreviewSchema }],
      async handle({ params }) {
        return { body: await previewAudience(deps)(params.id) };
      },
    }),
    transition(
      "schedule",
      "Schedule a draft wave (If-Match): its one-time schedule fires dispatch at sendAt in its time zone; refused " +
        "once its send time has passed",
      scheduleWave,
      "scheduleWave",
    ),
    transition(
      "cancel",
      "Cancel a draft or scheduled wave (If-Match) and delete its schedule",
      cancelWave,
      "cancelWave",
    ),
    defineRoute({
      method: "POST",
      path: "/waves/{id}/test",
      operationId: "sendWaveTest",
      summary:
        "Send one copy of the wave's letter to a staff address, rendered for a recipient as dispatch would, " +
        "subject prefixed [TEST]; the ledger is untouched, the send is audited",
      tag: "Correspondence",
      access: secretariatOnly,
      params: byId,
      body: waveTestRequestSchema,
      responses: [{ status: 200, description: "What was sent", schema: waveTestResultSchema }],
      async handle({ params, body, audit }) {
        return { body: await sendTestLetter(deps)(params.id, body, audit) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/waves/{id}/unreached",
      operationId: "listWaveUnreached",
      summary:
        "The States (and organizations) the dispatched wave could not reach at all, neither at a point of contact " +
        "nor at a Permanent Mission, each with the reason",
      tag: "Correspondence",
      access: everyone,
      params: byId,
      query: pageQuerySchema,
      responses: [{ status: 200, description: "A page of unreached owners", schema: pageSchema(unreachedSchema) }],
      async handle({ params, query }) {
        const page = await listUnreached(deps)(params.id, pageRequestOf(query));
        return { body: { items: page.items, cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/waves/{id}/messages",
      operationId: "listWaveMessages",
      summary: "The wave's messages from the send ledger, optionally in one status",
      tag: "Correspondence",
      access: everyone,
      params: byId,
      query: messagesQuery,
      responses: [{ status: 200, description: "A page of messages", schema: pageSchema(listedMessageSchema) }],
      async handle({ params, query }) {
        const page = await listWaveMessages(deps)(params.id, query.status, pageRequestOf(query));
        const windowMs = deps.eventWindowMs ?? DEFAULT_EVENT_WINDOW_MS;
        const items = page.items.map((message) =>
          message.status === "unknown" ? { ...message, eventWindowEndsAt: eventWindowEnd(message, windowMs) } : message,
        );
        return { body: { items, cursor: page.cursor } };
      },
    }),
    defineRoute({
      method: "POST",
      path: "/waves/{id}/messages/{recipient}/resend",
      operationId: "resendWaveMessage",
      summary:
        "Send again a letter left unknown by a crash, once no SES event can settle it (its event window has closed) " +
        "and before the wave's not-after deadline; audited. 409 otherwise",
      tag: "Correspondence",
      access: secretariatOnly,
      params: byMessage,
      responses: [{ status: 202, description: "The letter, queued again for the sender", schema: resentSchema }],
      async handle({ params, audit }) {
        const { message, schedule } = await resendUnknown(deps)(params.id, params.recipient, audit);
        return { status: 202, body: { ...message, ...schedule } };
      },
    }),
    redispatchRoute(deps),
  ];
}

const redispatchSchema = z
  .object({
    wave: waveSchema,
    scheduleName: z.string().describe("The wave's one-time schedule, made again to fire wave-dispatch"),
    firesAt: z.iso.datetime().describe("When it fires (UTC): the next whole minute at least one minute ahead"),
  })
  .meta({ id: "WaveRedispatch" });

/** The sweep's work for one wave on demand (shared/waves/sweep.ts): the wave's schedule made again to fire now. */
function redispatchRoute(deps: WaveRouteDependencies) {
  return defineRoute({
    method: "POST",
    path: "/waves/{id}/redispatch",
    operationId: "redispatchWave",
    summary:
      "Dispatch a wave again within three minutes, as the sweep does: its missing letters written, its queued ones " +
      "enqueued, none sent twice, completed once all are final. Only a dispatching wave, or a scheduled one past its " +
      "send time (409 otherwise); audited",
    tag: "Correspondence",
    access: secretariatOnly,
    params: byId,
    responses: [
      { status: 202, description: "The wave as it stands, and when dispatch runs", schema: redispatchSchema },
    ],
    async handle({ params, audit }) {
      return { status: 202, body: await requestRedispatch(deps)(params.id, audit) };
    },
  });
}
