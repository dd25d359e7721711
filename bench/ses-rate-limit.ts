// An SES endpoint with the account's MaxSendRate, in front of the SES emulator (which has no rate): it throttles the
// way SES's Query API does, so the wave bench measures the desk's pacing rather than the emulator's speed.
import { randomUUID } from "node:crypto";
import { Agent, createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RateLimitedSesOptions {
  /** The emulator the accepted calls go on to (`http://127.0.0.1:<port>`). */
  upstream: string;
  /** Recipients per second, as in SES's GetSendQuota. */
  maxSendRate: number;
  /** What GetSendQuota reports as the daily quota; sends are never refused for it here. */
  max24HourSend?: number;
}

export interface RateLimitedSesStats {
  /** When each accepted send arrived, in ms on `performance.now()`'s clock, one entry per recipient. */
  acceptedAt: number[];
  /** Send calls answered with SES's Throttling error. */
  throttled: number;
  /** GetSendQuota calls answered. */
  quotaReads: number;
  /** Accepted sends the emulator then refused or failed (a broken run, not a rate figure). */
  upstreamFailures: number;
}

export interface RateLimitedSes {
  endpoint: string;
  stats(): RateLimitedSesStats;
  stop(): Promise<void>;
}

const SES_NAMESPACE = "http://ses.amazonaws.com/doc/2010-12-01/";
const SEND_ACTIONS = new Set(["SendEmail", "SendRawEmail"]);
const WINDOW_MS = 1000;

/** The recipients of a SendEmail or SendRawEmail call: SES's rate counts recipients, not calls. */
function recipientsOf(form: URLSearchParams): number {
  let count = 0;
  for (const key of form.keys()) {
    if (/^Destination\.(To|Cc|Bcc)Addresses\.member\.\d+$/.test(key) || /^Destinations\.member\.\d+$/.test(key)) {
      count += 1;
    }
  }
  return Math.max(count, 1);
}

function xml(response: ServerResponse, status: number, body: string): void {
  response.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": randomUUID() });
  response.end(body);
}

/** SES's answer over the rate: HTTP 400, code Throttling, "Maximum sending rate exceeded." (retriable). */
function throttle(response: ServerResponse): void {
  xml(
    response,
    400,
    `<ErrorResponse xmlns="${SES_NAMESPACE}"><Error><Type>Sender</Type><Code>Throttling</Code>` +
      `<Message>Maximum sending rate exceeded.</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => resolve(Buffer.concat(chunks)));
    incoming.on("error", reject);
  });
}

/**
 * Starts the front on a free loopback port. A send is accepted only if, with its recipients, no more than
 * `maxSendRate` recipients were accepted in the last second (a sliding window, stricter than any fixed one); anything
 * else (GetSendQuota aside) passes through untouched.
 */
export async function startRateLimitedSes(options: RateLimitedSesOptions): Promise<RateLimitedSes> {
  const upstream = new URL(options.upstream);
  const agent = new Agent({ keepAlive: true });
  const acceptedAt: number[] = [];
  let windowStart = 0;
  let throttled = 0;
  let quotaReads = 0;
  let upstreamFailures = 0;

  const inLastSecond = (now: number) => {
    while (windowStart < acceptedAt.length && (acceptedAt[windowStart] ?? 0) <= now - WINDOW_MS) windowStart += 1;
    return acceptedAt.length - windowStart;
  };

  function forward(incoming: IncomingMessage, body: Buffer, response: ServerResponse, onStatus: (ok: boolean) => void) {
    const outgoing = request(
      {
        protocol: upstream.protocol,
        hostname: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host },
        agent,
      },
      (answer) => {
        onStatus((answer.statusCode ?? 500) < 300);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    outgoing.on("error", () => {
      onStatus(false);
      response.writeHead(502).end();
    });
    outgoing.end(body);
  }

  const server = createServer((incoming, response) => {
    readBody(incoming)
      .then((body) => {
        const form = new URLSearchParams(body.toString("utf8"));
        const action = incoming.method === "POST" ? form.get("Action") : null;
        if (action === "GetSendQuota") {
          quotaReads += 1;
          xml(
            response,
            200,
            `<GetSendQuotaResponse xmlns="${SES_NAMESPACE}"><GetSendQuotaResult>` +
              `<Max24HourSend>${options.max24HourSend ?? 1_000_000}</Max24HourSend>` +
              `<MaxSendRate>${options.maxSendRate}</MaxSendRate>` +
              `<SentLast24Hours>${acceptedAt.length}</SentLast24Hours>` +
              `</GetSendQuotaResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>` +
              "</GetSendQuotaResponse>",
          );
          return;
        }
        if (!action || !SEND_ACTIONS.has(action)) {
          forward(incoming, body, response, () => undefined);
          return;
        }
        const now = performance.now();
        const recipients = recipientsOf(form);
        if (inLastSecond(now) + recipients > options.maxSendRate) {
          throttled += 1;
          throttle(response);
          return;
        }
        for (let index = 0; index < recipients; index++) acceptedAt.push(now);
        forward(incoming, body, response, (ok) => {
          if (!ok) upstreamFailures += 1;
        });
      })
      .catch(() => response.writeHead(400).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats: () => ({ acceptedAt: [...acceptedAt], throttled, quotaReads, upstreamFailures }),
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      agent.destroy();
    },
  };
}

/** The most recipients accepted in any window of one second: over every window that starts at an acceptance. */
export function busiestSecond(acceptedAt: readonly number[]): number {
  let busiest = 0;
  let end = 0;
  for (let start = 0; start < acceptedAt.length; start++) {
    const from = acceptedAt[start] ?? 0;
    while (end < acceptedAt.length && (acceptedAt[end] ?? 0) < from + WINDOW_MS) end += 1;
    busiest = Math.max(busiest, end - start);
  }
  return busiest;
}
