// The deployed bundling swaps parts of the AWS SDK for stand-ins (infra/lambda-*.mjs, ADR 0024 and 0029). A bundle built
// with exactly those options must still talk to DynamoDB as the unbundled code does: here a document client from
// shared/dynamo/client.ts, bundled as deployed (no endpoint-discovery cache in it) and run in a plain Node process,
// reads an item from a local HTTP server that answers as DynamoDB does.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleSource } from "../../bench/bundles.ts";
import { bodyOf } from "../support/request-body.ts";

const run = promisify(execFile);

/** What the bundle does: one GetItem through the document client, its answer printed as JSON. */
const entry = `
import { GetCommand } from "@aws-sdk/lib-dynamodb";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";

const doc = createDocumentClient(createDynamoClient({ region: "us-east-1", endpoint: process.env.DYNAMODB_ENDPOINT }));
const answer = await doc.send(new GetCommand({ TableName: "desk", Key: { pk: "STATE#FRA", sk: "STATE" } }));
process.stdout.write(JSON.stringify(answer.Item));
`;

describe("a bundle built with the deployed options", () => {
  let server: Server;
  let endpoint = "";
  const requests: { target: string | undefined; body: unknown }[] = [];
  const outDir = mkdtempSync(join(tmpdir(), "desk-bundle-stubs-"));

  beforeAll(async () => {
    server = createServer(async (request, response) => {
      requests.push({ target: request.headers["x-amz-target"]?.toString(), body: JSON.parse(await bodyOf(request)) });
      response.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
      response.end(JSON.stringify({ Item: { pk: { S: "STATE#FRA" }, sk: { S: "STATE" }, name: { S: "France" } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(outDir, { recursive: true, force: true });
  });

  it("reads an item from DynamoDB through the document client", async () => {
    const built = await bundleSource("document-client", entry, outDir);
    expect(built.inputs.map((input) => input.name)).not.toContain("mnemonist");
    const { stdout } = await run(process.execPath, [built.file], {
      env: {
        PATH: process.env.PATH,
        AWS_ACCESS_KEY_ID: "test",
        AWS_SECRET_ACCESS_KEY: "test",
        DYNAMODB_ENDPOINT: endpoint,
      },
    });
    expect(JSON.parse(stdout)).toEqual({ pk: "STATE#FRA", sk: "STATE", name: "France" });
    expect(requests).toEqual([
      {
        target: "DynamoDB_20120810.GetItem",
        body: { TableName: "desk", Key: { pk: { S: "STATE#FRA" }, sk: { S: "STATE" } } },
      },
    ]);
  });
});
