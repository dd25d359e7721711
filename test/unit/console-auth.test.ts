// The deployed console's sign-in, in Node with WebCrypto: PKCE, the managed login's addresses, the callback's query,
// the code exchange, the refresh before expiry, and sign-out's revocation and logout, against a recorded token
// endpoint.
import { createHash } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  type BrowserSeams,
  CognitoSession,
  PENDING_KEY,
  REFRESH_RETRY_MS,
} from "../../console/src/auth/cognito-session.ts";
import {
  authorizeUrl,
  callbackOf,
  type LoginConfig,
  logoutUrl,
  newPkce,
  parseLoginConfig,
  REFRESH_MARGIN_MS,
  refreshDelayMs,
} from "../../console/src/auth/oauth.ts";
import { currentSession } from "../../console/src/auth/session.ts";
import { sessionExpiry } from "../../console/src/auth/session-expiry.ts";

const config: LoginConfig = {
  loginDomainUrl: "https://desk1540-dev-123456789012.auth.eu-west-1.amazoncognito.com",
  clientId: "client123",
  scope: "openid email profile desk-1540/api",
  redirectUri: "https://d111.cloudfront.net/console/",
  logoutUri: "https://d111.cloudfront.net/console/",
};

/** An unsigned access token with Cognito's claims: the console reads them, the API checks the signature. */
function accessToken(claims: { group: string; exp: number; username?: string }): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "none" })}.${part({ "cognito:groups": [claims.group], username: claims.username ?? "ada", exp: claims.exp, client_id: config.clientId })}.sig`;
}

describe("PKCE and the managed login's addresses", () => {
  it("makes a 43-character verifier and its S256 challenge, fresh each time", async () => {
    const first = await newPkce();
    const second = await newPkce();
    expect(first.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.challenge).toBe(createHash("sha256").update(first.verifier).digest("base64url"));
    expect(second.verifier).not.toBe(first.verifier);
  });

  it("asks the managed login for a code with the challenge, the state and the API's scope", () => {
    const url = new URL(authorizeUrl(config, "chal", "st4te"));
    expect(`${url.origin}${url.pathname}`).toBe(`${config.loginDomainUrl}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: "code",
      client_id: "client123",
      redirect_uri: config.redirectUri,
      scope: config.scope,
      state: "st4te",
      code_challenge: "chal",
      code_challenge_method: "S256",
    });
    const logout = new URL(logoutUrl(config));
    expect(logout.pathname).toBe("/logout");
    expect(Object.fromEntries(logout.searchParams)).toEqual({ client_id: "client123", logout_uri: config.logoutUri });
  });

  it("reads the code, a refusal or nothing from the console's query", () => {
    expect(callbackOf("?code=abc&state=s1")).toEqual({ kind: "code", code: "abc", state: "s1" });
    expect(callbackOf("?error=access_denied&error_description=User+cancelled&state=s1")).toEqual({
      kind: "refused",
      error: "access_denied",
      description: "User cancelled",
      state: "s1",
    });
    expect(callbackOf("?code=abc")).toMatchObject({ kind: "refused", error: "invalid_request" });
    expect(callbackOf("")).toBeUndefined();
  });

  it("accepts a deployed config and names what a broken one lacks", () => {
    expect(parseLoginConfig({ ...config, extra: 1 })).toEqual(config);
    expect(() => parseLoginConfig({ ...config, clientId: "" })).toThrow(/lacks clientId/);
    expect(() => parseLoginConfig({ ...config, redirectUri: "http://d111.cloudfront.net/console/" })).toThrow(
      /redirectUri must be https/,
    );
    expect(() => parseLoginConfig("nope")).toThrow(/not an object/);
  });

  it("refreshes five minutes before expiry, or halfway through a shorter life", () => {
    const now = 1_000_000_000_000;
    expect(refreshDelayMs(now / 1000 + 3600, now)).toBe(3600_000 - REFRESH_MARGIN_MS);
    expect(refreshDelayMs(now / 1000 + 240, now)).toBe(120_000);
    expect(refreshDelayMs(now / 1000 - 1, now)).toBe(0);
  });
});

interface Call {
  url: string;
  form: Record<string, string>;
}

describe("the session kept through Cognito", () => {
  let calls: Call[];
  let answers: Response[];
  let visited: string[];
  let returnedTo: { place: string; signedIn: boolean }[];
  let storage: Map<string, string>;
  let seams: BrowserSeams;
  const start = Date.UTC(2026, 11, 3, 9, 0, 0);

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
    calls = [];
    answers = [];
    visited = [];
    returnedTo = [];
    storage = new Map();
    seams = {
      fetch: async (url, init) => {
        calls.push({ url, form: Object.fromEntries(new URLSearchParams(init.body)) });
        const answer = answers.shift();
        if (!answer) throw new Error(`unexpected call to ${url}`);
        return answer;
      },
      pending: {
        getItem: (key) => storage.get(key) ?? null,
        setItem: (key, value) => void storage.set(key, value),
        removeItem: (key) => void storage.delete(key),
      },
      navigate: (url) => void visited.push(url),
      returnTo: (place) => void returnedTo.push({ place, signedIn: currentSession.value !== undefined }),
      now: () => Date.now(),
    };
  });

  afterEach(() => {
    currentSession.set(undefined);
    vi.useRealTimers();
  });

  const json = (status: number, body: object) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  const exp = (seconds: number) => Math.floor(start / 1000) + seconds;

  /** Start, come back with a code, exchange it: the session every later test begins from. */
  async function signedIn(session: CognitoSession, group = "experts") {
    await session.start("");
    const state = new URL(visited[0] ?? "").searchParams.get("state") ?? "";
    answers.push(
      json(200, {
        access_token: accessToken({ group, exp: exp(3600) }),
        refresh_token: "r1",
        expires_in: 3600,
        token_type: "Bearer",
      }),
    );
    await session.complete({ kind: "code", code: "c0de", state });
  }

  it("signs in with the verifier behind the challenge it sent, and forgets the verifier", async () => {
    const session = new CognitoSession(config, seams);
    await session.start("");
    const authorize = new URL(visited[0] ?? "");
    const pending = JSON.parse(storage.get(PENDING_KEY) ?? "{}") as { verifier: string; state: string };
    expect(authorize.searchParams.get("code_challenge")).toBe(
      createHash("sha256").update(pending.verifier).digest("base64url"),
    );
    expect(authorize.searchParams.get("state")).toBe(pending.state);

    answers.push(
      json(200, {
        access_token: accessToken({ group: "experts", exp: exp(3600) }),
        refresh_token: "r1",
        expires_in: 3600,
        token_type: "Bearer",
      }),
    );
    await session.complete({ kind: "code", code: "c0de", state: pending.state });
    expect(calls).toEqual([
      {
        url: `${config.loginDomainUrl}/oauth2/token`,
        form: {
          client_id: "client123",
          grant_type: "authorization_code",
          code: "c0de",
          redirect_uri: config.redirectUri,
          code_verifier: pending.verifier,
        },
      },
    ]);
    expect(currentSession.value).toMatchObject({ group: "experts", username: "ada", expiresAt: exp(3600) });
    expect(storage.has(PENDING_KEY)).toBe(false);
  });

  it("refuses a code whose state this tab did not send, without calling the token endpoint", async () => {
    const session = new CognitoSession(config, seams);
    await session.start("");
    await expect(session.complete({ kind: "code", code: "c0de", state: "someone-else" })).rejects.toThrow(
      /not started from this tab/,
    );
    expect(calls).toEqual([]);
    expect(currentSession.value).toBeUndefined();
    // The pending verifier is spent either way: a second try cannot reuse it.
    expect(storage.has(PENDING_KEY)).toBe(false);
  });

  it("comes back to the page the sign-in started from, before the session opens on home", async () => {
    const session = new CognitoSession(config, seams);
    await session.start("#/states/MLI");
    const state = new URL(visited[0] ?? "").searchParams.get("state") ?? "";
    answers.push(json(200, { access_token: accessToken({ group: "experts", exp: exp(3600) }), expires_in: 3600 }));
    await session.complete({ kind: "code", code: "c0de", state });
    expect(returnedTo).toEqual([{ place: "#/states/MLI", signedIn: false }]);
    expect(currentSession.value?.group).toBe("experts");
  });

  it("says why the managed login refused", async () => {
    const session = new CognitoSession(config, seams);
    await session.start("");
    const state = new URL(visited[0] ?? "").searchParams.get("state") ?? "";
    await expect(
      session.complete({ kind: "refused", error: "access_denied", description: "User cancelled", state }),
    ).rejects.toThrow("The sign-in was refused: User cancelled");
  });

  it("refreshes the tokens five minutes before they expire, with the refresh token kept in memory", async () => {
    const session = new CognitoSession(config, seams);
    await signedIn(session);
    answers.push(
      json(200, {
        access_token: accessToken({ group: "experts", exp: exp(7200) }),
        expires_in: 3600,
        token_type: "Bearer",
      }),
    );
    await vi.advanceTimersByTimeAsync(3600_000 - REFRESH_MARGIN_MS - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls[1]).toEqual({
      url: `${config.loginDomainUrl}/oauth2/token`,
      form: { client_id: "client123", grant_type: "refresh_token", refresh_token: "r1" },
    });
    expect(currentSession.value?.expiresAt).toBe(exp(7200));
    // Cognito returned no new refresh token: the first one serves the next refresh too.
    answers.push(
      json(200, {
        access_token: accessToken({ group: "experts", exp: exp(10800) }),
        expires_in: 3600,
        token_type: "Bearer",
      }),
    );
    await vi.advanceTimersByTimeAsync(3600_000);
    expect(calls[2]?.form.refresh_token).toBe("r1");
    expect(currentSession.value?.expiresAt).toBe(exp(10800));
  });

  it("tries a failed refresh again, and says the session expired when the grant is refused", async () => {
    const session = new CognitoSession(config, seams);
    await signedIn(session);
    answers.push(json(503, { error: "temporarily_unavailable" }));
    await vi.advanceTimersByTimeAsync(3600_000 - REFRESH_MARGIN_MS);
    expect(calls).toHaveLength(2);
    expect(currentSession.value).toBeDefined();
    answers.push(json(400, { error: "invalid_grant" }));
    await vi.advanceTimersByTimeAsync(REFRESH_RETRY_MS);
    expect(calls).toHaveLength(3);
    // The page stays, its session said expired (the shell offers to sign in again), rather than signed out.
    expect(currentSession.value).toBeDefined();
    expect(sessionExpiry.expired).toBe(true);
    // Nothing left to revoke: an ended session does not leave for the logout endpoint.
    await vi.advanceTimersByTimeAsync(0);
    expect(visited).toHaveLength(1);
  });

  it("on sign-out revokes the refresh token, stops refreshing and leaves through the logout endpoint", async () => {
    const session = new CognitoSession(config, seams);
    await signedIn(session, "members");
    answers.push(new Response(null, { status: 200 }));
    currentSession.set(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls[1]).toEqual({
      url: `${config.loginDomainUrl}/oauth2/revoke`,
      form: { token: "r1", client_id: "client123" },
    });
    expect(visited.at(-1)).toBe(logoutUrl(config));
    await vi.advanceTimersByTimeAsync(2 * 3600_000);
    expect(calls).toHaveLength(2);
  });
});
