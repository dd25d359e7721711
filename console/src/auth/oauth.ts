// The browser's half of Cognito's managed login (authorization code + PKCE, public client): the run-time config, the
// verifier and its challenge, the authorize and logout addresses, the callback's query, and the token and revocation
// endpoints. Pure but for WebCrypto and the fetch it is given, so it runs in Node's tests as in the browser
// (infra/cli/oauth.ts is the terminal's, on node:crypto, which a browser lacks).

/**
 * What the deployed console reads from /console/config.json, written at deploy time by infra/console-site.ts, so one
 * build serves every stage.
 */
export interface LoginConfig {
  /** The managed login's base URL, e.g. https://desk1540-prod-123456789012.auth.eu-west-1.amazoncognito.com. */
  loginDomainUrl: string;
  clientId: string;
  /** The scopes asked for, space-separated; the API's own scope among them. */
  scope: string;
  /** Where the managed login sends the browser back with the code: the console's own address. */
  redirectUri: string;
  /** Where the logout endpoint sends the browser afterwards. */
  logoutUri: string;
}

const CONFIG_KEYS = ["loginDomainUrl", "clientId", "scope", "redirectUri", "logoutUri"] as const;

/** The config file's contents, checked by hand: zod would triple the first page's JavaScript for five strings. */
export function parseLoginConfig(value: unknown): LoginConfig {
  if (typeof value !== "object" || value === null) throw new Error("The console's config.json is not an object");
  const record = value as Record<string, unknown>;
  const missing = CONFIG_KEYS.filter((key) => typeof record[key] !== "string" || record[key] === "");
  if (missing.length > 0) throw new Error(`The console's config.json lacks ${missing.join(", ")}`);
  const config = Object.fromEntries(CONFIG_KEYS.map((key) => [key, String(record[key])])) as unknown as LoginConfig;
  for (const key of ["loginDomainUrl", "redirectUri", "logoutUri"] as const) {
    if (!config[key].startsWith("https://")) throw new Error(`The console's config.json: ${key} must be https`);
  }
  return config;
}

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Random bytes as base64url: 32 give a 43-character verifier (RFC 7636's minimum), 16 an unguessable state. */
export function randomToken(bytes: number): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A fresh code verifier and its S256 challenge (RFC 7636). */
export async function newPkce(): Promise<Pkce> {
  const verifier = randomToken(32);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)) };
}

/** The managed login page for the console, asking for the API's scope with this sign-in's challenge and state. */
export function authorizeUrl(config: LoginConfig, challenge: string, state: string): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: "S256",
  });
  return `${config.loginDomainUrl}/oauth2/authorize?${query}`;
}

/** The logout endpoint: ends the managed login's own session (its cookie), then comes back to the console. */
export function logoutUrl(config: LoginConfig): string {
  const query = new URLSearchParams({ client_id: config.clientId, logout_uri: config.logoutUri });
  return `${config.loginDomainUrl}/logout?${query}`;
}

export type Callback =
  | { kind: "code"; code: string; state: string }
  | { kind: "refused"; error: string; description?: string; state?: string };

/** What the managed login put in the console's query on the way back; undefined when the page was opened directly. */
export function callbackOf(search: string): Callback | undefined {
  const query = new URLSearchParams(search);
  const error = query.get("error");
  const state = query.get("state") ?? undefined;
  if (error) {
    const description = query.get("error_description") ?? undefined;
    return { kind: "refused", error, ...(description ? { description } : {}), ...(state ? { state } : {}) };
  }
  const code = query.get("code");
  if (code && state) return { kind: "code", code, state };
  if (code)
    return { kind: "refused", error: "invalid_request", description: "The sign-in came back without its state" };
  return undefined;
}

export interface Tokens {
  accessToken: string;
  /** Absent on a refresh: Cognito keeps the refresh token it issued with the code. */
  refreshToken?: string;
  /** Seconds the access token lives. */
  expiresIn: number;
}

/** The token endpoint refused the grant: the code or the refresh token is not (or no longer) valid. */
export class GrantRefused extends Error {}

/** The window's fetch, as far as the endpoints need it (a recorded one in the tests). */
export type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<Response>;

const FORM = { "content-type": "application/x-www-form-urlencoded" };

function tokensOf(body: unknown): Tokens {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const { access_token: accessToken, refresh_token: refreshToken, expires_in: expiresIn } = record;
  if (typeof accessToken !== "string" || accessToken === "" || typeof expiresIn !== "number" || expiresIn <= 0) {
    throw new Error("The token endpoint answered without an access token");
  }
  return { accessToken, expiresIn, ...(typeof refreshToken === "string" && refreshToken ? { refreshToken } : {}) };
}

async function tokenRequest(config: LoginConfig, fetch: Fetch, form: Record<string, string>): Promise<Tokens> {
  const response = await fetch(`${config.loginDomainUrl}/oauth2/token`, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ client_id: config.clientId, ...form }).toString(),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const reason =
      typeof body === "object" && body !== null && "error" in body ? String(body.error) : `HTTP ${response.status}`;
    if (reason === "invalid_grant") throw new GrantRefused(reason);
    throw new Error(`The token endpoint refused the request: ${reason}`);
  }
  return tokensOf(body);
}

/** Exchanges the code for tokens, proving with the verifier that this tab asked for it. */
export function exchangeCode(config: LoginConfig, fetch: Fetch, code: string, verifier: string): Promise<Tokens> {
  return tokenRequest(config, fetch, {
    grant_type: "authorization_code",
    code,
    redirect_uri: config.redirectUri,
    code_verifier: verifier,
  });
}

export function refreshTokens(config: LoginConfig, fetch: Fetch, refreshToken: string): Promise<Tokens> {
  return tokenRequest(config, fetch, { grant_type: "refresh_token", refresh_token: refreshToken });
}

/** Revokes the refresh token and the access tokens issued with it (the client has token revocation enabled). */
export async function revokeToken(config: LoginConfig, fetch: Fetch, refreshToken: string): Promise<void> {
  const response = await fetch(`${config.loginDomainUrl}/oauth2/revoke`, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ token: refreshToken, client_id: config.clientId }).toString(),
  });
  if (!response.ok) throw new Error(`The revocation endpoint refused: HTTP ${response.status}`);
}

/** How long before expiry the console asks for new tokens; half the remaining life when that is shorter. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** Milliseconds from `nowMs` until the tokens of a session expiring at `expiresAt` (seconds) should be refreshed. */
export function refreshDelayMs(expiresAt: number, nowMs: number): number {
  const remaining = expiresAt * 1000 - nowMs;
  if (remaining <= 0) return 0;
  return remaining - Math.min(REFRESH_MARGIN_MS, remaining / 2);
}
