// Every documented route of the API, driven through the combined handler against DynamoDB Local and the SES emulator:
// once with a request that succeeds and once with one that fails as the route declares, each as a group that may call
// it. Each answer's status must be one the OpenAPI document names for the route, and its body must match the schema
// the route declares for that status (a problem: the problem schema). A route without a case here fails the test.
import { Logger } from "@aws-lambda-powertools/logger";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { type Group, groupSchema, systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { problemSchema } from "#shared/http/problem.ts";
import { declarationsOf, type ResponseSpec } from "#shared/http/route.ts";
import { sesMailer } from "#shared/mail/ses.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeYears } from "#shared/programme/years.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import type { WaveScheduler } from "#shared/waves/scheduler.ts";
import { waveResendScheduleName, waveScheduleName } from "#shared/waves/scheduler.ts";
import { dispatchWave } from "#shared/waves/waves.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { createApiHandler, openApiJsonOfEveryRoute } from "../../functions/api/app.ts";
import { routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { createAssistanceReportHandler } from "../../functions/assistance-report/app.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";
import { freshTables } from "./fresh-tables.ts";

interface DocumentedRoute {
  /** `METHOD /path`, as the OpenAPI document names the operation. */
  key: string;
  access: "open" | readonly Group[];
  responses: readonly ResponseSpec[];
  /** Every status the document names for the route, problems included. */
  statuses: readonly number[];
}

/** The one place this test reads the route declarations: every group's route modules, and the document they make. */
async function documentedRoutes(): Promise<DocumentedRoute[]> {
  const declarations = await declarationsOf(routeGroupNames.flatMap((group) => routeGroups[group].modules));
  const document = JSON.parse(await openApiJsonOfEveryRoute()) as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return declarations.map((route) => ({
    key: `${route.method} ${route.path}`,
    access: route.access,
    responses: route.responses,
    statuses: Object.keys(document.paths[route.path]?.[route.method.toLowerCase()]?.responses ?? {}).map(Number),
  }));
}

interface Exchange {
  method?: string;
  path: string;
  query?: string;
  /** Sent as JSON unless `contentType` says otherwise. */
  body?: unknown;
  contentType?: string;
  ifMatch?: string;
  /** The caller; open routes are called without a token. */
  group?: Group;
}

interface Answer {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: unknown;
}

interface ContractCase {
  /** A request that succeeds, as a group that may call the route; it may prepare what it needs first. */
  ok(): Promise<Exchange>;
  /** A request the route refuses, with the status the route declares for it. */
  refused(): Promise<[Exchange, number]>;
}

// Friday 27 November 2026: 2026-Q3 has ended, programme year 2026 is a draft.
const clock = fixedClock("2026-11-27T09:00:00Z");
const audit = { actor: systemActor("contracts") };
let handler: ReturnType<typeof createApiHandler>;
let documented: DocumentedRoute[];
let tables: Awaited<ReturnType<typeof freshTables>>;

const scheduled: string[] = [];
const scheduler: WaveScheduler = {
  schedule: async (wave) => {
    scheduled.push(wave.id);
    return waveScheduleName(wave.id);
  },
  scheduleResend: async (wave) => waveResendScheduleName(wave.id),
  unschedule: async () => undefined,
};

async function call({ method = "GET", path, query, body, contentType, ifMatch, group }: Exchange): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = contentType ?? "application/json";
  if (ifMatch !== undefined) headers["if-match"] = ifMatch;
  const text = typeof body === "string" || body === undefined ? body : JSON.stringify(body);
  const result = (await handler(
    apiEvent({ method, path, query, headers, body: text, group }),
    lambdaContext,
  )) as APIGatewayProxyStructuredResultV2;
  const answerHeaders = (result.headers ?? {}) as Record<string, string>;
  const answerText = result.body ?? "";
  const isJson = /json/.test(answerHeaders["content-type"] ?? "") && answerText !== "";
  return {
    status: result.statusCode ?? 0,
    headers: answerHeaders,
    text: answerText,
    json: isJson ? JSON.parse(answerText) : undefined,
  };
}

/** Calls outside the contract itself, to set up a case: they must succeed. */
async function prepare(exchange: Exchange): Promise<Answer> {
  const answer = await call(exchange);
  if (answer.status >= 300)
    throw new Error(`${exchange.method ?? "GET"} ${exchange.path}: ${answer.status} ${answer.text}`);
  return answer;
}

const idOf = (answer: Answer) => String((answer.json as { id: unknown }).id);
const etagOf = (answer: Answer) => String(answer.headers.etag);

/** Checks an answer against what the route declares for its status. */
function expectDeclared(route: DocumentedRoute, answer: Answer) {
  const where = `${route.key} answered ${answer.status}: ${answer.text.slice(0, 400)}`;
  expect(route.statuses, where).toContain(answer.status);
  const declared = route.responses.find((response) => response.status === answer.status);
  const contentType = answer.headers["content-type"] ?? "";
  if (!declared) {
    expect(contentType, where).toBe("application/problem+json");
    const problem = problemSchema.safeParse(answer.json);
    expect(problem.error?.issues ?? [], where).toEqual([]);
    expect(problem.data?.status, where).toBe(answer.status);
    return;
  }
  if (declared.schema) {
    expect(contentType, where).toContain(declared.contentType ?? "application/json");
    const parsed = declared.schema.safeParse(answer.json ?? answer.text);
    expect(parsed.error?.issues ?? [], where).toEqual([]);
    return;
  }
  // A body without a schema (the document itself, the docs page and its assets): its media type, where declared.
  if (declared.contentType) expect(contentType, where).toContain(declared.contentType);
}

const unknownUlid = "01ARZ3NDEKTSV4RRFFQ69G5FAV";
/** Path parameters of the form their schemas take, where "contract-x" is not. */
const wellFormed: Record<string, string> = { iso3: "KEN", year: "2026", id: unknownUlid, feedbackId: unknownUlid };

/** Shared by the cases, in the order they run: what one made, the next reads. */
const made: Record<string, string> = {};

const template = {
  id: "contract-first-report",
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: {
    en: {
      subject: "First national report: {{state.name}}",
      text: "Dear {{contact.name}}, the Committee invites {{state.name}} to report by {{deadline|date}}.",
      html: "<p>Dear {{contact.name}}, {{state.name}}: {{deadline|date}}.</p>",
    },
  },
};
const wave = {
  templateId: template.id,
  audience: "non-reporting-states",
  sendAt: "2026-12-15T09:00",
  timeZone: "America/New_York",
  notAfter: "2026-12-31T00:00:00Z",
  deadline: "2027-04-30",
};
const newRequest = (symbol: string, consentedToCirculation = true) => ({
  iso3: "KEN",
  areas: ["legislation", "customs-and-border"],
  description: "Border control legislation",
  receivedOn: "2026-11-02",
  symbol,
  consentedToCirculation,
});
const offer = {
  provider: { kind: "state", iso3: "FRA" },
  areas: ["legislation", "customs-and-border"],
  description: "Legislative drafting workshops",
  validFrom: "2026-01-01",
};

async function moveRequest(requestId: string, to: string) {
  const current = await prepare({ path: `/assistance/requests/${requestId}`, group: "experts" });
  return prepare({
    method: "POST",
    path: `/assistance/requests/${requestId}/transitions`,
    body: { to },
    ifMatch: etagOf(current),
    group: "experts",
  });
}

const readers: Group = "members";
const SEPTEMBER_LETTERS = "/programme/2026/activities/sep-letter-open-briefing-invitation/letters";
const MANUAL_LETTER_VALUES = "/programme/2026/activities/mar-letter-outreach/letters/outreach-letter/values";
/** How long SES events may settle an unknown letter here: short, so a resend's case need not wait a day. */
const EVENT_WINDOW_MS = 10 * 60_000;

/** Each route's case, in the order they run. */
const cases: Record<string, ContractCase> = {
  "GET /": {
    ok: async () => ({ path: "/" }),
    refused: async () => [{ path: "/", query: "v=2" }, 400],
  },
  "GET /health": {
    ok: async () => ({ path: "/health" }),
    refused: async () => [{ path: "/health", query: "verbose=1" }, 400],
  },
  "GET /openapi.json": {
    ok: async () => ({ path: "/openapi.json" }),
    refused: async () => [{ path: "/openapi.json", query: "v=2" }, 400],
  },
  "GET /docs": {
    ok: async () => ({ path: "/docs" }),
    refused: async () => [{ path: "/docs", query: "v=2" }, 400],
  },
  "GET /docs/{asset}": {
    ok: async () => ({ path: "/docs/init.js" }),
    refused: async () => [{ path: "/docs/no-such-asset.js" }, 404],
  },

  "GET /states": {
    ok: async () => ({ path: "/states", query: "region=african", group: readers }),
    refused: async () => [{ path: "/states", query: "region=nowhere", group: readers }, 400],
  },
  "GET /states/{iso3}": {
    ok: async () => ({ path: "/states/CHE", group: readers }),
    refused: async () => [{ path: "/states/VAT", group: readers }, 404],
  },
  "PATCH /states/{iso3}": {
    ok: async () => {
      const read = await prepare({ path: "/states/CHE", group: readers });
      return {
        method: "PATCH",
        path: "/states/CHE",
        body: { language: "en" },
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => [
      { method: "PATCH", path: "/states/CHE", body: { language: "es" }, ifMatch: '"999"', group: "secretariat" },
      412,
    ],
  },
  "POST /states/{iso3}/submissions": {
    ok: async () => ({
      method: "POST",
      path: "/states/CHE/submissions",
      body: { kind: "first-report", receivedOn: "2026-11-20", symbol: "S/AC.44/2026/CHE/1", language: "fr" },
      group: "experts",
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/states/CHE/submissions",
        body: {
          kind: "first-report",
          receivedOn: "2026-11-20",
          symbol: "S/AC.44/2026/CHE/1",
          language: "fr",
        },
        group: "experts",
      },
      409,
    ],
  },
  "GET /states/{iso3}/submissions": {
    ok: async () => {
      const list = await prepare({ path: "/states/CHE/submissions", group: readers });
      made.submission = String((list.json as { items: { id: string }[] }).items[0]?.id);
      return { path: "/states/CHE/submissions", group: readers };
    },
    refused: async () => [{ path: "/states/VAT/submissions", group: readers }, 404],
  },
  "GET /states/{iso3}/submissions/{id}": {
    ok: async () => ({ path: `/states/CHE/submissions/${made.submission}`, group: readers }),
    refused: async () => [{ path: `/states/CHE/submissions/${unknownUlid}`, group: readers }, 404],
  },
  "PATCH /states/{iso3}/submissions/{id}": {
    ok: async () => {
      const read = await prepare({ path: `/states/CHE/submissions/${made.submission}`, group: readers });
      return {
        method: "PATCH",
        path: `/states/CHE/submissions/${made.submission}`,
        body: { note: "Received through the Permanent Mission" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "PATCH",
        path: `/states/CHE/submissions/${made.submission}`,
        body: { note: "lost" },
        ifMatch: '"99"',
        group: "experts",
      },
      412,
    ],
  },
  "POST /states/{iso3}/submissions/{id}/kind": {
    ok: async () => {
      const read = await prepare({ path: `/states/CHE/submissions/${made.submission}`, group: readers });
      return {
        method: "POST",
        path: `/states/CHE/submissions/${made.submission}/kind`,
        body: { kind: "action-plan", reason: "the covering letter calls it an action plan" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "POST",
        path: `/states/CHE/submissions/${unknownUlid}/kind`,
        body: { kind: "action-plan", reason: "no such submission" },
        ifMatch: '"1"',
        group: "experts",
      },
      404,
    ],
  },
  "POST /states/{iso3}/submissions/{id}/void": {
    ok: async () => {
      const read = await prepare({ path: `/states/CHE/submissions/${made.submission}`, group: readers });
      return {
        method: "POST",
        path: `/states/CHE/submissions/${made.submission}/void`,
        body: { reason: "recorded for the wrong State" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => {
      const read = await prepare({ path: `/states/CHE/submissions/${made.submission}`, group: readers });
      return [
        {
          method: "POST",
          path: `/states/CHE/submissions/${made.submission}/void`,
          body: { reason: "voided twice" },
          ifMatch: etagOf(read),
          group: "experts",
        },
        409,
      ];
    },
  },
  "GET /states/{iso3}/obligations": {
    ok: async () => ({ path: "/states/CHE/obligations", group: readers }),
    refused: async () => [{ path: "/states/VAT/obligations", group: readers }, 404],
  },

  "GET /matrix/fields": {
    ok: async () => ({ path: "/matrix/fields", group: readers }),
    refused: async () => [{ path: "/matrix/fields", query: "unexpected=1", group: readers }, 400],
  },
  "GET /states/{iso3}/matrix": {
    ok: async () => ({ path: "/states/KEN/matrix", group: readers }),
    refused: async () => [{ path: "/states/VAT/matrix", group: readers }, 404],
  },
  "PATCH /states/{iso3}/matrix": {
    ok: async () => {
      const read = await prepare({ path: "/states/KEN/matrix", group: readers });
      const source = { document: "S/AC.44/2004/(02)/51", article: "Art. 4" };
      return {
        method: "PATCH",
        path: "/states/KEN/matrix",
        body: { cells: [{ fieldId: "op1.npt", value: "X", source }] },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => {
      const read = await prepare({ path: "/states/KEN/matrix", group: readers });
      return [
        {
          method: "PATCH",
          path: "/states/KEN/matrix",
          body: { cells: [{ fieldId: "op9.nothing", value: "X" }] },
          ifMatch: etagOf(read),
          group: "experts",
        },
        422,
      ];
    },
  },
  "POST /states/{iso3}/matrix/transitions": {
    ok: async () => {
      const read = await prepare({ path: "/states/KEN/matrix", group: readers });
      return {
        method: "POST",
        path: "/states/KEN/matrix/transitions",
        body: { to: "shared-with-state" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "POST",
        path: "/states/KEN/matrix/transitions",
        body: { to: "approved" },
        ifMatch: '"99"',
        group: "secretariat",
      },
      412,
    ],
  },
  "GET /states/{iso3}/matrix/versions": {
    ok: async () => ({ path: "/states/KEN/matrix/versions", group: readers }),
    refused: async () => [{ path: "/states/VAT/matrix/versions", group: readers }, 404],
  },
  "GET /states/{iso3}/matrix/versions/{version}": {
    ok: async () => ({ path: "/states/KEN/matrix/versions/1", group: readers }),
    refused: async () => [{ path: "/states/KEN/matrix/versions/99", group: readers }, 404],
  },
  "GET /states/{iso3}/matrix/diff": {
    ok: async () => {
      // A second version: the shared draft approved, then edited again.
      const read = await prepare({ path: "/states/KEN/matrix", group: readers });
      await prepare({
        method: "POST",
        path: "/states/KEN/matrix/transitions",
        body: { to: "approved" },
        ifMatch: etagOf(read),
        group: "secretariat",
      });
      const approved = await prepare({ path: "/states/KEN/matrix", group: readers });
      await prepare({
        method: "PATCH",
        path: "/states/KEN/matrix",
        body: {
          cells: [
            {
              fieldId: "op2.nuclear.manufacture.legal-framework",
              value: "X",
              source: { url: "https://example.org/law" },
            },
          ],
        },
        ifMatch: etagOf(approved),
        group: "experts",
      });
      const list = await prepare({ path: "/states/KEN/matrix/versions", group: readers });
      const versions = (list.json as { items: { version: number }[] }).items.map((item) => item.version);
      return {
        path: "/states/KEN/matrix/diff",
        query: `from=${Math.min(...versions)}&to=${Math.max(...versions)}`,
        group: readers,
      };
    },
    refused: async () => [{ path: "/states/VAT/matrix/diff", query: "from=1&to=2", group: readers }, 404],
  },

  "GET /organizations": {
    ok: async () => ({ path: "/organizations", group: readers }),
    refused: async () => [{ path: "/organizations", query: "limit=0", group: readers }, 400],
  },
  "POST /organizations": {
    ok: async () => ({
      method: "POST",
      path: "/organizations",
      body: { kind: "subregional", name: "Pacific Islands Forum", acronym: "PIF", region: "Pacific" },
      group: "secretariat",
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/organizations",
        body: { kind: "subregional", name: "Pacific Islands Forum", acronym: "PIF", region: "Pacific" },
        group: "secretariat",
      },
      409,
    ],
  },
  "GET /organizations/{id}": {
    ok: async () => ({ path: "/organizations/pif", group: readers }),
    refused: async () => [{ path: "/organizations/nowhere", group: readers }, 404],
  },
  "PATCH /organizations/{id}": {
    ok: async () => {
      const read = await prepare({ path: "/organizations/pif", group: readers });
      return {
        method: "PATCH",
        path: "/organizations/pif",
        body: { region: "Pacific Ocean" },
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => [
      { method: "PATCH", path: "/organizations/pif", body: { region: "lost" }, ifMatch: '"99"', group: "secretariat" },
      412,
    ],
  },
  "POST /organizations/{id}/retire": {
    ok: async () => {
      const made = await prepare({
        method: "POST",
        path: "/organizations",
        body: { kind: "regional", name: "Contract Retiring Forum", acronym: "CRF" },
        group: "secretariat",
      });
      return {
        method: "POST",
        path: "/organizations/crf/retire",
        body: { reason: "recorded for the contract only" },
        ifMatch: etagOf(made),
        group: "secretariat",
      };
    },
    refused: async () => [
      {
        method: "POST",
        path: "/organizations/pif/retire",
        body: { reason: "recorded twice" },
        ifMatch: '"99"',
        group: "secretariat",
      },
      412,
    ],
  },

  "POST /contacts": {
    ok: async () => ({
      method: "POST",
      path: "/contacts",
      body: { owner: "STATE:FIN", role: "capital-poc", name: "Robin Placeholder", email: "poc.fin@example.org" },
      group: "secretariat",
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/contacts",
        body: { owner: "STATE:FIN", role: "chief", name: "Robin Placeholder", email: "poc.fin@example.org" },
        group: "secretariat",
      },
      422,
    ],
  },
  "GET /contacts": {
    ok: async () => {
      const list = await prepare({ path: "/contacts", query: "owner=STATE:FIN", group: readers });
      made.contact = String((list.json as { items: { id: string }[] }).items[0]?.id);
      return { path: "/contacts", group: readers };
    },
    refused: async () => [{ path: "/contacts", query: "limit=0", group: readers }, 400],
  },
  "GET /contacts/{id}": {
    ok: async () => ({ path: `/contacts/${made.contact}`, group: readers }),
    refused: async () => [{ path: `/contacts/${unknownUlid}`, group: readers }, 404],
  },
  "PATCH /contacts/{id}": {
    ok: async () => {
      const read = await prepare({ path: `/contacts/${made.contact}`, group: "secretariat" });
      return {
        method: "PATCH",
        path: `/contacts/${made.contact}`,
        body: { name: "Kim Sample" },
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => [
      {
        method: "PATCH",
        path: `/contacts/${made.contact}`,
        body: { name: "Lost" },
        ifMatch: '"99"',
        group: "secretariat",
      },
      412,
    ],
  },
  "POST /contacts/{id}/verify": {
    ok: async () => {
      const read = await prepare({ path: `/contacts/${made.contact}`, group: "secretariat" });
      return { method: "POST", path: `/contacts/${made.contact}/verify`, ifMatch: etagOf(read), group: "secretariat" };
    },
    refused: async () => [
      { method: "POST", path: `/contacts/${made.contact}/verify`, ifMatch: '"99"', group: "secretariat" },
      412,
    ],
  },
  "GET /states/{iso3}/point-of-contact": {
    ok: async () => ({ path: "/states/FIN/point-of-contact", group: readers }),
    refused: async () => [{ path: "/states/VAT/point-of-contact", group: readers }, 404],
  },
  "GET /contacts/export": {
    ok: async () => ({ path: "/contacts/export", group: "secretariat" }),
    refused: async () => [{ path: "/contacts/export", group: "experts" }, 403],
  },
  "POST /contacts/import": {
    ok: async () => ({
      method: "POST",
      path: "/contacts/import",
      body: "owner,role,name,email\nSTATE:NOR,capital-poc,Robin Example,poc.nor@example.org\n",
      contentType: "text/csv",
      group: "secretariat",
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/contacts/import",
        body: "<contacts/>",
        contentType: "application/xml",
        group: "secretariat",
      },
      415,
    ],
  },
  "POST /contacts/{id}/deactivate": {
    ok: async () => {
      const read = await prepare({ path: `/contacts/${made.contact}`, group: "secretariat" });
      return {
        method: "POST",
        path: `/contacts/${made.contact}/deactivate`,
        body: { reason: "left the ministry" },
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => [
      {
        method: "POST",
        path: `/contacts/${made.contact}/deactivate`,
        body: { reason: "again" },
        ifMatch: '"99"',
        group: "secretariat",
      },
      412,
    ],
  },

  "POST /assistance/requests": {
    ok: async () => ({
      method: "POST",
      path: "/assistance/requests",
      body: newRequest("S/AC.44/2026/KEN/1"),
      group: "experts",
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/assistance/requests",
        body: { ...newRequest("S/AC.44/2026/KEN/2"), areas: [] },
        group: "experts",
      },
      422,
    ],
  },
  "GET /assistance/requests": {
    ok: async () => {
      const list = await prepare({ path: "/assistance/requests", group: readers });
      made.request = String((list.json as { items: { id: string }[] }).items[0]?.id);
      return { path: "/assistance/requests", group: readers };
    },
    refused: async () => [{ path: "/assistance/requests", query: "limit=0", group: readers }, 400],
  },
  "GET /assistance/requests/{id}": {
    ok: async () => ({ path: `/assistance/requests/${made.request}`, group: readers }),
    refused: async () => [{ path: `/assistance/requests/${unknownUlid}`, group: readers }, 404],
  },
  "PATCH /assistance/requests/{id}": {
    ok: async () => {
      const read = await prepare({ path: `/assistance/requests/${made.request}`, group: readers });
      return {
        method: "PATCH",
        path: `/assistance/requests/${made.request}`,
        body: { description: "Border control legislation, as the Note Verbale words it" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "PATCH",
        path: `/assistance/requests/${made.request}`,
        body: { receivedOn: "2003-01-01" },
        ifMatch: '"99"',
        group: "experts",
      },
      422,
    ],
  },
  "POST /assistance/requests/{id}/transitions": {
    ok: async () => {
      const read = await prepare({ path: `/assistance/requests/${made.request}`, group: readers });
      return {
        method: "POST",
        path: `/assistance/requests/${made.request}/transitions`,
        body: { to: "acknowledged" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => {
      const read = await prepare({ path: `/assistance/requests/${made.request}`, group: readers });
      return [
        {
          method: "POST",
          path: `/assistance/requests/${made.request}/transitions`,
          body: { to: "fulfilled" },
          ifMatch: etagOf(read),
          group: "experts",
        },
        409,
      ];
    },
  },
  "POST /assistance/requests/{id}/consent": {
    ok: async () => {
      const created = await prepare({
        method: "POST",
        path: "/assistance/requests",
        body: newRequest("S/AC.44/2026/KEN/3", false),
        group: "experts",
      });
      made.unconsented = idOf(created);
      return {
        method: "POST",
        path: `/assistance/requests/${made.unconsented}/consent`,
        body: { reason: "Note Verbale of 20 November 2026 consents to circulation" },
        ifMatch: etagOf(created),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "POST",
        path: `/assistance/requests/${made.unconsented}/consent`,
        body: { reason: "again" },
        ifMatch: '"99"',
        group: "experts",
      },
      412,
    ],
  },
  "POST /assistance/offers": {
    ok: async () => ({ method: "POST", path: "/assistance/offers", body: offer, group: "experts" }),
    refused: async () => [
      {
        method: "POST",
        path: "/assistance/offers",
        body: { ...offer, provider: { kind: "organization", id: "Wco!" } },
        group: "experts",
      },
      422,
    ],
  },
  "GET /assistance/offers": {
    ok: async () => {
      const list = await prepare({ path: "/assistance/offers", group: readers });
      made.offer = String((list.json as { items: { id: string }[] }).items[0]?.id);
      return { path: "/assistance/offers", group: readers };
    },
    refused: async () => [{ path: "/assistance/offers", query: "limit=0", group: readers }, 400],
  },
  "GET /assistance/offers/{id}": {
    ok: async () => ({ path: `/assistance/offers/${made.offer}`, group: readers }),
    refused: async () => [{ path: `/assistance/offers/${unknownUlid}`, group: readers }, 404],
  },
  "PATCH /assistance/offers/{id}": {
    ok: async () => {
      const read = await prepare({ path: `/assistance/offers/${made.offer}`, group: readers });
      return {
        method: "PATCH",
        path: `/assistance/offers/${made.offer}`,
        body: { validUntil: "2027-12-31" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "PATCH",
        path: `/assistance/offers/${made.offer}`,
        body: { description: "lost" },
        ifMatch: '"99"',
        group: "experts",
      },
      412,
    ],
  },
  "GET /assistance/providers": {
    ok: async () => ({ path: "/assistance/providers", group: readers }),
    refused: async () => [{ path: "/assistance/providers", query: "limit=0", group: readers }, 400],
  },
  "GET /assistance/requests/{id}/candidates": {
    ok: async () => {
      await moveRequest(made.request ?? "", "consent-window");
      await moveRequest(made.request ?? "", "circulated");
      return { path: `/assistance/requests/${made.request}/candidates`, group: readers };
    },
    refused: async () => [{ path: `/assistance/requests/${unknownUlid}/candidates`, group: readers }, 404],
  },
  "POST /assistance/matches": {
    ok: async () => ({
      method: "POST",
      path: "/assistance/matches",
      body: { requestId: made.request, offerId: made.offer },
      group: "experts",
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/assistance/matches",
        body: { requestId: made.request, offerId: made.offer },
        group: "experts",
      },
      409,
    ],
  },
  "GET /assistance/requests/{id}/matches": {
    ok: async () => {
      const list = await prepare({ path: `/assistance/requests/${made.request}/matches`, group: readers });
      made.match = String((list.json as { items: { id: string }[] }).items[0]?.id);
      return { path: `/assistance/requests/${made.request}/matches`, group: readers };
    },
    refused: async () => [{ path: `/assistance/requests/${unknownUlid}/matches`, group: readers }, 404],
  },
  "GET /assistance/matches/{id}": {
    ok: async () => ({ path: `/assistance/matches/${made.match}`, group: readers }),
    refused: async () => [{ path: `/assistance/matches/${unknownUlid}`, group: readers }, 404],
  },
  "POST /assistance/matches/{id}/transitions": {
    ok: async () => {
      const read = await prepare({ path: `/assistance/matches/${made.match}`, group: readers });
      return {
        method: "POST",
        path: `/assistance/matches/${made.match}/transitions`,
        body: { to: "accepted" },
        ifMatch: etagOf(read),
        group: "experts",
      };
    },
    refused: async () => {
      const read = await prepare({ path: `/assistance/matches/${made.match}`, group: readers });
      return [
        {
          method: "POST",
          path: `/assistance/matches/${made.match}/transitions`,
          body: { to: "proposed" },
          ifMatch: etagOf(read),
          group: "experts",
        },
        409,
      ];
    },
  },
  "POST /assistance/requests/{id}/feedback": {
    ok: async () => {
      await moveRequest(made.request ?? "", "in-progress");
      await moveRequest(made.request ?? "", "fulfilled");
      return {
        method: "POST",
        path: `/assistance/requests/${made.request}/feedback`,
        body: { from: "requester", text: "The law was adopted" },
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "POST",
        path: `/assistance/requests/${made.unconsented}/feedback`,
        body: { from: "requester", text: "Too early" },
        group: "experts",
      },
      409,
    ],
  },
  "GET /assistance/requests/{id}/feedback": {
    ok: async () => ({ path: `/assistance/requests/${made.request}/feedback`, group: readers }),
    refused: async () => [{ path: `/assistance/requests/${unknownUlid}/feedback`, group: readers }, 404],
  },
  "GET /assistance/requests/{id}/feedback/{feedbackId}": {
    ok: async () => {
      const list = await prepare({ path: `/assistance/requests/${made.request}/feedback`, group: readers });
      made.feedback = String(
        (list.json as { items: { id: string; from: string }[] }).items.find((feedback) => feedback.from === "requester")
          ?.id,
      );
      return { path: `/assistance/requests/${made.request}/feedback/${made.feedback}`, group: readers };
    },
    refused: async () => [
      { path: `/assistance/requests/${made.request}/feedback/${unknownUlid}`, group: readers },
      404,
    ],
  },
  "PATCH /assistance/requests/{id}/feedback/{feedbackId}": {
    ok: async () => {
      const path = `/assistance/requests/${made.request}/feedback/${made.feedback}`;
      const current = await prepare({ path, group: readers });
      return {
        method: "PATCH",
        path,
        body: { text: "The law was adopted in November" },
        ifMatch: etagOf(current),
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "PATCH",
        path: `/assistance/requests/${made.request}/feedback/${made.feedback}`,
        body: { text: "The law was adopted in October" },
        ifMatch: '"1"',
        group: "experts",
      },
      412,
    ],
  },
  "PUT /assistance/requests/{id}/feedback/{feedbackId}/document": {
    ok: async () => {
      const list = await prepare({ path: `/assistance/requests/${made.request}/feedback`, group: readers });
      const note = (list.json as { items: { id: string; receivedOn: string }[] }).items.find(
        (feedback) => feedback.id === made.feedback,
      );
      // The same note, recorded again on Kenya's page as its document.
      await prepare({
        method: "POST",
        path: "/states/KEN/submissions",
        body: {
          kind: "assistance-feedback",
          receivedOn: note?.receivedOn,
          symbol: "S/AC.44/CONTRACT/FB",
          language: "en",
        },
        group: "secretariat",
      });
      return {
        method: "PUT",
        path: `/assistance/requests/${made.request}/feedback/${made.feedback}/document`,
        body: { symbol: "S/AC.44/CONTRACT/FB" },
        group: "experts",
      };
    },
    refused: async () => [
      {
        method: "PUT",
        path: `/assistance/requests/${made.request}/feedback/${made.feedback}/document`,
        body: { symbol: "S/AC.44/CONTRACT/OTHER" },
        group: "experts",
      },
      409,
    ],
  },
  "DELETE /assistance/requests/{id}/feedback/{feedbackId}/document": {
    ok: async () => ({
      method: "DELETE",
      path: `/assistance/requests/${made.request}/feedback/${made.feedback}/document`,
      query: "symbol=S%2FAC.44%2FCONTRACT%2FFB",
      group: "experts",
    }),
    refused: async () => [
      {
        method: "DELETE",
        path: `/assistance/requests/${made.request}/feedback/${unknownUlid}/document`,
        query: "symbol=S%2FAC.44%2FCONTRACT%2FFB",
        group: "experts",
      },
      404,
    ],
  },
  "POST /assistance/requests/{id}/feedback/{feedbackId}/void": {
    ok: async () => {
      const path = `/assistance/requests/${made.request}/feedback/${made.feedback}`;
      const current = await prepare({ path, group: readers });
      return {
        method: "POST",
        path: `${path}/void`,
        body: { reason: "Recorded on the wrong request" },
        ifMatch: etagOf(current),
        group: "experts",
      };
    },
    refused: async () => {
      const path = `/assistance/requests/${made.request}/feedback/${made.feedback}`;
      const current = await prepare({ path, group: readers });
      return [
        { method: "POST", path: `${path}/void`, body: { reason: "Again" }, ifMatch: etagOf(current), group: "experts" },
        409,
      ];
    },
  },
  "GET /assistance/reports": {
    ok: async () => {
      const report = createAssistanceReportHandler({
        assistance: assistanceRepository(tables.doc, tables.tableNames, clock),
        registry: registryRepository(tables.doc, tables.tableNames, clock),
        organizations: organizationRepository(tables.doc, tables.tableNames, clock),
        letters: {
          ledger: ledgerRepository(tables.doc, tables.tableNames, clock),
          waves: waveRepository(tables.doc, tables.tableNames, clock),
          templates: templateRepository(tables.doc, tables.tableNames, clock),
        },
        clock,
        mailer: sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
        secretariatEmail: "secretariat@desk.example",
        logger: { info: () => undefined },
      });
      // A past period: a report is taken on its period's day (10 December for 2026-3) or later.
      await report({ period: "2026-2" });
      return { path: "/assistance/reports", group: readers };
    },
    refused: async () => [{ path: "/assistance/reports", query: "limit=0", group: readers }, 400],
  },
  "GET /assistance/reports/{id}": {
    ok: async () => ({ path: "/assistance/reports/2026-2", group: readers }),
    refused: async () => [{ path: "/assistance/reports/2024-1", group: readers }, 404],
  },
  "GET /search": {
    ok: async () => ({ path: "/search", query: "q=kenya", group: readers }),
    refused: async () => [{ path: "/search", query: "q=k", group: readers }, 400],
  },

  "GET /templates/variables": {
    ok: async () => ({ path: "/templates/variables", group: readers }),
    refused: async () => [{ path: "/templates/variables", query: "unexpected=1", group: readers }, 400],
  },
  "POST /templates": {
    ok: async () => ({ method: "POST", path: "/templates", body: template, group: "secretariat" }),
    refused: async () => [{ method: "POST", path: "/templates", body: template, group: "secretariat" }, 409],
  },
  "GET /templates": {
    ok: async () => ({ path: "/templates", group: readers }),
    refused: async () => [{ path: "/templates", query: "limit=0", group: readers }, 400],
  },
  "GET /templates/{id}": {
    ok: async () => ({ path: `/templates/${template.id}`, group: readers }),
    refused: async () => [{ path: "/templates/no-such-template", group: readers }, 404],
  },
  "PATCH /templates/{id}": {
    ok: async () => {
      const read = await prepare({ path: `/templates/${template.id}`, group: readers });
      return {
        method: "PATCH",
        path: `/templates/${template.id}`,
        body: { fallbackLanguage: "en" },
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => [
      {
        method: "PATCH",
        path: `/templates/${template.id}`,
        body: { fallbackLanguage: "fr" },
        ifMatch: '"99"',
        group: "secretariat",
      },
      412,
    ],
  },
  "POST /templates/{id}/preview": {
    ok: async () => ({
      method: "POST",
      path: `/templates/${template.id}/preview`,
      body: { language: "fr", iso3: "TCD", values: { "contact.name": "Ms. Example", deadline: "2027-04-30" } },
      group: readers,
    }),
    refused: async () => [
      {
        method: "POST",
        path: "/templates/no-such-template/preview",
        body: { language: "fr", iso3: "TCD" },
        group: readers,
      },
      404,
    ],
  },

  "POST /waves": {
    ok: async () => ({ method: "POST", path: "/waves", body: wave, group: "secretariat" }),
    refused: async () => [
      { method: "POST", path: "/waves", body: { ...wave, audience: "everyone" }, group: "secretariat" },
      422,
    ],
  },
  "GET /waves": {
    ok: async () => {
      const list = await prepare({ path: "/waves", group: readers });
      made.wave = String((list.json as { items: { id: string }[] }).items[0]?.id);
      return { path: "/waves", group: readers };
    },
    refused: async () => [{ path: "/waves", query: "limit=0", group: readers }, 400],
  },
  "GET /waves/{id}": {
    ok: async () => ({ path: `/waves/${made.wave}`, group: readers }),
    refused: async () => [{ path: "/waves/no-such-wave", group: readers }, 404],
  },
  "GET /waves/{id}/audience": {
    ok: async () => ({ path: `/waves/${made.wave}/audience`, group: readers }),
    refused: async () => [{ path: "/waves/no-such-wave/audience", group: readers }, 404],
  },
  "POST /waves/{id}/test": {
    ok: async () => ({
      method: "POST",
      path: `/waves/${made.wave}/test`,
      body: { to: "staff@desk.example" },
      group: "secretariat",
    }),
    refused: async () => [
      {
        method: "POST",
        path: `/waves/${made.wave}/test`,
        body: { to: "staff@desk.example", contactId: "NO-SUCH" },
        group: "secretariat",
      },
      422,
    ],
  },
  "POST /waves/{id}/schedule": {
    ok: async () => {
      const read = await prepare({ path: `/waves/${made.wave}`, group: readers });
      return { method: "POST", path: `/waves/${made.wave}/schedule`, ifMatch: etagOf(read), group: "secretariat" };
    },
    refused: async () => [
      { method: "POST", path: `/waves/${made.wave}/schedule`, ifMatch: '"99"', group: "secretariat" },
      412,
    ],
  },
  "POST /waves/{id}/cancel": {
    ok: async () => {
      const read = await prepare({ path: `/waves/${made.wave}`, group: readers });
      return { method: "POST", path: `/waves/${made.wave}/cancel`, ifMatch: etagOf(read), group: "secretariat" };
    },
    refused: async () => {
      const read = await prepare({ path: `/waves/${made.wave}`, group: readers });
      return [{ method: "POST", path: `/waves/${made.wave}/cancel`, ifMatch: etagOf(read), group: "secretariat" }, 409];
    },
  },
  "GET /waves/{id}/unreached": {
    ok: async () => ({ path: `/waves/${made.wave}/unreached`, group: readers }),
    refused: async () => [{ path: "/waves/no-such-wave/unreached", group: readers }, 404],
  },
  "GET /waves/{id}/messages": {
    ok: async () => ({ path: `/waves/${made.wave}/messages`, group: readers }),
    refused: async () => [{ path: "/waves/no-such-wave/messages", group: readers }, 404],
  },

  "POST /snapshots": {
    ok: async () => {
      await prepare({ method: "POST", path: "/snapshots", body: { period: "2026-Q2" }, group: "secretariat" });
      return { method: "POST", path: "/snapshots", body: { period: "2026-Q3" }, group: "secretariat" };
    },
    refused: async () => [
      { method: "POST", path: "/snapshots", body: { period: "2026-Q4" }, group: "secretariat" },
      422,
    ],
  },
  "GET /snapshots": {
    ok: async () => ({ path: "/snapshots", group: readers }),
    refused: async () => [{ path: "/snapshots", query: "limit=0", group: readers }, 400],
  },
  "GET /snapshots/{period}": {
    ok: async () => ({ path: "/snapshots/2026-Q3", group: readers }),
    refused: async () => [{ path: "/snapshots/2025-Q1", group: readers }, 404],
  },
  "GET /snapshots/{period}/export": {
    ok: async () => ({ path: "/snapshots/2026-Q3/export", query: "format=json", group: readers }),
    refused: async () => [{ path: "/snapshots/2025-Q1/export", query: "format=csv", group: readers }, 404],
  },
  "GET /snapshots/{period}/diff": {
    ok: async () => ({ path: "/snapshots/2026-Q3/diff", query: "against=2026-Q2", group: readers }),
    refused: async () => [{ path: "/snapshots/2026-Q3/diff", query: "against=2025-Q1", group: readers }, 404],
  },
  "GET /snapshots/{period}/report": {
    ok: async () => ({ path: "/snapshots/2026-Q3/report", group: readers }),
    refused: async () => [{ path: "/snapshots/2025-Q1/report", group: readers }, 404],
  },

  "GET /programme": {
    ok: async () => ({ path: "/programme", group: readers }),
    refused: async () => [{ path: "/programme", query: "year=1999", group: readers }, 404],
  },
  "GET /programme/years": {
    ok: async () => ({ path: "/programme/years", group: readers }),
    refused: async () => [{ path: "/programme/years", query: "unexpected=1", group: readers }, 400],
  },
  "GET /programme/{year}": {
    ok: async () => ({ path: "/programme/2026", group: readers }),
    refused: async () => [{ path: "/programme/2040", group: readers }, 404],
  },
  "PUT /programme/{year}": {
    ok: async () => {
      const read = await prepare({ path: "/programme/2026", group: readers });
      return {
        method: "PUT",
        path: "/programme/2026",
        body: (read.json as { programme: unknown }).programme,
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => {
      const read = await prepare({ path: "/programme/2026", group: readers });
      const file = (read.json as { programme: { activities: { id: string }[] } }).programme;
      const [first, second] = file.activities;
      return [
        {
          method: "PUT",
          path: "/programme/2026",
          body: { ...file, activities: [first, { ...second, id: first?.id }] },
          ifMatch: etagOf(read),
          group: "secretariat",
        },
        422,
      ];
    },
  },
  "GET /programme/{year}/activities/{activityId}/letters/{waveKey}/values": {
    ok: async () => ({ path: `${SEPTEMBER_LETTERS}/open-briefing-invitation-states/values`, group: readers }),
    refused: async () => [{ path: MANUAL_LETTER_VALUES, group: readers }, 409],
  },
  "PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values": {
    ok: async () => {
      const path = `${SEPTEMBER_LETTERS}/open-briefing-invitation-organizations/values`;
      const read = await prepare({ path, group: readers });
      return {
        method: "PUT",
        path,
        body: { "briefing.date": "2026-10-15", "briefing.time": "10:00", "briefing.venue": "Conference Room 4" },
        ifMatch: etagOf(read),
        group: "secretariat",
      };
    },
    refused: async () => {
      const path = `${SEPTEMBER_LETTERS}/open-briefing-invitation-states/values`;
      const read = await prepare({ path, group: readers });
      await prepare({
        method: "PUT",
        path,
        body: { "briefing.time": "10:00" },
        ifMatch: etagOf(read),
        group: "secretariat",
      });
      // The same read again: the letter has changed since.
      return [
        { method: "PUT", path, body: { "briefing.time": "11:00" }, ifMatch: etagOf(read), group: "secretariat" },
        412,
      ];
    },
  },
  "POST /programme/{year}/adopt": {
    ok: async () => {
      const read = await prepare({ path: "/programme/2026", group: readers });
      return { method: "POST", path: "/programme/2026/adopt", ifMatch: etagOf(read), group: "secretariat" };
    },
    refused: async () => [{ method: "POST", path: "/programme/2040/adopt", ifMatch: '"0"', group: "secretariat" }, 404],
  },

  "POST /programme/feeds": {
    ok: async () => ({ method: "POST", path: "/programme/feeds", body: { label: "phone" }, group: "experts" }),
    refused: async () => [{ method: "POST", path: "/programme/feeds", body: { label: "" }, group: "experts" }, 422],
  },
  "GET /programme/feeds": {
    ok: async () => ({ path: "/programme/feeds", group: "experts" }),
    refused: async () => [{ path: "/programme/feeds", query: "unexpected=1", group: "experts" }, 400],
  },
  "DELETE /programme/feeds/{id}": {
    ok: async () => {
      const issued = await prepare({ method: "POST", path: "/programme/feeds", body: {}, group: "members" });
      return { method: "DELETE", path: `/programme/feeds/${idOf(issued)}`, group: "members" };
    },
    refused: async () => [{ method: "DELETE", path: "/programme/feeds/no-such-feed", group: "members" }, 404],
  },
  "GET /calendar/{feed}": {
    ok: async () => {
      const issued = await prepare({ method: "POST", path: "/programme/feeds", body: {}, group: "secretariat" });
      return { path: (issued.json as { path: string }).path };
    },
    refused: async () => [{ path: "/calendar/never-issued.ics" }, 404],
  },
  "GET /calendar/holidays": {
    ok: async () => ({ path: "/calendar/holidays", group: readers }),
    refused: async () => [{ path: "/calendar/holidays", query: "unexpected=1", group: readers }, 400],
  },
  // Before its GET: the year it records is the one the GET reads.
  "PUT /calendar/holidays/{year}": {
    ok: async () => ({
      method: "PUT",
      path: "/calendar/holidays/2026",
      body: { source: "ST/IC/2025/30", days: [{ date: "2026-11-26", name: "Thanksgiving Day" }] },
      ifMatch: '"0"',
      group: "secretariat",
    }),
    refused: async () => [
      {
        method: "PUT",
        path: "/calendar/holidays/2027",
        body: { source: "ST/IC/2026/30", days: [{ date: "2027-07-04", name: "Independence Day" }] },
        ifMatch: '"0"',
        group: "secretariat",
      },
      422,
    ],
  },
  "GET /calendar/holidays/{year}": {
    ok: async () => ({ path: "/calendar/holidays/2026", group: readers }),
    refused: async () => [{ path: "/calendar/holidays/2027", group: readers }, 404],
  },

  "GET /states/{iso3}/timeline": {
    ok: async () => ({ path: "/states/CHE/timeline", group: readers }),
    refused: async () => [{ path: "/states/VAT/timeline", group: readers }, 404],
  },
  "GET /organizations/{id}/timeline": {
    ok: async () => ({ path: "/organizations/pif/timeline", group: readers }),
    refused: async () => [{ path: "/organizations/pif/timeline", query: "kinds=submission", group: readers }, 400],
  },
  "GET /organizations/{id}/letters": {
    ok: async () => ({ path: "/organizations/pif/letters", group: readers }),
    refused: async () => [{ path: "/organizations/nowhere/letters", group: readers }, 404],
  },
  "GET /states/{iso3}/audit": {
    ok: async () => ({ path: "/states/CHE/audit", group: "secretariat" }),
    refused: async () => [{ path: "/states/VAT/audit", group: "secretariat" }, 404],
  },
  "GET /organizations/{id}/audit": {
    ok: async () => ({ path: "/organizations/pif/audit", group: "secretariat" }),
    refused: async () => [{ path: "/organizations/nowhere/audit", group: "secretariat" }, 404],
  },
  "GET /audit": {
    ok: async () => ({ path: "/audit", group: "secretariat" }),
    refused: async () => [{ path: "/audit", query: "limit=0", group: "secretariat" }, 400],
  },

  // These two move the clock past a wave's send time: they run last.
  "POST /waves/{id}/redispatch": {
    ok: async () => {
      await prepare({
        method: "POST",
        path: "/contacts",
        body: { owner: "STATE:TCD", role: "capital-poc", name: "Robin Placeholder", email: "poc.tcd@example.org" },
        group: "secretariat",
      });
      const created = await prepare({ method: "POST", path: "/waves", body: wave, group: "secretariat" });
      made.due = idOf(created);
      await prepare({
        method: "POST",
        path: `/waves/${made.due}/schedule`,
        ifMatch: etagOf(created),
        group: "secretariat",
      });
      // Past its send time (09:00 in New York), its schedule has not fired: a scheduled wave that is due.
      clock.set("2026-12-15T14:05:00Z");
      return { method: "POST", path: `/waves/${made.due}/redispatch`, group: "secretariat" };
    },
    refused: async () => [{ method: "POST", path: `/waves/${made.wave}/redispatch`, group: "secretariat" }, 409],
  },
  "POST /waves/{id}/messages/{recipient}/resend": {
    ok: async () => {
      // The wave dispatched; a sender claimed a letter and stopped before the ledger knew what SES did with it.
      const deps = {
        ...contactDependencies(tables.doc, tables.tableNames, clock),
        assistance: assistanceRepository(tables.doc, tables.tableNames, clock),
        templates: templateRepository(tables.doc, tables.tableNames, clock),
        waves: waveRepository(tables.doc, tables.tableNames, clock),
        ledger: ledgerRepository(tables.doc, tables.tableNames, clock),
        queue: memoryQueue({ clock, sleep: async (ms) => clock.advance(ms) }),
      };
      await dispatchWave(deps)(made.due ?? "");
      const message = (await deps.ledger.messagesOf(made.due ?? "")).find((letter) => letter.status === "queued");
      if (!message) throw new Error("the wave queued no letter");
      const key = { waveId: message.waveId, recipient: message.recipient };
      await deps.ledger.claim(key, 60_000);
      const claimed = await deps.ledger.get(key);
      await deps.ledger.move(key, "sending", "unknown", { reason: "the sender stopped" }, claimed?.leaseUntil);
      // Past the lease and the event window: no SES event can settle it any more.
      clock.advance(60_000 + EVENT_WINDOW_MS + 60_000);
      return { method: "POST", path: `/waves/${made.due}/messages/${message.recipient}/resend`, group: "secretariat" };
    },
    refused: async () => [
      { method: "POST", path: `/waves/${made.due}/messages/no-such-recipient/resend`, group: "secretariat" },
      404,
    ],
  },
};

beforeAll(async () => {
  tables = await freshTables();
  await seedRegistry(tables.doc, tables.tableNames, clock);
  await seedOrganizations(tables.doc, tables.tableNames, clock);
  await seedProgrammeYears(
    dynamoProgrammeStore(tables.doc, tables.tableNames, clock),
    seedProgrammeFiles(),
    clock,
    audit,
  );
  // The templates the programme's scheduled letters name, as every seed adds them: PUT /programme/{year} needs them.
  await seedProgrammeTemplates({
    templates: templateRepository(tables.doc, tables.tableNames, clock),
    waves: waveRepository(tables.doc, tables.tableNames, clock),
    clock,
  });
  handler = createApiHandler({
    doc: tables.doc,
    tableNames: tables.tableNames,
    clock,
    logger: new Logger({ logLevel: "SILENT" }),
    waveScheduler: scheduler,
    mailer: sesMailer({ region: "us-east-1", endpoint: inject("sesEndpoint"), from: "desk@desk.example" }),
    staffMailDomains: ["desk.example"],
    eventWindowMs: EVENT_WINDOW_MS,
  });
  documented = await documentedRoutes();
});

describe("the API's contracts", () => {
  it("has a contract case for every documented route, and none for a route that is gone", () => {
    const keys = documented.map((route) => route.key);
    for (const key of keys) expect(cases[key], `route ${key} has no contract case`).toBeDefined();
    for (const key of Object.keys(cases)) expect(keys, `case ${key} names no documented route`).toContain(key);
  });

  it("refuses each protected route without a token (401), to a group it does not name (403) and without If-Match where it needs one (428), as documented", async () => {
    const refuse = async (route: DocumentedRoute, exchange: Exchange, status: number) => {
      const answer = await call(exchange);
      expect(answer.status, `${route.key} as ${exchange.group ?? "nobody"}: ${answer.text.slice(0, 300)}`).toBe(status);
      expectDeclared(route, answer);
    };
    for (const route of documented) {
      if (route.access === "open") continue;
      const [method = "GET", template = ""] = route.key.split(" ");
      // Refused before the route runs: any value of a path parameter will do.
      const path = template.replaceAll(/\{[^}]+\}/g, "contract-x");
      // A missing If-Match is told once the path parameters are read, so those take values of their form.
      const wellFormedPath = template.replaceAll(/\{(\w+)\}/g, (_, name: string) => wellFormed[name] ?? "contract-x");
      await refuse(route, { method, path }, 401);
      for (const group of groupSchema.options.filter((candidate) => !route.access.includes(candidate))) {
        await refuse(route, { method, path, group }, 403);
      }
      if (route.statuses.includes(428)) {
        await refuse(route, { method, path: wellFormedPath, group: route.access[0] }, 428);
      }
    }
  });

  for (const [key, contract] of Object.entries(cases)) {
    it(`${key}: answers as declared, succeeding and refusing`, async () => {
      const route = documented.find((candidate) => candidate.key === key);
      if (!route) throw new Error(`${key} is not a documented route`);
      const ok = await contract.ok();
      const [method] = key.split(" ");
      expect(ok.method ?? "GET", key).toBe(method);
      if (route.access !== "open") expect(route.access, `${key} is called by ${ok.group}`).toContain(ok.group);
      const answer = await call(ok);
      expect(answer.status, `${key}: ${answer.text.slice(0, 400)}`).toBeLessThan(300);
      expectDeclared(route, answer);

      const [refusal, status] = await contract.refused();
      const refused = await call(refusal);
      expect(refused.status, `${key} refused: ${refused.text.slice(0, 400)}`).toBe(status);
      expectDeclared(route, refused);
    });
  }
});
