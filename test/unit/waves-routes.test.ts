// The wave routes as declared: who may call each, that they document themselves in the OpenAPI document (so
// registering them in functions/api/app.ts cannot break GET /openapi.json), and the refusals that need no table.
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { fixedClock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { createRouter } from "#shared/http/router.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { unconfiguredWaveScheduler } from "#shared/waves/scheduler.ts";
import { apiRoutes } from "../../functions/api/app.ts";
import { waveRoutes } from "../../functions/api/routes/waves.ts";
import { routerCaller } from "../support/api-event.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const tableNames = { desk: "desk", audit: "audit" };
const clock = fixedClock("2027-01-01T00:00:00Z");
const routes = waveRoutes({
  ...contactDependencies(doc, tableNames, clock),
  assistance: assistanceRepository(doc, tableNames, clock),
  templates: templateRepository(doc, tableNames, clock),
  ledger: ledgerRepository(doc, tableNames, clock),
  waves: waveRepository(doc, tableNames, clock),
  scheduler: unconfiguredWaveScheduler("not in this test"),
  mailer: { sendMail: async () => ({ messageId: "m" }) },
});

beforeEach(() => dynamo.reset());

describe("wave routes", () => {
  it("let the secretariat write and every group read; moves require If-Match", () => {
    const table = routes.map(({ spec }) => [
      `${spec.method} ${spec.path}`,
      spec.access === "open" ? "open" : spec.access.join(","),
      Boolean(spec.requiresIfMatch),
    ]);
    expect(table).toEqual([
      ["POST /waves", "secretariat", false],
      ["GET /waves", "secretariat,experts,members", false],
      ["GET /waves/{id}", "secretariat,experts,members", false],
      ["GET /waves/{id}/audience", "secretariat,experts,members", false],
      ["POST /waves/{id}/schedule", "secretariat", true],
      ["POST /waves/{id}/cancel", "secretariat", true],
      ["POST /waves/{id}/test", "secretariat", false],
      ["GET /waves/{id}/unreached", "secretariat,experts,members", false],
      ["GET /waves/{id}/messages", "secretariat,experts,members", false],
      ["POST /waves/{id}/messages/{recipient}/resend", "secretariat", false],
      ["POST /waves/{id}/redispatch", "secretariat", false],
    ]);
  });

  it("document themselves in OpenAPI", () => {
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "1", description: "d" },
    );
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/waves",
        "/waves/{id}",
        "/waves/{id}/messages",
        "/waves/{id}/schedule",
        "/waves/{id}/test",
      ]),
    );
  });

  it("refuse a test send by another group with 403, and a bad address or an unknown field with 422", async () => {
    const call = routerCaller(createRouter(routes, new Logger({ logLevel: "SILENT" })), "secretariat");
    const path = "/waves/01JWAVE/test";
    expect((await call({ method: "POST", path, group: "experts", body: { to: "a@b.example" } })).status).toBe(403);
    const badAddress = await call({ method: "POST", path, body: { to: "not an address" } });
    expect(badAddress.status).toBe(422);
    expect(badAddress.body.errors).toEqual([{ path: "body.to", message: expect.any(String) }]);
    const unknownField = await call({ method: "POST", path, body: { to: "a@b.example", cc: "c@d.example" } });
    expect(unknownField.status).toBe(422);
    expect(dynamo.calls()).toHaveLength(0);
  });
});

describe("an api built without a wave scheduler or a mailer", () => {
  const draft = {
    pk: "WAVE#01JWAVE",
    sk: "WAVE",
    version: 1,
    id: "01JWAVE",
    templateId: "t",
    audience: "non-reporting-states",
    sendAt: "2027-03-15T09:00",
    timeZone: "America/New_York",
    sendInstant: "2027-03-15T13:00:00.000Z",
    notAfter: "2027-03-31T00:00:00.000Z",
    status: "draft",
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
  };

  const template = {
    pk: "TEMPLATE#t",
    sk: "TEMPLATE",
    version: 1,
    id: "t",
    kind: "other",
    fallbackLanguage: "en",
    variants: { en: { subject: "A letter", text: "Dear {{contact.name}}", html: "<p>Dear {{contact.name}}</p>" } },
    createdAt: "2026-12-01T00:00:00.000Z",
    updatedAt: "2026-12-01T00:00:00.000Z",
  };

  it("refuses to schedule a wave with 409 saying why, and writes nothing", async () => {
    dynamo.on(GetCommand).resolves({ Item: draft });
    dynamo.on(GetCommand, { Key: { pk: "TEMPLATE#t", sk: "TEMPLATE" } }).resolves({ Item: template });
    const router = createRouter(apiRoutes({ doc, tableNames, clock }), new Logger({ logLevel: "SILENT" }));
    const answer = await routerCaller(
      router,
      "secretariat",
    )({
      method: "POST",
      path: "/waves/01JWAVE/schedule",
      ifMatch: '"1"',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.detail).toBe("Waves cannot be scheduled here: no wave scheduler is configured");
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(0);
  });
});
