// The local stream reader while DynamoDB Local does not answer: it waits longer after each failed poll, says how many
// failed in a row, and says when the stream answers again.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { pollDelay, type StreamReader, streamReader } from "../../infra/local/search-stream.ts";

describe("pollDelay", () => {
  it("doubles the wait after each failed poll, up to 10 s, and is the interval again once a poll succeeds", () => {
    expect([0, 1, 2, 3].map((failures) => pollDelay(200, failures))).toEqual([200, 400, 800, 1600]);
    expect(pollDelay(200, 6)).toBe(10_000);
    expect(pollDelay(200, 40)).toBe(10_000);
    // An interval longer than the cap is never shortened by a failure.
    expect(pollDelay(30_000, 2)).toBe(30_000);
  });
});

describe("streamReader's polling", () => {
  let reader: StreamReader | undefined;
  const servers: ReturnType<typeof createServer>[] = [];
  afterEach(async () => {
    await reader?.stop();
    await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  });

  it("reports each failed poll with its count, then the recovery, and reads on", async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      // Three polls find the engine failing; from the fourth it describes a stream with no shards yet.
      const failing = requests <= 3;
      response.writeHead(failing ? 500 : 200, { "content-type": "application/x-amz-json-1.0" });
      response.end(JSON.stringify(failing ? { message: "engine starting" } : { StreamDescription: { Shards: [] } }));
    });
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const { port } = server.address() as AddressInfo;

    const failures: number[] = [];
    const recovered = new Promise<number>((resolve) => {
      reader = streamReader(`http://127.0.0.1:${port}`, "arn:stream", async () => {}, {
        onError: (error, inARow) => {
          expect(String(error)).toContain("engine starting");
          failures.push(inARow);
        },
        onRecovered: resolve,
      });
      reader.start(5);
    });
    expect(await recovered).toBe(3);
    expect(failures).toEqual([1, 2, 3]);
  });
});
