// The load generator, forked by bench/api.ts: autocannon in its own process, so its work is not on the server's event loop.
import autocannon from "autocannon";

export interface LoadPlan {
  baseUrl: string;
  method: "GET" | "PATCH";
  /** For GET: the path. For PATCH: ignored, the States rotate. */
  path: string;
  token: string;
  connections: number;
  durationSeconds: number;
  /** PATCH only: every State with the ETag last read, so each write names the version it changes. */
  states?: { iso3: string; etag: string }[];
}

/** Raw, so the parent can merge the segments of interleaved runs before taking percentiles. */
export interface LoadResult {
  /** Every response's time in ms, fractions kept (autocannon's own histogram keeps whole milliseconds). */
  latencies: number[];
  seconds: number;
  statusCounts: Record<string, number>;
  /** Connection errors and timeouts: no answer at all. */
  errors: number;
}

export type LoadRequest = { id: number; plan: LoadPlan } | { id: number; exit: true };
export type LoadReply = { id: number; result: LoadResult } | { id: number; error: string };

function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

/**
 * PATCH rotates over the States in order, so ten connections never hold the same State at once and
 * conflicts (412) stay rare; the language alternates each lap so every write changes something. The
 * ETag of every answer (a 412 carries the current one too) is kept for the next write to that State.
 */
function patchRequests(
  states: { iso3: string; etag: string }[],
  headers: Record<string, string>,
): autocannon.Request[] {
  const etags = new Map(states.map((state) => [state.iso3, state.etag]));
  const codes = states.map((state) => state.iso3);
  let turn = 0;
  return [
    {
      method: "PATCH",
      setupRequest(request, context) {
        const iso3 = codes[turn % codes.length] ?? "FRA";
        const language = Math.floor(turn / codes.length) % 2 === 0 ? "fr" : "en";
        turn += 1;
        context.iso3 = iso3;
        return {
          ...request,
          path: `/states/${iso3}`,
          headers: {
            ...headers,
            "content-type": "application/merge-patch+json",
            "if-match": etags.get(iso3) ?? '"0"',
          },
          body: JSON.stringify({ language }),
        };
      },
      onResponse(_status, _body, context, responseHeaders) {
        const etag = headerValue(responseHeaders, "etag");
        if (typeof context.iso3 === "string" && etag) etags.set(context.iso3, etag);
      },
    },
  ];
}

export async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const headers = { authorization: `Bearer ${plan.token}` };
  const latencies: number[] = [];
  const statusCounts: Record<string, number> = {};
  const started = performance.now();
  const instance = autocannon({
    url: plan.baseUrl,
    connections: plan.connections,
    duration: plan.durationSeconds,
    timeout: 10,
    requests:
      plan.method === "PATCH"
        ? patchRequests(plan.states ?? [], headers)
        : [{ method: "GET", path: plan.path, headers }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
  });
  const result = await instance;
  return { latencies, seconds: (performance.now() - started) / 1000, statusCounts, errors: result.errors };
}

// Only when forked: the parent sends plans one at a time and gets each result back.
if (process.send) {
  process.on("message", (message: LoadRequest) => {
    if ("exit" in message) {
      process.disconnect();
      return;
    }
    runLoad(message.plan).then(
      (result) => process.send?.({ id: message.id, result } satisfies LoadReply),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) } satisfies LoadReply),
    );
  });
}
