// The deployed console's session keeper when the token endpoint cannot be reached (audit 34, bug 6): a laptop waking
// before its Wi-Fi keeps its 30-day refresh token and renews once the network is back, only a refused grant ends the
// session, "Sign out" always ends the managed login's session, and an account in no desk group is told what to do.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CognitoSession, REFRESH_RETRY_LONGEST_MS, REFRESH_RETRY_MS } from "../../console/src/auth/cognito-session.ts";
import { type LoginConfig, logoutUrl, REFRESH_MARGIN_MS } from "../../console/src/auth/oauth.ts";
import { currentSession } from "../../console/src/auth/session.ts";
import { sessionExpiry } from "../../console/src/auth/session-expiry.ts";

const config: LoginConfig = {
  loginDomainUrl: "https://desk1540-dev-123456789012.auth.eu-west-1.amazoncognito.com",
  clientId: "client123",
  scope: "openid email profile desk-1540/api",
  redirectUri: "https://d111.cloudfront.net/console/",
  logoutUri: "https://d111.cloudfront.net/console/",
};

const start = Date.UTC(2026, 11, 7, 1, 0, 0);
const HOUR = 3600_000;

const seconds = (ms: number) => Math.floor(ms / 1000);

/** An unsigned access token with Cognito's claims (none of the desk's groups when `groups` is empty). */
function accessToken(expiresAtMs: number, groups = ["secretariat"]): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part({ "cognito:groups": groups, username: "ada", exp: seconds(expiresAtMs) })}.sig`;
}

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Fresh tokens for an hour from now, as the token endpoint gives them. */
const tokensForAnHour = (groups?: string[]) => () =>
  json(200, { access_token: accessToken(Date.now() + HOUR, groups), expires_in: 3600, token_type: "Bearer" });

const offline = () => {
  throw new TypeError("Failed to fetch");
};

/** An answer that is out until `give` is called. */
function heldAnswer() {
  let give = (_response: Response) => {};
  const answer = new Promise<Response>((resolve) => {
    give = resolve;
  });
  return { answer: () => answer, give };
}

interface Call {
  at: number;
  path: string;
  form: Record<string, string>;
}

/**
 * A session keeper with its own record of the token endpoint's calls and of where it sent the browser. `answer` is
 * how the login domain answers now (a function, so the network can go and come back).
 */
function desk() {
  const calls: Call[] = [];
  const visited: string[] = [];
  const storage = new Map<string, string>();
  const endpoint: { answer: () => Response | Promise<Response> } = { answer: tokensForAnHour() };
  const session = new CognitoSession(config, {
    fetch: async (url, init) => {
      calls.push({
        at: Date.now(),
        path: new URL(url).pathname,
        form: Object.fromEntries(new URLSearchParams(init.body)),
      });
      return endpoint.answer();
    },
    pending: {
      getItem: (key) => storage.get(key) ?? null,
      setItem: (key, value) => void storage.set(key, value),
      removeItem: (key) => void storage.delete(key),
    },
    navigate: (url) => void visited.push(url),
    returnTo: () => undefined,
    now: () => Date.now(),
  });
  /** Start, come back with a code, exchange it for tokens with the refresh token "r1". */
  async function signIn(groups?: string[]) {
    await session.start("");
    const state = new URL(visited[0] ?? "").searchParams.get("state") ?? "";
    endpoint.answer = () =>
      json(200, {
        access_token: accessToken(Date.now() + HOUR, groups),
        refresh_token: "r1",
        expires_in: 3600,
        token_type: "Bearer",
      });
    await session.complete({ kind: "code", code: "c0de", state });
    endpoint.answer = tokensForAnHour();
  }
  return { session, calls, visited, endpoint, signIn };
}

const refreshes = (calls: Call[]) => calls.filter((call) => call.form.grant_type === "refresh_token");

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(start);
});

afterEach(() => {
  currentSession.set(undefined);
  vi.useRealTimers();
});

describe("a refresh that cannot reach the token endpoint", () => {
  it("keeps the refresh token through a night offline, backing off to 5 minutes, and renews when the network is back", async () => {
    const { session, calls, visited, endpoint, signIn } = desk();
    await signIn();
    // The laptop sleeps with its Wi-Fi gone: the refresh due 5 minutes before expiry meets no network, nor do its retries.
    endpoint.answer = offline;
    await vi.advanceTimersByTimeAsync(8 * HOUR);

    const tried = refreshes(calls);
    expect(tried.every((call) => call.form.refresh_token === "r1")).toBe(true);
    expect(tried[0]?.at).toBe(start + HOUR - REFRESH_MARGIN_MS);
    const gaps = tried.slice(1).map((call, index) => call.at - (tried[index]?.at ?? 0));
    expect(gaps.slice(0, 5)).toEqual([1, 2, 4, 8, 10].map((times) => times * REFRESH_RETRY_MS));
    expect(new Set(gaps.slice(4))).toEqual(new Set([REFRESH_RETRY_LONGEST_MS]));
    // The access token lapsed meanwhile: requests wait, but nothing is thrown away, and the shell says it is
    // reconnecting rather than asking to sign in again (which would leave the page: review of audit 34).
    expect(sessionExpiry.expired).toBe(true);
    expect(sessionExpiry.renewing).toBe(true);
    expect(currentSession.value).toBeDefined();
    const waiting = sessionExpiry.sessionToSend();

    // Wi-Fi back: the browser's `online` event renews at once, with the same refresh token.
    endpoint.answer = tokensForAnHour();
    const before = calls.length;
    session.networkBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.slice(before)).toEqual([
      {
        at: start + 8 * HOUR,
        path: "/oauth2/token",
        form: { client_id: "client123", grant_type: "refresh_token", refresh_token: "r1" },
      },
    ]);
    expect(sessionExpiry.expired).toBe(false);
    expect(sessionExpiry.renewing).toBe(false);
    expect(currentSession.value?.expiresAt).toBe(seconds(start + 9 * HOUR));
    expect((await waiting)?.token).toBe(currentSession.value?.token);
    // Nothing revoked, nowhere left for: only the sign-in's trip to the managed login.
    expect(calls.some((call) => call.path === "/oauth2/revoke")).toBe(false);
    expect(visited).toHaveLength(1);
  });

  it("tries a 5xx again after its back-off without waiting for `online`, and renews then", async () => {
    const { calls, endpoint, signIn } = desk();
    await signIn();
    endpoint.answer = () => json(503, { error: "temporarily_unavailable" });
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS + REFRESH_RETRY_MS);
    expect(refreshes(calls)).toHaveLength(2);
    endpoint.answer = tokensForAnHour();
    await vi.advanceTimersByTimeAsync(2 * REFRESH_RETRY_MS);
    expect(refreshes(calls)).toHaveLength(3);
    expect(currentSession.value?.expiresAt).toBe(seconds(Date.now() + HOUR));
    expect(sessionExpiry.expired).toBe(false);
  });

  it("sends one refresh however often `online` fires while it is out, and none when no refresh failed", async () => {
    const { session, calls, endpoint, signIn } = desk();
    await signIn();
    session.networkBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes(calls)).toHaveLength(0);

    endpoint.answer = offline;
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS);
    expect(refreshes(calls)).toHaveLength(1);
    const held = heldAnswer();
    endpoint.answer = held.answer;
    session.networkBack();
    session.networkBack();
    await vi.advanceTimersByTimeAsync(0);
    expect(refreshes(calls)).toHaveLength(2);
    held.give(tokensForAnHour()());
    await vi.advanceTimersByTimeAsync(0);
    expect(currentSession.value?.expiresAt).toBe(seconds(Date.now() + HOUR));
  });
});

describe("what ends the session", () => {
  it("is the grant refused (invalid_grant) alone: then the refresh token is dropped and nothing is tried again", async () => {
    const { session, calls, signIn, endpoint } = desk();
    await signIn();
    endpoint.answer = () => json(500, { error: "internal_error" });
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS);
    expect(sessionExpiry.expired).toBe(false);
    endpoint.answer = () => json(400, { error: "invalid_grant" });
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(refreshes(calls)).toHaveLength(2);
    expect(sessionExpiry.expired).toBe(true);
    expect(sessionExpiry.renewing).toBe(false);
    // The page stays, said expired, for the person to sign in again.
    expect(currentSession.value).toBeDefined();
    session.networkBack();
    await vi.advanceTimersByTimeAsync(24 * HOUR);
    expect(refreshes(calls)).toHaveLength(2);
  });

  it("is a refreshed token naming none of the desk's groups (taken out of them): not tried again", async () => {
    const { calls, signIn, endpoint } = desk();
    await signIn();
    endpoint.answer = tokensForAnHour([]);
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS);
    expect(sessionExpiry.expired).toBe(true);
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(refreshes(calls)).toHaveLength(1);
  });
});

describe("Sign out", () => {
  it("ends the managed login's session even once the refresh token is gone, with nothing to revoke", async () => {
    const { calls, visited, signIn, endpoint } = desk();
    await signIn();
    endpoint.answer = () => json(400, { error: "invalid_grant" });
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS);
    expect(sessionExpiry.expired).toBe(true);
    currentSession.set(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(visited.at(-1)).toBe(logoutUrl(config));
    expect(calls.some((call) => call.path === "/oauth2/revoke")).toBe(false);
  });

  it("revokes the refresh token kept through failed refreshes, and stops trying", async () => {
    const { calls, visited, signIn, endpoint } = desk();
    await signIn();
    endpoint.answer = offline;
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    endpoint.answer = () => new Response(null, { status: 200 });
    currentSession.set(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.at(-1)).toMatchObject({ path: "/oauth2/revoke", form: { token: "r1", client_id: "client123" } });
    expect(visited.at(-1)).toBe(logoutUrl(config));
    const after = calls.length;
    await vi.advanceTimersByTimeAsync(HOUR);
    expect(calls).toHaveLength(after);
  });

  it("is not undone by a refresh that was out when it was pressed", async () => {
    const { calls, signIn, endpoint } = desk();
    await signIn();
    const held = heldAnswer();
    endpoint.answer = held.answer;
    await vi.advanceTimersByTimeAsync(HOUR - REFRESH_MARGIN_MS);
    expect(refreshes(calls)).toHaveLength(1);
    endpoint.answer = () => new Response(null, { status: 200 });
    currentSession.set(undefined);
    held.give(tokensForAnHour()());
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    expect(currentSession.value).toBeUndefined();
    expect(refreshes(calls)).toHaveLength(1);
  });
});

describe("an account in no desk group", () => {
  it("is told to ask the desk's administrator for a group, and is not signed in", async () => {
    const { signIn } = desk();
    await expect(signIn([])).rejects.toThrow(
      "Your account is in no desk group: ask the desk's administrator to add you to one (secretariat, experts or members).",
    );
    expect(currentSession.value).toBeUndefined();
  });
});
