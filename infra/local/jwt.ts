// Local stand-in for Cognito and the HTTP API JWT authorizer: a persisted RSA key pair, tokens, and their check.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  type CryptoKey,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from "jose";
import { type Group, groupSchema } from "../../shared/auth/actor.ts";
import { EMAIL_CLAIM } from "../../shared/auth/token-claims.ts";
import { API_SCOPE } from "../api-scope.ts";

export const LOCAL_ISSUER = "urn:desk-1540:local-issuer";
export const LOCAL_CLIENT_ID = "desk-1540-local";
const ALGORITHM = "RS256";
// What the managed login puts in the staff client's access token (the console's and `npm run login`'s): the API's
// scope, which the deployed authorizer requires on every closed route.
const STAFF_SCOPES = ["openid", "email", "profile", API_SCOPE].join(" ");
const DEFAULT_EXPIRY_SECONDS = 3600;

export const groups = groupSchema.options;

export function isGroup(value: string): value is Group {
  return groupSchema.safeParse(value).success;
}

export interface JwtKeys {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

interface StoredKeys {
  privateKey: JWK;
  publicKey: JWK;
}

/** A fresh key pair held in memory only (tests use one to forge tokens the server must refuse). */
export async function generateJwtKeys(): Promise<JwtKeys> {
  const pair = await generateKeyPair(ALGORITHM, { extractable: true, modulusLength: 2048 });
  return { kid: randomUUID(), privateKey: pair.privateKey, publicKey: pair.publicKey };
}

/** `<dir>/jwt-keys.json`, created on first use and reused after, so tokens survive restarts. */
export async function loadOrCreateJwtKeys(dir: string): Promise<JwtKeys> {
  const file = join(dir, "jwt-keys.json");
  const existing = readStored(file);
  if (existing) return importStored(existing, file);

  const keys = await generateJwtKeys();
  const stored: StoredKeys = {
    privateKey: { ...(await exportJWK(keys.privateKey)), kid: keys.kid, alg: ALGORITHM, use: "sig" },
    publicKey: { ...(await exportJWK(keys.publicKey)), kid: keys.kid, alg: ALGORITHM, use: "sig" },
  };
  mkdirSync(dir, { recursive: true });
  try {
    // `wx`: if `npm start` and `npm run token` race on the first run, one pair wins and both use it.
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "EEXIST") {
      const winner = readStored(file);
      if (winner) return importStored(winner, file);
    }
    throw error;
  }
  return keys;
}

function readStored(file: string): StoredKeys | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  const parsed: unknown = JSON.parse(text);
  if (
    typeof parsed === "object" &&
    parsed !== null &&
    "privateKey" in parsed &&
    "publicKey" in parsed &&
    isJwk(parsed.privateKey) &&
    isJwk(parsed.publicKey)
  ) {
    return { privateKey: parsed.privateKey, publicKey: parsed.publicKey };
  }
  throw new Error(`${file} is not a key pair written by this tool: delete it and a new pair will be made`);
}

function isJwk(value: unknown): value is JWK {
  return typeof value === "object" && value !== null && "kty" in value && typeof value.kty === "string";
}

async function importStored(stored: StoredKeys, file: string): Promise<JwtKeys> {
  const kid = stored.privateKey.kid;
  if (!kid) throw new Error(`${file} has no key id: delete it and a new pair will be made`);
  const privateKey = await importJWK(stored.privateKey, ALGORITHM);
  const publicKey = await importJWK(stored.publicKey, ALGORITHM);
  if (privateKey instanceof Uint8Array || publicKey instanceof Uint8Array) {
    throw new Error(`${file} holds a symmetric key, not an RSA pair: delete it`);
  }
  return { kid, privateKey, publicKey };
}

export interface IssueTokenOptions {
  group: Group;
  /**
   * Who the token is for, default `local-<group>`: the name the desk gives them, carried in the e-mail claim as the
   * deployed pool's trigger carries the account's address (any name will do locally).
   */
  username?: string;
  expiresInSeconds?: number;
  /** Default now; set in the past to make an expired token. */
  issuedAt?: Date;
}

/** A stable UUID per username, so the same local user is the same `sub` (and audit actor) across tokens. */
function subjectFor(username: string): string {
  const hex = createHash("sha256").update(`desk-1540-local:${username}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A token shaped like the staff client's Cognito access token, with the e-mail claim the pool's trigger adds
 * (functions/token-claims), which the API names the person by. Its `username` is kept as Cognito's is (a generated
 * UUID there): the API falls back to it only for a token without the e-mail claim.
 */
export async function issueToken(keys: JwtKeys, opts: IssueTokenOptions): Promise<string> {
  const username = opts.username ?? `local-${opts.group}`;
  const iat = Math.floor((opts.issuedAt ?? new Date()).getTime() / 1000);
  const exp = iat + (opts.expiresInSeconds ?? DEFAULT_EXPIRY_SECONDS);
  return new SignJWT({
    "cognito:groups": [opts.group],
    username,
    [EMAIL_CLAIM]: username,
    client_id: LOCAL_CLIENT_ID,
    token_use: "access",
    scope: STAFF_SCOPES,
    auth_time: iat,
    version: 2,
  })
    .setProtectedHeader({ alg: ALGORITHM, kid: keys.kid, typ: "JWT" })
    .setSubject(subjectFor(username))
    .setIssuer(LOCAL_ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(randomUUID())
    .sign(keys.privateKey);
}

export type BearerFailure = "missing" | "malformed" | "bad-signature" | "expired" | "wrong-issuer" | "wrong-client";

export type BearerResult =
  | { ok: true; claims: Record<string, string>; scopes: string[] }
  | { ok: false; reason: BearerFailure; detail: string };

function fail(reason: BearerFailure, detail: string): BearerResult {
  return { ok: false, reason, detail };
}

/**
 * Checks `Authorization: Bearer <jwt>` as the HTTP API JWT authorizer does (signature, issuer, expiry, and
 * `aud` or `client_id` against the app client) and returns the claims as API Gateway hands them to Lambda.
 */
export async function verifyBearer(
  keys: JwtKeys,
  authorizationHeader: string | undefined,
  now: Date = new Date(),
): Promise<BearerResult> {
  if (!authorizationHeader) return fail("missing", "This request needs an Authorization: Bearer <token> header");
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorizationHeader);
  const token = match?.[1];
  if (!token) return fail("malformed", "The Authorization header must be 'Bearer <token>'");

  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, keys.publicKey, {
      algorithms: [ALGORITHM],
      issuer: LOCAL_ISSUER,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) return fail("expired", "The bearer token has expired");
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      return fail("bad-signature", "The bearer token's signature does not match this issuer's key");
    }
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "iss") {
      return fail("wrong-issuer", "The bearer token was not issued by this desk's user pool");
    }
    if (error instanceof errors.JWTClaimValidationFailed) {
      return fail("malformed", "The bearer token's claims are invalid");
    }
    return fail("malformed", "The bearer token is not a valid JWT");
  }

  // The authorizer requires an expiry, and accepts either audience (ID token) or client_id (access token).
  if (payload.exp === undefined) return fail("malformed", "The bearer token has no expiry");
  const audiences = typeof payload.aud === "string" ? [payload.aud] : (payload.aud ?? []);
  if (payload.client_id !== LOCAL_CLIENT_ID && !audiences.includes(LOCAL_CLIENT_ID)) {
    return fail("wrong-client", "The bearer token was not issued to this desk's app client");
  }

  const scopes = typeof payload.scope === "string" ? payload.scope.split(" ").filter(Boolean) : [];
  return { ok: true, claims: formatClaimsLikeApiGateway(payload), scopes };
}

/**
 * API Gateway passes every claim to Lambda as a string, formatting non-strings the way Go prints them:
 * numbers and booleans as text, arrays as `[a b]`, objects as `map[k:v]`.
 */
export function formatClaimsLikeApiGateway(payload: JWTPayload): Record<string, string> {
  const claims: Record<string, string> = {};
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) continue;
    claims[name] = formatClaim(value);
  }
  return claims;
}

function formatClaim(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return `[${value.map(formatClaim).join(" ")}]`;
  if (value === null) return "<nil>";
  if (typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `map[${entries.map(([k, v]) => `${k}:${formatClaim(v)}`).join(" ")}]`;
  }
  return String(value);
}
