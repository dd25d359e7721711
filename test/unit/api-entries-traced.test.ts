// Every api function's entry point sends its invocations to X-Ray when Lambda samples them (ADR 0018): each group's
// handler, imported as its Lambda imports it, answers a request for a path it does not serve (404, no table read)
// and the daemon (a UDP socket here) gets the handler's run as a subsegment of the invocation's trace.
import { createSocket } from "node:dgram";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Subsegment } from "#shared/observability/tracer.ts";
import { routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";

const ROOT = "1-6750f0a0-0123456789abcdef01234568";
const daemon = createSocket("udp4");
const received: Subsegment[] = [];

beforeAll(async () => {
  daemon.on("message", (message) => received.push(JSON.parse(message.toString().split("\n")[1] ?? "") as Subsegment));
  await new Promise<void>((resolve) => daemon.bind(0, "127.0.0.1", resolve));
  const address = `127.0.0.1:${daemon.address().port}`;
  vi.stubEnv("_X_AMZN_TRACE_ID", `Root=${ROOT};Parent=53995c3f42cd8ad9;Sampled=1`);
  vi.stubEnv("AWS_XRAY_DAEMON_ADDRESS", `udp:${address} tcp:${address}`);
  vi.stubEnv("AWS_REGION", "eu-west-1");
  vi.stubEnv("DESK_TABLE", "desk-test");
  vi.stubEnv("AUDIT_TABLE", "audit-test");
  vi.stubEnv("DYNAMODB_ENDPOINT", "http://127.0.0.1:9");
  vi.stubEnv("POWERTOOLS_LOG_LEVEL", "SILENT");
});

afterAll(() => {
  vi.unstubAllEnvs();
  daemon.close();
});

async function handlerRuns(): Promise<Subsegment[]> {
  for (let waited = 0; received.length === 0 && waited < 2000; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return received.splice(0).filter((document) => document.name === "## handler");
}

describe("every api function's entry point", () => {
  it.each(routeGroupNames)("%s sends a sampled invocation's run to X-Ray", async (group) => {
    const { handler } = (await import(/* @vite-ignore */ `../../${routeGroups[group].entry}`)) as {
      handler: (event: unknown, context: unknown) => Promise<{ statusCode: number }>;
    };
    const answer = await handler(apiEvent({ path: "/no-such-path", group: "secretariat" }), lambdaContext);
    expect(answer.statusCode).toBe(404);
    expect(await handlerRuns()).toEqual([
      expect.objectContaining({ trace_id: ROOT, parent_id: "53995c3f42cd8ad9", type: "subsegment" }),
    ]);
  });
});
