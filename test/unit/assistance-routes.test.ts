// The assistance routes before any storage is touched: access, If-Match, validation, the OpenAPI shapes, the handler's input.
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import { fixedClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { assistanceRoutes } from "../../functions/api/routes/assistance.ts";
import { createAssistanceReportHandler } from "../../functions/assistance-report/app.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const clock = fixedClock("2026-04-20T10:00:00Z");
const deps = {
  assistance: assistanceRepository(doc, tableNames, clock),
  registry: registryRepository(doc, tableNames, clock),
  organizations: organizationRepository(doc, tableNames, clock),
  reporting: reportingRepository(doc, tableNames, clock),
  holidays: dynamoHolidayStore(doc, tableNames, clock),
  clock,
};
const routes = assistanceRoutes(deps);
const router = createRouter(routes, new Logger({ logLevel: "SILENT" }));

async function call(options: EventOptions) {
  const result = await router.dispatch(apiEvent(options), "corr-unit");
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(result.body ?? "null") };
}

const json = { "content-type": "application/json" };
const id = "01J0000000000000000000000A";
const aRequest = {
  iso3: "ken",
  areas: ["legislation", "customs-and-border"],
  description: "Help with border controls",
  receivedOn: "2026-04-01",
  symbol: "S/AC.44/2026/7",
  consentedToCirculation: false,
};

beforeEach(() => dynamo.reset());

describe("assistance routes", () => {
  it("refuses every write to a members token with 403 and touches nothing", async () => {
    const writes: EventOptions[] = [
      { method: "POST", path: "/assistance/requests", body: JSON.stringify(aRequest) },
      { method: "POST", path: `/assistance/requests/${id}/transitions`, body: '{"to":"acknowledged"}' },
      { method: "POST", path: `/assistance/requests/${id}/feedback`, body: '{"from":"requester","text":"ok"}' },
      { method: "POST", path: "/assistance/offers", body: "{}" },
      { method: "PATCH", path: `/assistance/offers/${id}`, body: '{"description":"x"}' },
      { method: "POST", path: "/assistance/matches", body: "{}" },
      { method: "POST", path: `/assistance/matches/${id}/transitions`, body: '{"to":"accepted"}' },
    ];
    for (const write of writes) {
      const response = await call({ ...write, group: "members", headers: { ...json, "if-match": '"1"' } });
      expect(response.status, `${write.method} ${write.path}`).toBe(403);
    }
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("requires If-Match on request moves, match moves and offer changes (428)", async () => {
    const moves = [
      { method: "POST", path: `/assistance/requests/${id}/transitions`, body: '{"to":"acknowledged"}' },
      { method: "POST", path: `/assistance/matches/${id}/transitions`, body: '{"to":"accepted"}' },
      { method: "PATCH", path: `/assistance/offers/${id}`, body: '{"description":"x"}' },
    ];
    for (const move of moves) {
      expect((await call({ ...move, group: "experts", headers: json })).status).toBe(428);
    }
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a request with no area, a repeated area or an unknown one with 422 and the field's path", async () => {
    const post = (body: unknown) =>
      call({
        method: "POST",
        path: "/assistance/requests",
        group: "experts",
        headers: json,
        body: JSON.stringify(body),
      });
    const none = await post({ ...aRequest, areas: [] });
    expect(none).toMatchObject({ status: 422, body: { errors: [{ path: "body.areas" }] } });
    const twice = await post({ ...aRequest, areas: ["legislation", "legislation"] });
    expect(twice.body.errors).toEqual([{ path: "body.areas", message: "name each area once" }]);
    const unknown = await post({ ...aRequest, areas: ["teleportation"] });
    expect(unknown.body.errors[0].path).toBe("body.areas.0");
    const early = await post({ ...aRequest, receivedOn: "2001-01-01" });
    expect(early.body.errors[0].path).toBe("body.receivedOn");
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses an offer ending before it starts, and an organization id that is not a slug, with 422", async () => {
    const post = (body: unknown) =>
      call({
        method: "POST",
        path: "/assistance/offers",
        group: "secretariat",
        headers: json,
        body: JSON.stringify(body),
      });
    const offer = { provider: { kind: "organization", id: "iaea" }, areas: ["nuclear-security"], description: "x" };
    const backwards = await post({ ...offer, validFrom: "2026-01-01", validUntil: "2025-01-01" });
    expect(backwards.body.errors).toEqual([
      { path: "body.validUntil", message: "must not be before the day it is valid from" },
    ]);
    const badSlug = await post({
      ...offer,
      provider: { kind: "organization", id: "IAEA Vienna" },
      validFrom: "2026-01-01",
    });
    expect(badSlug).toMatchObject({ status: 422, body: { errors: [{ path: "body.provider.id" }] } });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses with 422 at the field a body naming a State, provider, request or offer that does not exist", async () => {
    dynamo.on(GetCommand).resolves({});
    dynamo.on(QueryCommand).resolves({ Items: [] });
    dynamo.on(BatchGetCommand).resolves({ Responses: {} });
    const post = (path: string, body: unknown) =>
      call({ method: "POST", path, group: "secretariat", headers: json, body: JSON.stringify(body) });
    const offer = { areas: ["nuclear-security"], description: "x", validFrom: "2026-01-01" };
    const refusals = {
      "body.iso3": await post("/assistance/requests", { ...aRequest, iso3: "ZZZ" }),
      "body.provider.iso3": await post("/assistance/offers", { ...offer, provider: { kind: "state", iso3: "ZZZ" } }),
      "body.provider.id": await post("/assistance/offers", {
        ...offer,
        provider: { kind: "organization", id: "nobody" },
      }),
    };
    for (const [path, refusal] of Object.entries(refusals)) {
      expect(refusal, path).toMatchObject({ status: 422, body: { type: "/problems/invalid", errors: [{ path }] } });
    }
    const match = await post("/assistance/matches", { requestId: id, offerId: "01J0000000000000000000000B" });
    expect(match.status).toBe(422);
    expect(match.body.errors.map((issue: { path: string }) => issue.path)).toEqual(["body.requestId", "body.offerId"]);
  });

  it("refuses a bad id, status, provider or report period with 400", async () => {
    expect((await call({ path: "/assistance/requests/not-an-id", group: "members" })).status).toBe(400);
    expect((await call({ path: "/assistance/requests", query: "status=lost", group: "members" })).status).toBe(400);
    expect((await call({ path: "/assistance/offers", query: "provider=planet:mars", group: "members" })).status).toBe(
      400,
    );
    expect((await call({ path: "/assistance/reports/2026-4", group: "members" })).status).toBe(400);
    expect((await call({ path: "/assistance/reports/2026-1", query: "format=xls", group: "members" })).status).toBe(
      400,
    );
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("documents its shapes as named components, the candidate's rank components included", () => {
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "0", description: "d" },
    );
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        "AssistanceRequest",
        "NewAssistanceRequest",
        "AssistanceRequestTransition",
        "AssistanceOffer",
        "AssistanceProviderSummary",
        "AssistanceMatch",
        "AssistanceCandidate",
        "AssistanceFeedback",
        "AssistanceReport",
        "AssistanceReportSummary",
      ]),
    );
    const candidate = document.components.schemas.AssistanceCandidate as { properties: Record<string, unknown> };
    expect(Object.keys(candidate.properties)).toEqual(
      expect.arrayContaining(["areaOverlap", "areasRequested", "freshnessMonths", "score", "reasons"]),
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/assistance/requests",
        "/assistance/requests/{id}",
        "/assistance/requests/{id}/transitions",
        "/assistance/requests/{id}/candidates",
        "/assistance/requests/{id}/feedback",
        "/assistance/offers",
        "/assistance/offers/{id}",
        "/assistance/providers",
        "/assistance/matches",
        "/assistance/matches/{id}/transitions",
        "/assistance/reports",
        "/assistance/reports/{id}",
      ]),
    );
  });
});

describe("assistance-report handler input", () => {
  const handler = createAssistanceReportHandler({
    ...deps,
    letters: {
      ledger: ledgerRepository(doc, tableNames, clock),
      waves: waveRepository(doc, tableNames, clock),
      templates: templateRepository(doc, tableNames, clock),
    },
    mailer: {
      sendMail: async () => {
        throw new Error("no mail in this test");
      },
    },
    secretariatEmail: "secretariat@desk.example",
    logger: { info: () => undefined },
  });

  it("refuses an input that is not the schedule's shape before touching anything", async () => {
    await expect(handler({ period: "2026-4" })).rejects.toThrow("not valid");
    await expect(handler({ perod: "2026-1" })).rejects.toThrow("not valid");
    await expect(handler("2026-1")).rejects.toThrow("not valid");
    expect(dynamo.calls()).toHaveLength(0);
  });
});
