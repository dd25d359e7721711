// The functions' tracer: with a sampled trace, the handler's run and each AWS call reach an X-Ray daemon (a UDP socket
// here) as subsegments laid out as Powertools Tracer does; without one (locally, in tests, tracing disabled) it sends
// nothing and changes nothing. The AWS calls go to an in-test HTTP server standing in for SQS.
import { createSocket } from "node:dgram";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GetQueueUrlCommand, SQSClient } from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTracer, type Subsegment, sampledTrace } from "#shared/observability/tracer.ts";

const ROOT = "1-6750f0a0-0123456789abcdef01234567";
const sampled = `Root=${ROOT};Parent=53995c3f42cd8ad8;Sampled=1`;

let sqsServer: Server;
let sqsEndpoint: string;
const daemon = createSocket("udp4");
const received: string[] = [];
let daemonAddress: string;

beforeAll(async () => {
  // SQS's JSON protocol: GetQueueUrl answers a QueueUrl, or a 400 for a queue that does not exist.
  sqsServer = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => {
      body += chunk;
    });
    request.on("end", () => {
      const known = (JSON.parse(body) as { QueueName: string }).QueueName === "waves";
      response.writeHead(known ? 200 : 400, {
        "content-type": "application/x-amz-json-1.0",
        "x-amzn-requestid": "request-1",
      });
      response.end(
        JSON.stringify(
          known
            ? { QueueUrl: "http://127.0.0.1/123456789012/waves" }
            : { __type: "com.amazonaws.sqs#QueueDoesNotExist", message: "no such queue" },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => sqsServer.listen(0, "127.0.0.1", resolve));
  sqsEndpoint = `http://127.0.0.1:${(sqsServer.address() as AddressInfo).port}`;
  daemon.on("message", (message) => received.push(message.toString()));
  await new Promise<void>((resolve) => daemon.bind(0, "127.0.0.1", resolve));
  daemonAddress = `127.0.0.1:${daemon.address().port}`;
});

afterAll(async () => {
  daemon.close();
  await new Promise((resolve) => sqsServer.close(resolve));
});

const sqsClient = () =>
  new SQSClient({
    region: "eu-west-1",
    endpoint: sqsEndpoint,
    credentials: { accessKeyId: "test", secretAccessKey: "test" },
    maxAttempts: 1,
  });

/** What the daemon got, once `count` documents have arrived: each a header line, then the subsegment. */
async function documents(count: number): Promise<Subsegment[]> {
  for (let waited = 0; received.length < count && waited < 2000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return received.splice(0).map((datagram) => {
    const [header, body] = datagram.split("\n");
    expect(JSON.parse(header ?? "")).toEqual({ format: "json", version: 1 });
    return JSON.parse(body ?? "") as Subsegment;
  });
}

describe("sampledTrace", () => {
  it("reads Lambda's trace header only when sampled and tracing is not disabled", () => {
    expect(sampledTrace({ _X_AMZN_TRACE_ID: sampled })).toEqual({ traceId: ROOT, parentId: "53995c3f42cd8ad8" });
    expect(sampledTrace({ _X_AMZN_TRACE_ID: sampled.replace("Sampled=1", "Sampled=0") })).toBeUndefined();
    expect(sampledTrace({ _X_AMZN_TRACE_ID: sampled, POWERTOOLS_TRACE_ENABLED: "false" })).toBeUndefined();
    expect(sampledTrace({})).toBeUndefined();
  });
});

describe("the tracer", () => {
  it("sends the handler's run and its AWS calls as subsegments of the invocation", async () => {
    const env = {
      _X_AMZN_TRACE_ID: sampled,
      AWS_XRAY_DAEMON_ADDRESS: `udp:${daemonAddress} tcp:${daemonAddress}`,
      AWS_REGION: "eu-west-1",
      POWERTOOLS_SERVICE_NAME: "desk-1540-wave-sweep",
    };
    const tracer = createTracer(env);
    const client = tracer.captureClient(sqsClient());
    const handler = tracer.handler(async (queue: string) => {
      return (await client.send(new GetQueueUrlCommand({ QueueName: queue }))).QueueUrl;
    });

    expect(await handler("waves")).toBe("http://127.0.0.1/123456789012/waves");
    const [call, run] = await documents(2);
    expect(run).toMatchObject({
      name: "## handler",
      trace_id: ROOT,
      parent_id: "53995c3f42cd8ad8",
      type: "subsegment",
      annotations: { ColdStart: true, Service: "desk-1540-wave-sweep" },
    });
    expect(run?.fault).toBeUndefined();
    expect(call).toMatchObject({
      name: "SQS",
      namespace: "aws",
      trace_id: ROOT,
      parent_id: run?.id,
      aws: { operation: "GetQueueUrl", region: "eu-west-1", request_id: "request-1", retries: 0 },
      http: { response: { status: 200 } },
    });
    expect(call?.start_time).toBeLessThanOrEqual(call?.end_time ?? 0);
    expect(run?.start_time).toBeLessThanOrEqual(call?.start_time ?? 0);

    // A refused call is the caller's error, and the handler that throws it a fault; the second run is warm.
    await expect(handler("missing")).rejects.toThrow("no such queue");
    const [refused, failed] = await documents(2);
    expect(refused).toMatchObject({ name: "SQS", error: true, http: { response: { status: 400 } } });
    expect(failed).toMatchObject({
      name: "## handler",
      fault: true,
      annotations: { ColdStart: false },
      cause: { exceptions: [{ message: "no such queue" }] },
    });
  });

  it("sends nothing, and answers the same, with no sampled trace or with tracing disabled", async () => {
    for (const env of [
      { AWS_XRAY_DAEMON_ADDRESS: daemonAddress },
      { _X_AMZN_TRACE_ID: sampled.replace("Sampled=1", "Sampled=0"), AWS_XRAY_DAEMON_ADDRESS: daemonAddress },
      { _X_AMZN_TRACE_ID: sampled, AWS_XRAY_DAEMON_ADDRESS: daemonAddress, POWERTOOLS_TRACE_ENABLED: "false" },
    ]) {
      const tracer = createTracer(env);
      const client = tracer.captureClient(sqsClient());
      const handler = tracer.handler(
        async () => (await client.send(new GetQueueUrlCommand({ QueueName: "waves" }))).QueueUrl,
      );
      expect(await handler(undefined)).toBe("http://127.0.0.1/123456789012/waves");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toEqual([]);
  });
});
