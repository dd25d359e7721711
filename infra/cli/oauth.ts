// The OAuth 2.0 authorization code flow with PKCE against Cognito's managed login, as a public client (no secret):
// the authorize URL, the exchange of the code, and the refresh.
import { createHash, randomBytes } from "node:crypto";
import * as z from "zod";
import type { StageConfig } from "./stage-config.ts";

export interface Pkce {
  verifier: string;
  challenge: string;
}

/** A fresh code verifier (43 characters of base64url) and its S256 challenge (RFC 7636). */
export function newPkce(): Pkce {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** The managed login page for this stage's client, asking for the API's scope. */
export function authorizeUrl(config: StageConfig, pkce: Pkce, state: string): string {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: ["openid", "email", "profile", config.apiScope].join(" "),
    state,
    code_challenge: pkce.challenge,
    code_challenge_method: "S256",
  });
  return `${config.loginDomainUrl}/oauth2/authorize?${query}`;
}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  id_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.number().int().positive(),
  token_type: z.string(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** The token endpoint refused the grant: the code or the refresh token is not (or no longer) valid. */
export class GrantRefused extends Error {}

async function tokenRequest(config: StageConfig, form: Record<string, string>): Promise<TokenResponse> {
  const response = await fetch(`${config.loginDomainUrl}/oauth2/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: config.clientId, ...form }),
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = z.object({ error: z.string() }).safeParse(body);
    const reason = error.success ? error.data.error : `HTTP ${response.status}`;
    if (reason === "invalid_grant") throw new GrantRefused(reason);
    throw new Error(`The token endpoint refused the request: ${reason}`);
  }
  return tokenResponseSchema.parse(body);
}

/** Exchanges the authorization code for tokens, proving with the verifier that this process asked for it. */
export function exchangeCode(config: StageConfig, code: string, verifier: string): Promise<TokenResponse> {
  return tokenRequest(config, {
    grant_type: "authorization_code",
    code,
    redirect_uri: config.redirectUri,
    code_verifier: verifier,
  });
}

/** New access and ID tokens for a refresh token (Cognito keeps the refresh token; it returns none). */
export function refreshTokens(config: StageConfig, refreshToken: string): Promise<TokenResponse> {
  return tokenRequest(config, { grant_type: "refresh_token", refresh_token: refreshToken });
}

/** The claims of a JWT's payload, unverified: only to greet the person by name, never to decide anything. */
export function unverifiedClaims(jwt: string | undefined): Record<string, unknown> {
  const payload = jwt?.split(".")[1];
  if (!payload) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
