// The handler every api function puts around its router: each log line carries the Lambda context and the request's
// correlation id, and what a request appended to the logger is gone before the next (Powertools' injectLambdaContext
// with resetKeys, written out in functions/api/api-handler.ts, ADR 0040).
import { Logger } from "@aws-lambda-powertools/logger";
import { afterEach, describe, expect, it, vi } from "vitest";
import { defineRoute } from "#shared/http/route.ts";
import { apiHandler } from "../../functions/api/api-handler.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";

afterEach(() => vi.restoreAllMocks());

describe("the api handler around the router", () => {
  it("puts the Lambda context and the correlation id in each log line, and drops keys a request appended", async () => {
    // The logger writes JSON lines to stdout: kept here, so the test can read them.
    const written: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const logger = new Logger({ serviceName: "desk-test", logLevel: "INFO" });
    const route = (path: string, append: boolean) =>
      defineRoute({
        method: "GET",
        path,
        operationId: path,
        tag: "Test",
        access: "open",
        responses: [{ status: 200, description: path }],
        handle: async () => {
          if (append) logger.appendKeys({ leaked: "from the first request" });
          logger.info(path);
          return { body: path };
        },
      });
    const handle = apiHandler([route("/first", true), route("/second", false)], logger);

    const first = await handle(apiEvent({ path: "/first", headers: { "x-correlation-id": "first-1" } }), lambdaContext);
    await handle(apiEvent({ path: "/second" }), { ...lambdaContext, awsRequestId: "request-2" });

    expect(first.statusCode).toBe(200);
    const lines = written.flatMap((chunk) =>
      chunk
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    );
    const [firstLine, secondLine] = lines.filter((line) => line.message === "/first" || line.message === "/second");
    expect(firstLine).toMatchObject({
      function_request_id: "request-1",
      correlation_id: "first-1",
      leaked: "from the first request",
    });
    expect(secondLine).toMatchObject({ function_request_id: "request-2" });
    expect(secondLine).not.toHaveProperty("leaked");
  });
});
