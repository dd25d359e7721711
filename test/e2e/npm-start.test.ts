// `npm start` as a person runs it: infra/local/start.mjs, the local stack from its esbuild build (ADR 0044), in a
// process of its own. The other e2e files start the stack from its sources; this one checks that the build runs the
// same stack: the seed, the API with its routes loaded on first use, the docs, the console, a scheduled wave (its
// targets are loaded when it fires), and Ctrl-C.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueToken, loadOrCreateJwtKeys } from "../../infra/local/jwt.ts";
import { freePort } from "../../infra/local/ports.ts";
import { REPO_ROOT } from "../../infra/local/prelude.ts";
import { apiCaller } from "../support/api-call.ts";
import { nextMinute } from "../support/next-minute.ts";

// biome-ignore lint/suspicious/noExplicitAny: the answers of several routes, read field by field below
type Json = any;

const BANNER = /desk-1540 is running locally \(started in [\d.]+ s/;

let dataDir: string;
let child: ChildProcess;
let apiUrl: string;
let output = "";
let exited: Promise<number | null>;
let sesUrl: string;
let dynamodbPort: number;
let sesPort: number;

function seen(pattern: RegExp): Promise<void> {
  return new Promise((done, fail) => {
    const check = () => {
      if (pattern.test(output)) return done();
      if (child.exitCode !== null) return fail(new Error(`npm start exited (${child.exitCode}):\n${output}`));
      setTimeout(check, 50);
    };
    check();
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "desk-npm-start-"));
  const [api, dynamodb, ses] = [await freePort(), await freePort(), await freePort()];
  [dynamodbPort, sesPort] = [dynamodb, ses];
  apiUrl = `http://127.0.0.1:${api}`;
  sesUrl = `http://127.0.0.1:${ses}`;
  child = spawn(process.execPath, ["infra/local/start.mjs", "--in-memory"], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOCAL_DATA_DIR: dataDir,
      API_PORT: String(api),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a failed test can end DynamoDB Local's JVM with it.
    detached: true,
  });
  exited = new Promise((done) => child.once("exit", (code) => done(code)));
  const collect = (chunk: Buffer) => {
    output += chunk.toString("utf8");
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  await seen(BANNER);
}, 90_000);

afterAll(async () => {
  if (child.pid !== undefined && child.exitCode === null) {
    process.kill(-child.pid, "SIGKILL");
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("seeds the registry and says what it did", () => {
    expect(output).toMatch(/seed: 193 Member States with their obligations added, 0 already there/);
    expect(output).toMatch(/registry: 193 States added, 0 already there/);
  });

  it("prints commands that reach this stack: its data folder for a token, its ports for fire; and what it schedules", () => {
    const banner = output.slice(output.search(BANNER));
    expect(banner).toContain(`    LOCAL_DATA_DIR=${dataDir} npm run -s token -- members\n`);
    expect(banner).toContain(
      `curl -H "Authorization: Bearer $(LOCAL_DATA_DIR=${dataDir} npm run -s token -- members)"`,
    );
    expect(banner).toContain(`fire one now with: DYNAMODB_PORT=${dynamodbPort} SES_PORT=${sesPort} npm run fire --`);
    expect(banner).toMatch(/\n {4}wave-sweep +rate\(15 minutes\) +-> wave-sweep /);
  });

  it("answers on the API: health, the OpenAPI document and its docs page", async () => {
    expect((await fetch(`${apiUrl}/health`)).status).toBe(200);
    const document = (await (await fetch(`${apiUrl}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain("/states");
    const docs = await fetch(`${apiUrl}/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toMatch(/swagger/i);
  });

  const tokenOf = async (group: "members" | "secretariat") => issueToken(await loadOrCreateJwtKeys(dataDir), { group });

  it("serves a signed-in request from a route module it loads on first use", async () => {
    const token = await tokenOf("members");
    const response = await fetch(`${apiUrl}/states/FRA`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ iso3: "FRA", region: "weog" });
    const refused = await fetch(`${apiUrl}/states/FRA`);
    expect(refused.status).toBe(401);
  });

  it("serves the console", async () => {
    // Built before this layer runs (test/e2e/global-setup.ts), as the install builds it.
    const response = await fetch(`${apiUrl}/console/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<div id="app">/);
  });

  it("sends a scheduled wave when its minute comes", async () => {
    const token = await tokenOf("secretariat");
    const call = apiCaller<Json>(
      () => apiUrl,
      () => token,
    );
    const marker = `NPM-START-${Date.now()}`;
    const templateId = `npm-start-${Date.now()}`;
    const template = await call("POST", "/templates", {
      id: templateId,
      kind: "first-report-request",
      fallbackLanguage: "en",
      variants: {
        en: { subject: `${marker} {{state.name}}`, text: "To {{state.name}}.", html: "<p>To {{state.name}}.</p>" },
      },
    });
    expect(template.status).toBe(201);
    const { sendAt, instant } = nextMinute("UTC", 5_000);
    const wave = await call("POST", "/waves", {
      templateId,
      audience: "non-reporting-states",
      sendAt,
      timeZone: "UTC",
      notAfter: new Date(instant.getTime() + 3_600_000).toISOString(),
    });
    expect(wave.status).toBe(201);
    const id: string = wave.body.id;
    expect((await call("POST", `/waves/${id}/schedule`, undefined, { "if-match": wave.etag })).status).toBe(200);
    const recipients: unknown[] = (await call("GET", `/waves/${id}/audience`)).body.recipients;
    expect(recipients.length).toBeGreaterThan(0);

    await expect
      .poll(async () => (await call("GET", `/waves/${id}`)).body.status, { timeout: 100_000, interval: 1_000 })
      .toBe("completed");
    expect((await call("GET", `/waves/${id}`)).body.counts).toMatchObject({ sent: recipients.length });
    const store = (await (await fetch(`${sesUrl}/store`)).json()) as { emails: { subject: string }[] };
    expect(store.emails.filter((email) => email.subject.includes(marker))).toHaveLength(recipients.length);
  }, 150_000);

  it("stops everything on Ctrl-C", async () => {
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(output).toMatch(/SIGINT: stopping\n.*stopped/);
  }, 30_000);
});
