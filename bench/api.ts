// API latency and DynamoDB calls per request, over HTTP against the local stack (DynamoDB Local in memory).
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Logger } from "@aws-lambda-powertools/logger";
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { createApiHandler } from "../functions/api/app.ts";
import { startApiServer } from "../infra/local/http-server.ts";
import { issueToken } from "../infra/local/jwt.ts";
import { REGION, startLocalStack } from "../infra/local/stack.ts";
import { systemClock } from "../shared/clock.ts";
import { createDocumentClient, createDynamoClient } from "../shared/dynamo/client.ts";
import { stateKey } from "../shared/registry/keys.ts";
import { type CallCounts, countCalls, difference } from "./dynamo-calls.ts";
import type { LoadPlan, LoadReply, LoadRequest, LoadResult } from "./load.ts";
import { percentile } from "./stats.ts";

export interface Scenario {
  key: string;
  title: string;
  method: "GET" | "PATCH";
  path: string;
  /** The targets on p50 and p99 apply to single-item reads. */
  singleItemRead: boolean;
}

export const scenarios: readonly Scenario[] = [
  {
    key: "get-state",
    title: "GET /states/FRA (single-item read)",
    method: "GET",
    path: "/states/FRA",
    singleItemRead: true,
  },
  {
    key: "list-region",
    title: "GET /states?region=weog (filtered list)",
    method: "GET",
    path: "/states?region=weog",
    singleItemRead: false,
  },
  {
    key: "list-status",
    title: "GET /states?status=non-reporting (status index)",
    method: "GET",
    path: "/states?status=non-reporting",
    singleItemRead: false,
  },
  {
    key: "get-matrix",
    title: "GET /states/FRA/matrix (matrix read: State, head and versions; no matrix is seeded yet)",
    method: "GET",
    path: "/states/FRA/matrix",
    singleItemRead: false,
  },
  {
    key: "patch-state",
    title: "PATCH /states/{iso3} with If-Match (rotating over the 193 States)",
    method: "PATCH",
    path: "/states/{iso3}",
    singleItemRead: false,
  },
];

export interface ApiSettings {
  /** Unmeasured load before each scenario: DynamoDB Local's JVM and V8 compile the hot paths first. */
  warmupSeconds: number;
  /** Per connection level and server. */
  seconds: number;
  /** The control's runs are cut into this many alternating segments. */
  controlSegments: number;
  /** 1: the Lambda model, one request per instance at a time. 10: throughput of one process. */
  connectionLevels: readonly number[];
}

export interface LoadRun {
  connections: number;
  /** instrumented: the handler built here with counting middleware; stock: the stack's own handler. */
  server: "instrumented" | "stock";
  responses: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  statusCounts: Record<string, number>;
  errors: number;
}

function summarize(parts: LoadResult[], connections: number, server: LoadRun["server"]): LoadRun {
  const latencies = parts.flatMap((part) => part.latencies);
  const seconds = parts.reduce((sum, part) => sum + part.seconds, 0);
  const statusCounts: Record<string, number> = {};
  for (const part of parts) {
    for (const [status, count] of Object.entries(part.statusCounts)) {
      statusCounts[status] = (statusCounts[status] ?? 0) + count;
    }
  }
  const non2xx = Object.entries(statusCounts)
    .filter(([status]) => !status.startsWith("2"))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    connections,
    server,
    responses: latencies.length,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.reduce((max, value) => Math.max(max, value), 0),
    non2xx,
    statusCounts,
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
  };
}

/** The DynamoDB calls of a scenario's runs against the instrumented handler, and the requests that made them. */
export interface ScenarioCalls extends Pick<CallCounts, "commands" | "attempts"> {
  requests: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  runs: LoadRun[];
  calls: ScenarioCalls;
}

export interface EngineRun {
  connections: number;
  responses: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

export interface ApiFigures {
  scenarios: ScenarioResult[];
  /** GetItem of the same State straight through the SDK: the engine's share of a single-item read. */
  engine: EngineRun[];
  stackStartMs: number;
  seed: { created: number; demoSubmissions: number };
}

function add(total: ScenarioCalls, requests: number, more: CallCounts): ScenarioCalls {
  const commands = { ...total.commands };
  for (const [name, count] of Object.entries(more.commands)) commands[name] = (commands[name] ?? 0) + count;
  return { requests: total.requests + requests, commands, attempts: total.attempts + more.attempts };
}

/** One forked load generator for the whole section; plans go one at a time. */
function startLoadChild() {
  const child: ChildProcess = fork(fileURLToPath(new URL("./load.ts", import.meta.url)), [], {
    execArgv: ["--import", "tsx"],
    // Its stderr is kept: a failure there is the bench's failure.
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let nextId = 0;
  const pending = new Map<number, { resolve: (result: LoadResult) => void; reject: (error: Error) => void }>();
  child.on("message", (reply: LoadReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if ("result" in reply) waiter?.resolve(reply.result);
    else waiter?.reject(new Error(`load generator: ${reply.error}`));
  });
  child.on("exit", (code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the load generator exited (${code})`));
    pending.clear();
  });
  return {
    run(plan: LoadPlan): Promise<LoadResult> {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ id, plan } satisfies LoadRequest);
      });
    },
    async stop(): Promise<void> {
      if (child.exitCode !== null || !child.connected) return;
      const exited = new Promise<void>((done) => child.once("exit", () => done()));
      child.send({ id: nextId++, exit: true } satisfies LoadRequest);
      await exited;
    },
  };
}

/** `connections` loops sending GetItem back to back for `seconds`, in this process (the server is idle then). */
async function engineGetItem(
  doc: DynamoDBDocumentClient,
  tableName: string,
  connections: number,
  seconds: number,
): Promise<EngineRun> {
  const latencies: number[] = [];
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      await doc.send(new GetCommand({ TableName: tableName, Key: stateKey("FRA") }));
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  const elapsed = (performance.now() - started) / 1000;
  return {
    connections,
    responses: latencies.length,
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

const settle = () => new Promise<void>((done) => setTimeout(done, 300));

async function readJson(response: Response): Promise<unknown> {
  if (!response.ok) throw new Error(`${response.url} answered ${response.status}`);
  return response.json();
}

/** Every State's code and current ETag, read through the API, so each write starts from a real version. */
async function currentEtags(baseUrl: string, token: string): Promise<{ iso3: string; etag: string }[]> {
  const headers = { authorization: `Bearer ${token}` };
  const codes: string[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ limit: "100", ...(cursor ? { cursor } : {}) });
    const page = await readJson(await fetch(`${baseUrl}/states?${query}`, { headers }));
    if (typeof page !== "object" || page === null || !("items" in page) || !Array.isArray(page.items)) {
      throw new Error("GET /states answered without items");
    }
    for (const item of page.items as unknown[]) {
      if (typeof item === "object" && item !== null && "iso3" in item && typeof item.iso3 === "string") {
        codes.push(item.iso3);
      }
    }
    cursor = "cursor" in page && typeof page.cursor === "string" ? page.cursor : undefined;
  } while (cursor);

  const states: { iso3: string; etag: string }[] = [];
  for (let start = 0; start < codes.length; start += 10) {
    const batch = codes.slice(start, start + 10);
    const answers = await Promise.all(batch.map((iso3) => fetch(`${baseUrl}/states/${iso3}`, { headers })));
    answers.forEach((answer, index) => {
      const iso3 = batch[index];
      const etag = answer.headers.get("etag");
      if (!iso3 || !answer.ok || !etag) throw new Error(`GET /states/${iso3} answered ${answer.status} without ETag`);
      states.push({ iso3, etag });
    });
    await Promise.all(answers.map((answer) => answer.body?.cancel()));
  }
  return states;
}

export async function measureApi(settings: ApiSettings, onProgress: (line: string) => void): Promise<ApiFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), "desk-bench-stack-"));
  const cleanups: (() => Promise<void>)[] = [async () => rmSync(dataDir, { recursive: true, force: true })];
  try {
    const stackStarted = performance.now();
    const stack = await startLocalStack({
      dataDir,
      inMemory: true,
      apiPort: 0,
      dynamoPort: 0,
      sesPort: 0,
      log: () => {},
    });
    cleanups.push(() => stack.stop());
    const stackStartMs = performance.now() - stackStarted;
    onProgress(`api: local stack up in ${Math.round(stackStartMs)} ms`);
    const tokens = {
      members: await issueToken(stack.jwtKeys, { group: "members", expiresInSeconds: 3 * 3600 }),
      secretariat: await issueToken(stack.jwtKeys, { group: "secretariat", expiresInSeconds: 3 * 3600 }),
    };

    // The stack's handler made its own client at import; this one is built the same way (createApiHandler,
    // the shared client factories, the same logger) with counting middleware on its client, on the same engine.
    const client = createDynamoClient({ region: REGION, endpoint: stack.dynamoEndpoint });
    cleanups.push(async () => client.destroy());
    const counter = countCalls(client);
    const handler = createApiHandler({
      doc: createDocumentClient(client),
      tableNames: stack.tableNames,
      clock: systemClock,
      logger: new Logger({ serviceName: "desk-1540" }),
    });
    let requests = 0;
    const server = await startApiServer({
      port: 0,
      jwtKeys: stack.jwtKeys,
      handler: (event, context) => {
        requests += 1;
        return handler(event, context);
      },
    });
    cleanups.push(() => server.stop());

    const load = startLoadChild();
    cleanups.push(() => load.stop());

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const token = scenario.method === "PATCH" ? tokens.secretariat : tokens.members;
      const plan = async (baseUrl: string, connections: number, durationSeconds: number): Promise<LoadPlan> => ({
        baseUrl,
        method: scenario.method,
        path: scenario.path,
        token,
        connections,
        durationSeconds,
        states: scenario.method === "PATCH" ? await currentEtags(baseUrl, token) : undefined,
      });
      const servers: { server: LoadRun["server"]; url: string }[] = [{ server: "instrumented", url: server.url }];
      // A side-by-side control on the stack's own handler: does the counting change the figures?
      if (scenario.singleItemRead) servers.push({ server: "stock", url: stack.apiUrl });
      // With a control, the runs are cut into segments that alternate between the two servers (and which
      // goes first), so warming and machine noise fall on both alike; alone, one segment.
      const segments = servers.length > 1 ? settings.controlSegments : 1;

      for (const { url } of servers) await load.run(await plan(url, 10, settings.warmupSeconds));
      const runs: LoadRun[] = [];
      let calls: ScenarioCalls = { requests: 0, commands: {}, attempts: 0 };
      for (const connections of settings.connectionLevels) {
        const merged = new Map(servers.map(({ server: kind }) => [kind, [] as LoadResult[]]));
        for (let segment = 0; segment < segments; segment++) {
          const order = segment % 2 === 0 ? servers : [...servers].reverse();
          for (const { server: kind, url } of order) {
            const next = await plan(url, connections, settings.seconds / segments);
            await settle();
            const before = counter.snapshot();
            const requestsBefore = requests;
            const result = await load.run(next);
            await settle();
            if (kind === "instrumented") {
              calls = add(calls, requests - requestsBefore, difference(before, counter.snapshot()));
            }
            merged.get(kind)?.push(result);
          }
        }
        for (const [kind, parts] of merged) {
          const run = summarize(parts, connections, kind);
          runs.push(run);
          onProgress(
            `api: ${scenario.key} ${kind} c=${connections}: p50 ${run.p50Ms.toFixed(2)} ms, ` +
              `p99 ${run.p99Ms.toFixed(2)} ms, ${Math.round(run.requestsPerSecond)} req/s, ${run.non2xx} non-2xx`,
          );
        }
      }
      results.push({ scenario, runs, calls });
    }

    // Its own client, so the counts above stay the handler's.
    const plainClient = createDynamoClient({ region: REGION, endpoint: stack.dynamoEndpoint });
    cleanups.push(async () => plainClient.destroy());
    const plainDoc = createDocumentClient(plainClient);
    await engineGetItem(plainDoc, stack.tableNames.desk, 10, settings.warmupSeconds);
    const engine: EngineRun[] = [];
    for (const connections of settings.connectionLevels) {
      const run = await engineGetItem(plainDoc, stack.tableNames.desk, connections, settings.seconds);
      engine.push(run);
      onProgress(
        `api: engine GetItem c=${connections}: p50 ${run.p50Ms.toFixed(2)} ms, p99 ${run.p99Ms.toFixed(2)} ms, ` +
          `${Math.round(run.requestsPerSecond)} req/s`,
      );
    }
    return { scenarios: results, engine, stackStartMs, seed: stack.seed };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}
