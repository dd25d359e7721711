// The deployed build's sign-in in Debian's Chromium: the console built for AWS (no local sign-in), served as CloudFront
// serves it (its CSP with the managed login's domain in connect-src), signs in through a stand-in for Cognito's
// managed login (Playwright answers the login domain's authorize, token, revoke and logout requests), checks PKCE
// end to end, keeps no code in the address bar and no token in storage, and signs out by revoking and logging out.
// Then the local build against its stack: a write and a read answered 401 go, once each, after signing in again.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Browser, Page, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoginConfig } from "../../console/src/auth/oauth.ts";
import { deployedConsoleCsp } from "../../infra/console-site.ts";
import { buildConsole, CONSOLE_HEADERS } from "../../infra/local/console.ts";
import { launchChromium } from "../support/chromium.ts";
import {
  CONSOLE_SCREENSHOTS,
  consoleBrowser,
  type Json,
  keepScreenshot,
  overflowOf,
  type PageGlobals,
  secretariatApi,
  seriousViolations,
  settled,
} from "../support/console-browser.ts";

const LOGIN = "https://desk1540-test-123456789012.auth.eu-west-1.amazoncognito.com";
const CLIENT_ID = "console-test-client";

interface Recorded {
  authorize: URLSearchParams[];
  token: URLSearchParams[];
  revoke: URLSearchParams[];
  logout: URLSearchParams[];
}

let outDir: string;
let server: Server;
let base: string;
let browser: Browser;
const troubles: string[] = [];
const recorded: Recorded = { authorize: [], token: [], revoke: [], logout: [] };

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** An unsigned access token with Cognito's claims: the console reads them; here no API checks the signature. */
function accessToken(group: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const exp = Math.floor(Date.now() / 1000) + 3600;
  // As the pool signing in by e-mail issues it: a generated username, and the e-mail its trigger adds (token-claims).
  const username = "5f1c2a4e-8b7d-4c3a-9e21-0d6f4b8a7c13";
  const claims = { "cognito:groups": [group], username, email: "ada@un.example", exp, client_id: CLIENT_ID };
  return `${part({ alg: "none" })}.${part(claims)}.x`;
}

/** The managed login's endpoints, as Cognito answers them to a public client with PKCE. */
async function managedLogin(route: Route): Promise<void> {
  const request = route.request();
  const url = new URL(request.url());
  const cors = { "access-control-allow-origin": "*" };
  if (url.pathname === "/oauth2/authorize") {
    recorded.authorize.push(url.searchParams);
    // The person signed in on the managed login's pages: back to the console with a code and the state it sent.
    const back = new URL(`${base}/console/`);
    back.searchParams.set("code", "c0de");
    back.searchParams.set("state", url.searchParams.get("state") ?? "");
    return route.fulfill({ status: 302, headers: { location: back.toString() } });
  }
  if (url.pathname === "/oauth2/token") {
    const form = new URLSearchParams(request.postData() ?? "");
    recorded.token.push(form);
    const challenge = recorded.authorize.at(-1)?.get("code_challenge");
    const verified =
      createHash("sha256")
        .update(form.get("code_verifier") ?? "")
        .digest("base64url") === challenge;
    if (form.get("code") !== "c0de" || !verified) {
      return route.fulfill({ status: 400, headers: cors, json: { error: "invalid_grant" } });
    }
    return route.fulfill({
      status: 200,
      headers: cors,
      json: { access_token: accessToken("experts"), refresh_token: "r1", expires_in: 3600, token_type: "Bearer" },
    });
  }
  if (url.pathname === "/oauth2/revoke") {
    recorded.revoke.push(new URLSearchParams(request.postData() ?? ""));
    return route.fulfill({ status: 200, headers: cors, body: "" });
  }
  if (url.pathname === "/logout") {
    recorded.logout.push(url.searchParams);
    return route.fulfill({ status: 302, headers: { location: `${base}/console/` } });
  }
  return route.fulfill({ status: 404, body: "" });
}

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), "desk-console-aws-"));
  await buildConsole({ localSignIn: false, outDir });
  const headers = { ...CONSOLE_HEADERS, "content-security-policy": deployedConsoleCsp(LOGIN) };
  server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (path === "/console/config.json") {
      const config: LoginConfig = {
        loginDomainUrl: LOGIN,
        clientId: CLIENT_ID,
        scope: "openid email profile desk-1540/api",
        redirectUri: "https://d111111abcdef8.cloudfront.net/console/",
        logoutUri: "https://d111111abcdef8.cloudfront.net/console/",
      };
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify(config));
    }
    // As the CloudFront Function does: /console/ is index.html; no API here (its calls answer 404).
    if (!path.startsWith("/console/")) return res.writeHead(404).end();
    const file = normalize(join(outDir, path === "/console/" ? "index.html" : path.slice("/console/".length)));
    try {
      const body = readFileSync(file.startsWith(outDir) ? file : join(outDir, "index.html"));
      res.setHeader("content-type", TYPES[extname(file)] ?? "application/octet-stream");
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
  mkdirSync(CONSOLE_SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
  rmSync(outDir, { recursive: true, force: true });
});

async function openConsole(width = 1280): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.on("pageerror", (error) => troubles.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    // The home page's API calls answer 404 here (no API behind this server); anything else is a trouble.
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      troubles.push(`console: ${message.text()}`);
    }
  });
  await page.route(`${LOGIN}/**`, managedLogin);
  await page.goto(`${base}/console/`);
  return page;
}

interface Tab {
  sessionStorage: { length: number };
  location: { search: string };
}

describe("the deployed console's sign-in", { timeout: 90_000 }, () => {
  it("offers only the managed login, reads at 1280 and 390 px, with no serious accessibility violation", async () => {
    for (const width of [1280, 390]) {
      const page = await openConsole(width);
      await page.getByRole("button", { name: "Sign in" }).waitFor();
      expect(await page.getByRole("button").allTextContents()).toEqual(["Sign in"]);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await overflowOf(page)).toBeLessThanOrEqual(0);
      await keepScreenshot(page, `sign-in-cognito-${width}.png`, { windowOnly: true });
      await page.close();
    }
  });

  it("signs in from the keyboard through the managed login with PKCE, keeping nothing in the address bar or storage", async () => {
    const page = await openConsole();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.textContent)).toBe(
      "Sign in",
    );
    await page.keyboard.press("Enter");
    await page.locator('strong[data-group="experts"]').waitFor();

    const authorize = recorded.authorize.at(-1);
    expect(Object.fromEntries(authorize ?? [])).toMatchObject({
      response_type: "code",
      client_id: CLIENT_ID,
      redirect_uri: "https://d111111abcdef8.cloudfront.net/console/",
      scope: "openid email profile desk-1540/api",
      code_challenge_method: "S256",
    });
    const token = recorded.token.at(-1);
    expect(token?.get("grant_type")).toBe("authorization_code");
    expect(token?.get("code_verifier")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const tab = await page.evaluate(() => {
      const view = globalThis as unknown as Tab;
      return { search: view.location.search, stored: view.sessionStorage.length };
    });
    expect(tab).toEqual({ search: "", stored: 0 });

    // Sign-out revokes the refresh token, then ends the managed login's session and comes back to sign in.
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await expect.poll(() => recorded.logout.length).toBe(1);
    expect(Object.fromEntries(recorded.revoke.at(-1) ?? [])).toEqual({ token: "r1", client_id: CLIENT_ID });
    expect(Object.fromEntries(recorded.logout.at(-1) ?? [])).toEqual({
      client_id: CLIENT_ID,
      logout_uri: "https://d111111abcdef8.cloudfront.net/console/",
    });
    await page.close();
  });

  it("refuses a code that comes back with another tab's state, and says so", async () => {
    const page = await openConsole();
    await page.goto(`${base}/console/?code=c0de&state=forged`);
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("not started from this tab");
    expect(recorded.token.filter((form) => form.get("code") === "c0de")).toHaveLength(1);
    await page.close();
  });

  it("says once that an expired session must sign in again, and comes back to the page it was on", async () => {
    const page = await openConsole();
    // The API behind this server: a 401 to every request, as the authorizer answers an expired token.
    let apiStatus = 401;
    await page.route(
      (url) => !url.pathname.startsWith("/console/") && url.origin === base,
      (route) =>
        route.fulfill({
          status: apiStatus,
          contentType: "application/problem+json",
          body: JSON.stringify({ type: "about:blank", title: "Authentication required", status: apiStatus }),
        }),
    );
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Your session has expired: sign in again").waitFor();
    await page.evaluate(() => {
      (globalThis as unknown as Tab & { location: { hash: string } }).location.hash = "#/states";
    });
    await page.getByRole("heading", { name: "Member States" }).waitFor();
    const body = (await page.locator("body").textContent()) ?? "";
    expect(body.match(/Your session has expired/g)).toHaveLength(1);
    expect(body).not.toContain("Authentication required");
    expect(body).not.toContain("Signed in as");
    expect(await page.getByRole("alert").allTextContents()).toEqual(["Your session has expired: sign in again."]);

    apiStatus = 404;
    await page.getByRole("button", { name: "Sign in again" }).click();
    await page.locator('strong[data-group="experts"]').waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { location: { hash: string } }).location.hash)).toBe(
      "#/states",
    );
    await page.close();
  });

  it("met no script error and no CSP refusal on any page", () => {
    expect(troubles).toEqual([]);
  });
});

describe("a request answered 401, sent again once signed in again (local build)", { timeout: 120_000 }, () => {
  // 401: the refusals answered on purpose below.
  const desk = consoleBrowser({ expectedErrors: /status of 401/ });
  const api = secretariatApi(desk);

  /** Answers the first request matching `matches` with the authorizer's 401; lets the rest through, counting them. */
  async function refuseOnce(page: Page, matches: (url: URL) => boolean) {
    const passed = { count: 0 };
    let refused = false;
    await page.route(matches, (route) => {
      if (refused) {
        passed.count += 1;
        return route.continue();
      }
      refused = true;
      return route.fulfill({
        status: 401,
        contentType: "application/problem+json",
        body: JSON.stringify({ type: "about:blank", title: "Unauthorized", status: 401 }),
      });
    });
    return passed;
  }

  async function signInAgain(page: Page) {
    expect(await page.getByRole("alert").filter({ hasText: "Your session has expired" }).textContent()).toBe(
      "Your session has expired: sign in again.",
    );
    await page.getByRole("button", { name: "Sign in again as secretariat" }).click();
    await page.getByText(/Signed in as/).waitFor();
  }

  it("a contact's Verify reaches the stack once and shows its result", async () => {
    const created = await api("POST", "/contacts", {
      owner: "STATE:ISL",
      role: "capital-poc",
      name: "Expiry Testperson",
      email: "expiry.testperson@example.org",
      designatedOn: "2024-01-02",
    });
    expect(created.status).toBe(201);
    const page = await desk.signIn("secretariat", { at: "#/states/ISL" });
    await page.getByRole("heading", { name: "Iceland (ISL)" }).waitFor();
    await settled(page);
    const row = page.getByRole("row", { name: /Expiry Testperson/ });
    await row.getByText("stale (not verified for 12 months)").waitFor();
    const verify = await refuseOnce(page, (url) => url.pathname === `/contacts/${created.body.id}/verify`);

    await page.getByRole("button", { name: "Verify Expiry Testperson" }).click();
    await signInAgain(page);
    await row.getByRole("cell", { name: "current", exact: true }).waitFor();
    expect(verify.count).toBe(1);
    const trail = (await api("GET", `/audit?entity=contact:${created.body.id}&limit=100`)).body.items as Json[];
    expect(trail.filter((entry) => entry.action === "contact.verify")).toHaveLength(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.close();
  });

  it("a page's reading goes again and shows the page", async () => {
    const page = await desk.signIn("secretariat");
    const reading = await refuseOnce(page, (url) => url.pathname === "/states/MLI");
    await desk.go(page, "#/states/MLI");
    await page.getByText("Your session has expired: sign in again").waitFor();
    await signInAgain(page);
    await page.getByRole("heading", { name: "Mali (MLI)" }).waitFor();
    expect(reading.count).toBe(1);
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.close();
  });

  it("logged no script error and no Content-Security-Policy violation on any page", () => {
    expect(desk.troubles).toEqual([]);
  });
});
