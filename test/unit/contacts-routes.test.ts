import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand, QueryCommand } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { openApiDocument } from "#shared/http/openapi.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { organizationRoutes } from "../../functions/api/routes/organizations.ts";
import { apiEvent } from "../support/api-event.ts";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const deps = organizationDependencies(
  doc,
  { desk: "desk-test", audit: "audit-test" },
  fixedClock("2026-11-27T10:00:00Z"),
);
const routes = [...contactRoutes(deps), ...organizationRoutes(deps)];
const router = createRouter(routes, new Logger({ logLevel: "SILENT" }));

beforeEach(() => dynamo.reset());

describe("contact and organization routes", () => {
  it("document themselves in OpenAPI with named schemas and the groups that may call them", () => {
    const document = openApiDocument(
      routes.map(({ spec }) => spec),
      { title: "t", version: "1", description: "d" },
    );
    expect(Object.keys(document.paths).sort()).toEqual(
      [
        "/contacts",
        "/contacts/export",
        "/contacts/import",
        "/contacts/{id}",
        "/contacts/{id}/deactivate",
        "/contacts/{id}/verify",
        "/organizations",
        "/organizations/{id}",
        "/organizations/{id}/retire",
        "/states/{iso3}/point-of-contact",
      ].sort(),
    );
    for (const id of [
      "Contact",
      "NewContact",
      "ContactChanges",
      "PointOfContact",
      "ContactImportResult",
      "Organization",
    ]) {
      expect(document.components.schemas).toHaveProperty(id);
    }
    const exportOperation = (document.paths["/contacts/export"] as Record<string, Record<string, unknown>>).get;
    expect(exportOperation?.["x-groups"]).toEqual(["secretariat"]);
    const importOperation = (document.paths["/contacts/import"] as Record<string, { requestBody: { content: object } }>)
      .post;
    expect(Object.keys(importOperation?.requestBody.content ?? {})).toEqual(["text/csv"]);
  });

  it("routes /contacts/export to the export, not to a contact named export", async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const result = await router.dispatch(apiEvent({ path: "/contacts/export", group: "secretariat" }), "c");
    expect(result.statusCode).toBe(200);
    expect(result.headers?.["content-type"]).toBe("text/csv; charset=utf-8");
    expect(dynamo.commandCalls(GetCommand)).toHaveLength(0);
  });

  it("refuses a contact import larger than 2 MB with 413 before reading it", async () => {
    const body = "x".repeat(2 * 1024 * 1024 + 1);
    const result = await router.dispatch(
      apiEvent({
        method: "POST",
        path: "/contacts/import",
        group: "secretariat",
        headers: { "content-type": "text/csv" },
        body,
      }),
      "c",
    );
    expect(result.statusCode).toBe(413);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("answers 400 for a malformed contact id and 404 for an unknown one", async () => {
    dynamo.on(GetCommand).resolves({});
    expect((await router.dispatch(apiEvent({ path: "/contacts/not-an-id", group: "members" }), "c")).statusCode).toBe(
      400,
    );
    const unknown = await router.dispatch(
      apiEvent({ path: "/contacts/01JA0000000000000000000000", group: "members" }),
      "c",
    );
    expect(unknown.statusCode).toBe(404);
  });
});
