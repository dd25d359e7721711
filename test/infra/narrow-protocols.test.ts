// A bundle split into chunks narrows each import of @aws-sdk/core/protocols to what it names
// (infra/lambda-narrow-protocols.mjs): api-correspondence's cold start no longer reads the SES and Scheduler clients'
// protocols, and each client still speaks its own protocol from the chunk it is loaded from.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSource } from "../../bench/bundles.ts";
import { routeGroups } from "../../functions/api/groups.ts";
import { bodyOf } from "../support/request-body.ts";
import { deployedBundle } from "./deployed-bundle.ts";

const run = promisify(execFile);
const outDir = mkdtempSync(join(tmpdir(), "desk-narrow-protocols-"));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** The three protocols' own modules: AWS JSON 1.0 (DynamoDB), query with XML answers (SES v1), REST JSON (Scheduler). */
const queryOrXml = /protocols\/(query|xml)\/|@aws-sdk\/xml-builder\/|protocols\/json\/AwsRestJsonProtocol/;

describe("api-correspondence's cold start", () => {
  it("reads neither the SES client's query and XML protocol nor the Scheduler's REST JSON one", async () => {
    const built = await deployedBundle("api-correspondence", routeGroups.correspondence.entry);
    const coldInputs = built.loadedFiles.flatMap(({ inputs }) => inputs);
    expect(coldInputs.filter((input) => queryOrXml.test(input))).toEqual([]);
    // They are shipped all the same, in the chunks loaded with the clients.
    expect(built.shippedInputs.filter((input) => queryOrXml.test(input)).length).toBeGreaterThan(3);
    expect(coldInputs.some((input) => input.endsWith("protocols/json/AwsJson1_0Protocol.js"))).toBe(true);
  }, 120_000);

  it("reads the mail settings with its entry, not from a chunk of their own", async () => {
    const built = await deployedBundle("api-correspondence", routeGroups.correspondence.entry);
    const holding = built.loadedFiles.filter(({ inputs }) => inputs.includes("shared/mail/settings.ts"));
    expect(holding.map(({ file }) => basename(file))).toEqual(["index.mjs"]);
  }, 120_000);
});

/** DynamoDB at cold start, SES and the Scheduler loaded with import() as api-correspondence loads them. */
const entry = `
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";

const endpoint = process.env.ENDPOINT;
const credentials = { accessKeyId: "test", secretAccessKey: "test" };
const doc = createDocumentClient(createDynamoClient({ region: "us-east-1", endpoint }));
const item = await doc.send(new GetCommand({ TableName: "desk", Key: { pk: "STATE#FRA", sk: "STATE" } }));
const { SESClient, SendEmailCommand } = await import("@aws-sdk/client-ses");
const sent = await new SESClient({ region: "us-east-1", endpoint, credentials }).send(
  new SendEmailCommand({
    Source: "desk@example.org",
    Destination: { ToAddresses: ["mission@example.org"] },
    Message: { Subject: { Data: "Letter" }, Body: { Text: { Data: "Text" } } },
  }),
);
const { SchedulerClient, GetScheduleCommand } = await import("@aws-sdk/client-scheduler");
const schedule = await new SchedulerClient({ region: "us-east-1", endpoint, credentials }).send(
  new GetScheduleCommand({ Name: "wave-1", GroupName: "waves" }),
);
process.stdout.write(JSON.stringify({ item: item.Item, messageId: sent.MessageId, expression: schedule.ScheduleExpression }));
`;

const sesAnswer = `<SendEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
  <SendEmailResult><MessageId>0100-mail-1</MessageId></SendEmailResult>
  <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
</SendEmailResponse>`;

describe("a bundle in chunks with narrowed protocol imports", () => {
  let server: Server;
  let endpoint = "";
  const requests: { path: string | undefined; target: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      const body = await bodyOf(request);
      const target = request.headers["x-amz-target"]?.toString();
      requests.push({ path: request.url, target, body });
      if (target === "DynamoDB_20120810.GetItem") {
        response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
        response.end(JSON.stringify({ Item: { pk: { S: "STATE#FRA" }, sk: { S: "STATE" }, name: { S: "France" } } }));
      } else if (body.includes("Action=SendEmail")) {
        response.writeHead(200, { "content-type": "text/xml" });
        response.end(sesAnswer);
      } else {
        response.writeHead(200, { "content-type": "application/json" });
        response.end(JSON.stringify({ Name: "wave-1", ScheduleExpression: "at(2027-01-05T09:00:00)" }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("speaks each client's protocol: JSON 1.0 to DynamoDB, query and XML to SES, REST JSON to the Scheduler", async () => {
    const built = await bundleSource("three-protocols", entry, outDir, { chunks: true, keepZodJsonSchema: false });
    expect(built.loadedFiles.flatMap(({ inputs }) => inputs).filter((input) => queryOrXml.test(input))).toEqual([]);
    const { stdout } = await run(process.execPath, [built.file], {
      env: { PATH: process.env.PATH, AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", ENDPOINT: endpoint },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      item: { pk: "STATE#FRA", sk: "STATE", name: "France" },
      messageId: "0100-mail-1",
      expression: "at(2027-01-05T09:00:00)",
    });
    expect(requests.map(({ path, target }) => ({ path, target }))).toEqual([
      { path: "/", target: "DynamoDB_20120810.GetItem" },
      { path: "/", target: undefined },
      { path: "/schedules/wave-1?groupName=waves", target: undefined },
    ]);
    expect(requests[1]?.body).toContain("Destination.ToAddresses.member.1=mission%40example.org");
  }, 120_000);
});
