// The whole local stack over real HTTP: DynamoDB Local, the seeded registry, the JWT check, the api handler, SES; and a
// stack on an engine it shares, as the other e2e files' are.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ListTablesCommand } from "@aws-sdk/client-dynamodb";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { generateJwtKeys, issueToken, LOCAL_CLIENT_ID, LOCAL_ISSUER } from "../../infra/local/jwt.ts";
import { type LocalStack, startLocalStack } from "../../infra/local/stack.ts";
import { startE2eStack } from "../support/e2e-stack.ts";
import { everyItem } from "../support/table-items.ts";

interface StatePage {
  items: { iso3: string; iso2: string; name: string; region: string }[];
  cursor?: string;
}

let dataDir: string;
let stack: LocalStack;
let membersToken: string;
/** What the start printed while it worked. */
const startLines: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "desk-e2e-"));
  stack = await startLocalStack({
    dataDir,
    inMemory: true,
    apiPort: 0,
    dynamoPort: 0,
    sesPort: 0,
    log: (line) => startLines.push(line),
  });
  membersToken = await issueToken(stack.jwtKeys, { group: "members" });
});

afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (path: string, token?: string) =>
  fetch(`${stack.apiUrl}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function expectProblem(response: Response, status: number): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as { correlationId?: string };
  expect(problem).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
    correlationId: expect.any(String),
  });
  // The gateway's own refusals (a 401 before the api) are quoted by the same id as the api's (audit 32).
  expect(response.headers.get("x-correlation-id")).toBe(problem.correlationId);
}

describe("the local stack", () => {
  it("seeds the 193 States and the demonstration submissions on a first start", () => {
    expect(stack.seed).toEqual({
      created: 193,
      existing: 0,
      demoSubmissions: 185 + 124 + 48,
      // 209 points of contact and the 193 Permanent Missions.
      demoContacts: 209 + 193,
      demoAssistanceRequests: 24,
      programme: { year: expect.any(Number), status: "draft", rolledFrom: 2023 },
    });
  });

  it("says what it seeds while it works, a line per stage with its counts", () => {
    const seedLines = startLines.filter((line) => line.startsWith("seed: "));
    for (const stage of [
      /^seed: 193 Member States with their obligations added/,
      /^seed: 25 organizations added/,
      /^seed: 7 programme letter templates added/,
      /^seed: 1 staff letter templates added/,
      /^seed: 2 programme years added/,
      /^seed: 357 demonstration submissions recorded/,
      /^seed: 402 demonstration contacts added/,
      /^seed: demonstration assistance: 72 offers, 24 requests/,
    ]) {
      expect(seedLines.filter((line) => stage.test(line))).toHaveLength(1);
    }
    expect(seedLines).toHaveLength(8);
  });

  it("answers GET /health without a token", async () => {
    const response = await get("/health");
    expect(response.status).toBe(200);
  });

  it("answers HEAD as GET without the body: /health without a token, a State with its ETag, a path with no GET 405", async () => {
    const head = (path: string, token?: string) =>
      fetch(`${stack.apiUrl}${path}`, { method: "HEAD", headers: token ? { authorization: `Bearer ${token}` } : {} });
    const health = await head("/health");
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("");
    expect((await head("/states/USA")).status).toBe(401);
    const state = await head("/states/USA", membersToken);
    expect(state.status).toBe(200);
    expect(state.headers.get("etag")).toBe((await get("/states/USA", membersToken)).headers.get("etag"));
    expect(await state.text()).toBe("");
    const noGet = await head("/states/USA/submissions/S1/void", membersToken);
    expect(noGet.status).toBe(405);
    expect(noGet.headers.get("allow")).toBe("POST");
  });

  it("refuses GET /states without a token, like the JWT authorizer", async () => {
    const response = await get("/states");
    await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });

  it("refuses a token signed by another key", async () => {
    const forged = await issueToken(await generateJwtKeys(), { group: "secretariat" });
    await expectProblem(await get("/states", forged), 401);
  });

  it("refuses a token without the API's scope (an ID token) with 403, like the authorizer", async () => {
    const now = Math.floor(Date.now() / 1000);
    const idToken = await new SignJWT({ "cognito:groups": ["secretariat"], token_use: "id", email: "a@un.example" })
      .setProtectedHeader({ alg: "RS256", kid: stack.jwtKeys.kid, typ: "JWT" })
      .setSubject("id-token-user")
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_CLIENT_ID)
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(stack.jwtKeys.privateKey);
    const refused = await get("/states", idToken);
    await expectProblem(refused, 403);
    expect(refused.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    // The tokens the desk mints locally carry it, as the staff client's do.
    expect((await get("/states", membersToken)).status).toBe(200);
  });

  it("refuses an expired token", async () => {
    const expired = await issueToken(stack.jwtKeys, {
      group: "secretariat",
      issuedAt: new Date(Date.now() - 2 * 3600_000),
    });
    await expectProblem(await get("/states", expired), 401);
  });

  it("lists exactly the 193 Member States to members, page by page", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const query = new URLSearchParams({ limit: "50", ...(cursor ? { cursor } : {}) });
      const response = await get(`/states?${query}`, membersToken);
      expect(response.status).toBe(200);
      const page = (await response.json()) as StatePage;
      expect(page.items.length).toBeLessThanOrEqual(50);
      for (const state of page.items) seen.add(state.iso3);
      cursor = page.cursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.size).toBe(193);
    expect(pages).toBeGreaterThanOrEqual(4);
  });

  it("filters by regional group: 29 States in WEOG", async () => {
    const response = await get("/states?region=weog&limit=100", membersToken);
    expect(response.status).toBe(200);
    const page = (await response.json()) as StatePage;
    expect(page.items).toHaveLength(29);
    expect(page.items.every((state) => state.region === "weog")).toBe(true);
    expect(page.items[0]).toMatchObject({
      iso3: expect.any(String),
      iso2: expect.any(String),
      name: expect.any(String),
    });
  });

  it("lists exactly the eight non-reporting States the Committee publishes", async () => {
    const response = await get("/states?status=non-reporting", membersToken);
    expect(response.status).toBe(200);
    const page = (await response.json()) as StatePage;
    expect(page.items.map((state) => state.iso3).sort()).toEqual(
      ["GIN", "GMB", "MLI", "MRT", "PRK", "SOM", "SWZ", "TCD"].sort(),
    );
  });

  it("lets members change nothing: PATCH /states/USA is 403", async () => {
    const response = await fetch(`${stack.apiUrl}/states/USA`, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${membersToken}`,
        "content-type": "application/merge-patch+json",
        "if-match": '"1"',
      },
      body: JSON.stringify({ name: "Changed" }),
    });
    await expectProblem(response, 403);
  });

  it("serves the docs page and the OpenAPI document without a token", async () => {
    const docs = await get("/docs");
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await docs.text()).toMatch(/<html/i);

    const openapi = await get("/openapi.json");
    expect(openapi.status).toBe(200);
    expect(await openapi.json()).toMatchObject({ openapi: expect.any(String) });
  });

  it("serves the SES emulator's page", async () => {
    const response = await fetch(`${stack.sesUrl}/`);
    expect(response.status).toBe(200);
  });
});

describe("a stack on the layer's DynamoDB engine, as the other e2e files start theirs", () => {
  it("refuses to start there without a table prefix of its own, before touching anything", async () => {
    await expect(
      startLocalStack({ dataDir, inMemory: true, dynamoEndpoint: inject("dynamoEndpoint"), apiPort: 0, sesPort: 0 }),
    ).rejects.toThrow(/needs a tablePrefix/);
  });

  it("copies the layer's seed into its own tables there and leaves the engine running when it stops", async () => {
    const shared = await startE2eStack();
    const engine = createDynamoClient({ region: "us-east-1", endpoint: inject("dynamoEndpoint") });
    try {
      expect(shared.dynamoEndpoint).toBe(inject("dynamoEndpoint"));
      expect(shared.tableNames.desk).not.toBe("desk-local");
      expect(shared.seed).toMatchObject({ created: 193, existing: 0 });
      // Item for item: the same count in each of its tables as in the layer's, and the registry read through the API.
      const layer = inject("seededTables").tableNames;
      const doc = createDocumentClient(engine);
      for (const table of ["desk", "audit"] as const) {
        const copied = await everyItem(doc, shared.tableNames[table]);
        expect(copied.length).toBeGreaterThan(0);
        expect(copied.length).toBe((await everyItem(doc, layer[table])).length);
      }
      const token = await issueToken(shared.jwtKeys, { group: "members" });
      const weog = await fetch(`${shared.apiUrl}/states?region=weog&limit=100`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(((await weog.json()) as StatePage).items).toHaveLength(29);
      await shared.stop();
      const { TableNames } = await engine.send(new ListTablesCommand({}));
      expect(TableNames).toEqual(expect.arrayContaining([shared.tableNames.desk, shared.tableNames.audit]));
    } finally {
      engine.destroy();
    }
  });
});
