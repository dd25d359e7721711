import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "#shared/clock.ts";
import { charsetRefusal, encodingProblemOf, encodingRefusal } from "#shared/http/body-encoding.ts";
import { createRouter } from "#shared/http/router.ts";
import { organizationDependencies } from "#shared/organizations/dependencies.ts";
import { contactRoutes } from "../../functions/api/routes/contacts.ts";
import { apiEvent } from "../support/api-event.ts";

const FILE_NOT_UTF8 =
  "The file is not UTF-8 (line 2 has characters that could not be read, shown as \uFFFD): save it as CSV UTF-8, " +
  "or retype them";
const BODY_NOT_UTF8 =
  "The body is not UTF-8 (line 1 has characters that could not be read, shown as \uFFFD): send it as UTF-8, or " +
  "retype them";

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" }));
const dynamo = mockClient(DynamoDBDocumentClient);
afterAll(() => dynamo.restore());
const deps = organizationDependencies(
  doc,
  { desk: "desk-test", audit: "audit-test" },
  fixedClock("2026-11-27T10:00:00Z"),
);
const router = createRouter(contactRoutes(deps), new Logger({ logLevel: "SILENT" }));
beforeEach(() => dynamo.reset());

const ROW = "owner,role,name,email\nSTATE:CIV,capital-poc,José Núñez,jose@example.org\n";
const latin1 = Buffer.from(ROW, "latin1");
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ROW, "utf16le")]);
/** What the gateway (and the local server) hands the function for a text body: the bytes decoded as UTF-8. */
const asGatewayText = (bytes: Buffer) => bytes.toString("utf8");

async function post(path: string, contentType: string, body: string, isBase64Encoded = false) {
  const event = {
    ...apiEvent({ method: "POST", path, group: "secretariat", headers: { "content-type": contentType }, body }),
    isBase64Encoded,
  };
  const result = await router.dispatch(event, "c");
  return { status: result.statusCode, problem: JSON.parse(result.body ?? "{}") as { detail?: string } };
}

describe("text bodies are UTF-8", () => {
  it("tells UTF-8 text from Latin-1 and UTF-16 decoded as UTF-8", () => {
    expect(encodingProblemOf(ROW)).toBeUndefined();
    expect(encodingProblemOf(asGatewayText(latin1))).toBe("not-utf-8");
    expect(
      encodingProblemOf(
        asGatewayText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ROW, "utf16le").swap16()])),
      ),
    ).toBe("utf-16");
    expect(encodingProblemOf(asGatewayText(utf16))).toBe("utf-16");
  });

  it("says a file how to save it and any other body how to send it", () => {
    expect(encodingRefusal(asGatewayText(latin1), "text/csv")).toBe(FILE_NOT_UTF8);
    expect(encodingRefusal(asGatewayText(utf16), "text/csv")).toBe("The file is UTF-16: save it as CSV UTF-8");
    expect(encodingRefusal('{"name":"Jos\uFFFD"}', "application/json")).toBe(BODY_NOT_UTF8);
    expect(charsetRefusal("text/csv; charset=ISO-8859-1", "text/csv")).toBe(
      "The file is sent as iso-8859-1, and the desk reads UTF-8 only: save it as CSV UTF-8",
    );
    for (const declared of [
      "text/csv",
      "text/csv; charset=utf-8",
      'text/csv;charset="UTF-8"',
      "text/csv; charset=us-ascii",
    ])
      expect(charsetRefusal(declared, "text/csv")).toBeUndefined();
  });

  it("refuses a Latin-1 contacts file with 415 and reads nothing, with or without its charset declared", async () => {
    for (const contentType of ["text/csv", "text/csv; charset=iso-8859-1"]) {
      const refused = await post("/contacts/import", contentType, asGatewayText(latin1));
      expect(refused.status).toBe(415);
      expect(refused.problem.detail).toMatch(/save it as CSV UTF-8(, or retype them)?$/);
    }
    const base64 = await post("/contacts/import", "text/csv", latin1.toString("base64"), true);
    expect(base64).toMatchObject({ status: 415, problem: { detail: FILE_NOT_UTF8 } });
    const wide = await post("/contacts/import", "text/csv", asGatewayText(utf16));
    expect(wide).toMatchObject({ status: 415, problem: { detail: "The file is UTF-16: save it as CSV UTF-8" } });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a JSON body that is not UTF-8, and still reads one declared as UTF-8", async () => {
    const body = JSON.stringify({ owner: "STATE:CIV", role: "capital-poc", name: "José", email: "j@example.org" });
    const lossy = await post("/contacts", "application/json", asGatewayText(Buffer.from(body, "latin1")));
    expect(lossy).toMatchObject({ status: 415, problem: { detail: BODY_NOT_UTF8 } });
    expect(dynamo.calls()).toHaveLength(0);
    // Past the body's reading: the refusal is no longer about its encoding.
    const read = await post("/contacts", "application/json; charset=utf-8", "{}");
    expect(read.status).toBe(422);
  });
});
