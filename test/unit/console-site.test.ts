// The local gateway's console door: the built files under /console/ with a strict CSP, the local sign-in's token
// route, and every other path left to the API.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_CSP, consoleSite } from "../../infra/local/console.ts";
import { generateJwtKeys, type JwtKeys, verifyBearer } from "../../infra/local/jwt.ts";

let dist: string;
let server: Server;
let base: string;
let keys: JwtKeys;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "desk-console-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>console</title>");
  writeFileSync(join(dist, "assets", "main-abc.js"), "console.log(1)");
  writeFileSync(join(dist, ".source-hash"), "secret-ish");
  keys = await generateJwtKeys();
  const door = consoleSite({ jwtKeys: keys, distDir: dist });
  server = createServer((req, res) => {
    door(req, res).then((answered) => {
      if (!answered) res.writeHead(418).end("api");
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(dist, { recursive: true, force: true });
});

const mint = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${base}/console/local-token`, { method: "POST", headers, body: JSON.stringify(body) });

describe("the console on the local gateway", () => {
  it("serves index.html with the CSP and security headers", async () => {
    const response = await fetch(`${base}/console/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("content-security-policy")).toBe(CONSOLE_CSP);
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-cache");
  });

  it("serves a hashed asset as immutable, and index.html for a deep link", async () => {
    const asset = await fetch(`${base}/console/assets/main-abc.js`);
    expect(asset.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect(await asset.text()).toBe("console.log(1)");
    expect(await (await fetch(`${base}/console/states/MLI`)).text()).toContain("<title>console</title>");
  });

  it("never serves a file outside the build, nor its source stamp", async () => {
    for (const path of ["/console/..%2F..%2Fetc%2Fpasswd", "/console/.source-hash"]) {
      expect(await (await fetch(`${base}${path}`)).text()).toContain("<title>console</title>");
    }
  });

  it("redirects /console to /console/ and leaves every other path to the API", async () => {
    const bare = await fetch(`${base}/console`, { redirect: "manual" });
    expect(bare.status).toBe(308);
    expect(bare.headers.get("location")).toBe("/console/");
    expect((await fetch(`${base}/states`)).status).toBe(418);
    expect((await fetch(`${base}/consoles`)).status).toBe(418);
  });

  it("mints a token of the asked group that the local gateway accepts", async () => {
    const response = await mint({ group: "experts" });
    expect(response.status).toBe(201);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { token } = (await response.json()) as { token: string };
    const verdict = await verifyBearer(keys, `Bearer ${token}`);
    expect(verdict.ok && verdict.claims["cognito:groups"]).toBe("[experts]");
  });

  it("refuses an unknown group, a form post and another origin", async () => {
    expect((await mint({ group: "admins" })).status).toBe(422);
    expect((await mint({ group: "members" }, { "content-type": "text/plain" })).status).toBe(415);
    const foreign = await mint(
      { group: "secretariat" },
      { "content-type": "application/json", origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    expect((await fetch(`${base}/console/`, { method: "POST" })).status).toBe(405);
  });
});
