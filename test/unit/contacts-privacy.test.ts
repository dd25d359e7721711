import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient, TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import {
  BatchGetCommand,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from "@aws-sdk/lib-dynamodb";
import { marshall } from "@aws-sdk/util-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { organizationRoutes } from "../../functions/api/routes/organizations.ts";
import { apiEvent, type EventOptions } from "../support/api-event.ts";

const tableNames = { desk: "desk-test", audit: "audit-test" };
const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const logger = new Logger({ serviceName: "desk-privacy-test", logLevel: "DEBUG" });
const deps = organizationDependencies(doc, tableNames, fixedClock("2026-11-27T10:00:00Z"));
const router = createRouter([...contactRoutes(deps), ...organizationRoutes(deps)], logger);

const ADDRESS = "Private.Person@Ministry.example";
const PHONE = "+41 22 917 1234";
const state = {
  pk: "STATE#CHE",
  sk: "STATE",
  version: 1,
  iso3: "CHE",
  iso2: "CH",
  name: "Switzerland",
  region: "weog",
  regionName: "Western European and others",
  language: "fr",
  languageBasis: "official language",
  reportingStatus: "reported",
  updatedAt: "2026-01-01T00:00:00.000Z",
};
const obligation = { pk: "STATE#CHE", sk: "OBLIGATION#point-of-contact", iso3: "CHE", status: "unknown" };

function output(...writes: { mock: { calls: unknown[][] } }[]): string {
  return writes.flatMap((write) => write.mock.calls.map((args) => String(args[0]))).join("");
}

const call = async (options: EventOptions) => router.dispatch(apiEvent(options), "privacy-test");

beforeEach(() => {
  dynamo.reset();
  dynamo.on(GetCommand).callsFake((input: { Key: { sk: string } }) => {
    if (input.Key.sk === "STATE") return { Item: state };
    if (input.Key.sk === "OBLIGATION#point-of-contact") return { Item: obligation };
    return {};
  });
  dynamo.on(QueryCommand).resolves({ Items: [] });
  dynamo
    .on(BatchGetCommand)
    .callsFake((input: { RequestItems: Record<string, { Keys: { pk: string; sk: string }[] }> }) => ({
      Responses: {
        [tableNames.desk]: (input.RequestItems[tableNames.desk]?.Keys ?? []).flatMap(
          (key): Record<string, unknown>[] => {
            if (key.pk !== "STATE#CHE") return [];
            // The import reads the obligations in one batch (ADR 0037): each key answers its own item.
            if (key.sk === "OBLIGATION#point-of-contact") return [obligation];
            return key.sk === "STATE" ? [state] : [];
          },
        ),
      },
    }));
  dynamo.on(TransactWriteCommand).resolves({});
});
afterEach(() => vi.restoreAllMocks());

describe("privacy of contact details in logs", () => {
  it("writes no e-mail address or phone number to stdout or stderr on create, refusal, import, failure", async () => {
    // Silenced while spied, so the test's own output stays readable; every chunk is still recorded.
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const errors = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const body = JSON.stringify({
      owner: "STATE:CHE",
      role: "capital-poc",
      name: "P. Person",
      email: ADDRESS,
      phone: PHONE,
    });
    const json = { "content-type": "application/json" };

    const created = await call({ method: "POST", path: "/contacts", group: "secretariat", headers: json, body });
    expect(created.statusCode).toBe(201);
    // The write really carried the address: the test would prove nothing otherwise.
    expect(JSON.stringify(dynamo.commandCalls(TransactWriteCommand)[0]?.args[0].input)).toContain(
      ADDRESS.toLowerCase(),
    );

    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({
        message: "Transaction cancelled",
        $metadata: {},
        CancellationReasons: [
          { Code: "None" },
          { Code: "None" },
          {
            Code: "ConditionalCheckFailed",
            Item: marshall({ pk: `CONTACT-EMAIL#${ADDRESS.toLowerCase()}`, contactId: "01JA0", owner: "STATE:CHE" }),
          },
        ],
      }),
    );
    const duplicate = await call({ method: "POST", path: "/contacts", group: "secretariat", headers: json, body });
    expect(duplicate.statusCode).toBe(409);
    dynamo.on(TransactWriteCommand).resolves({});

    const invalid = await call({
      method: "POST",
      path: "/contacts",
      group: "secretariat",
      headers: json,
      body: JSON.stringify({ owner: "STATE:CHE", role: "capital-poc", name: "P", email: "broken@", phone: "call me" }),
    });
    expect(invalid.statusCode).toBe(422);

    const csv = `owner,role,name,email,phone\nSTATE:CHE,capital-poc,P. Person,${ADDRESS},${PHONE}\n`;
    const csvHeaders = { "content-type": "text/csv" };
    const imported = await call({
      method: "POST",
      path: "/contacts/import",
      group: "secretariat",
      headers: csvHeaders,
      body: csv,
    });
    expect(imported.statusCode).toBe(200);
    const badImport = `${csv}STATE:CHE,capital-poc,Other,${ADDRESS},${PHONE}\n`;
    const refused = await call({
      method: "POST",
      path: "/contacts/import",
      group: "secretariat",
      headers: csvHeaders,
      body: badImport,
    });
    expect(refused.statusCode).toBe(422);

    dynamo.on(TransactWriteCommand).rejects(new Error("the table is on fire"));
    const failed = await call({ method: "POST", path: "/contacts", group: "secretariat", headers: json, body });
    expect(failed.statusCode).toBe(500);

    const logged = output(write, errors);
    // The logger did write (refusals and the failure), so the absence below means something.
    expect(logged).toContain("request refused");
    expect(logged).toContain("request failed");
    for (const secret of [ADDRESS, ADDRESS.toLowerCase(), "private.person", PHONE, "917 1234", "broken@"]) {
      expect(logged).not.toContain(secret);
    }
  });
});
