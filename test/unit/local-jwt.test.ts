// The local Cognito stand-in: tokens it issues pass, and every token the real JWT authorizer would refuse is refused.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  formatClaimsLikeApiGateway,
  generateJwtKeys,
  issueToken,
  type JwtKeys,
  LOCAL_CLIENT_ID,
  LOCAL_ISSUER,
  loadOrCreateJwtKeys,
  verifyBearer,
} from "../../infra/local/jwt.ts";

let dir: string;
let keys: JwtKeys;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "desk-jwt-"));
  keys = await loadOrCreateJwtKeys(dir);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A token signed with our key but with chosen claims, for the cases issueToken never produces. */
function forge(claims: Record<string, unknown>, issuer = LOCAL_ISSUER): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "RS256", kid: keys.kid })
    .setIssuer(issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .setSubject("someone")
    .sign(keys.privateKey);
}

describe("issueToken and verifyBearer", () => {
  it("round-trips, with the claims formatted as API Gateway passes them to Lambda", async () => {
    const token = await issueToken(keys, { group: "members", username: "ana" });
    const result = await verifyBearer(keys, `Bearer ${token}`);
    if (!result.ok) throw new Error(`refused: ${result.detail}`);
    const { claims, scopes } = result;
    expect(claims["cognito:groups"]).toBe("[members]");
    expect(claims.username).toBe("ana");
    expect(claims.client_id).toBe(LOCAL_CLIENT_ID);
    expect(claims.token_use).toBe("access");
    expect(claims.iss).toBe(LOCAL_ISSUER);
    expect(claims.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(claims.exp).toMatch(/^\d+$/);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(3600);
    expect(Object.values(claims).every((value) => typeof value === "string")).toBe(true);
    expect(scopes).toEqual(["openid", "email", "profile", "desk-1540/api"]);
  });

  it("gives the same user the same sub", async () => {
    const sub = async (username: string) => {
      const result = await verifyBearer(keys, `Bearer ${await issueToken(keys, { group: "experts", username })}`);
      return result.ok ? result.claims.sub : undefined;
    };
    expect(await sub("ana")).toBe(await sub("ana"));
    expect(await sub("ana")).not.toBe(await sub("bo"));
  });

  it("refuses a missing or malformed header", async () => {
    expect(await verifyBearer(keys, undefined)).toMatchObject({ ok: false, reason: "missing" });
    expect(await verifyBearer(keys, "")).toMatchObject({ ok: false, reason: "missing" });
    expect(await verifyBearer(keys, "Basic dXNlcjpwYXNz")).toMatchObject({ ok: false, reason: "malformed" });
    expect(await verifyBearer(keys, "Bearer not.a.jwt")).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("refuses an expired token", async () => {
    const token = await issueToken(keys, { group: "secretariat", issuedAt: new Date(Date.now() - 2 * 3600_000) });
    expect(await verifyBearer(keys, `Bearer ${token}`)).toMatchObject({ ok: false, reason: "expired" });
  });

  it("refuses a token signed by another key", async () => {
    const token = await issueToken(await generateJwtKeys(), { group: "secretariat" });
    expect(await verifyBearer(keys, `Bearer ${token}`)).toMatchObject({ ok: false, reason: "bad-signature" });
  });

  it("refuses a token from another issuer", async () => {
    const token = await forge(
      { client_id: LOCAL_CLIENT_ID, "cognito:groups": ["secretariat"] },
      "https://example.com/pool",
    );
    expect(await verifyBearer(keys, `Bearer ${token}`)).toMatchObject({ ok: false, reason: "wrong-issuer" });
  });

  it("refuses a token for another app client, and accepts the client as audience (an ID token)", async () => {
    const other = await forge({ client_id: "someone-else", "cognito:groups": ["secretariat"] });
    expect(await verifyBearer(keys, `Bearer ${other}`)).toMatchObject({ ok: false, reason: "wrong-client" });
    const none = await forge({ "cognito:groups": ["secretariat"] });
    expect(await verifyBearer(keys, `Bearer ${none}`)).toMatchObject({ ok: false, reason: "wrong-client" });
    const idToken = await forge({ aud: LOCAL_CLIENT_ID, token_use: "id" });
    expect(await verifyBearer(keys, `Bearer ${idToken}`)).toMatchObject({ ok: true });
  });
});

describe("loadOrCreateJwtKeys", () => {
  it("keeps the pair in <dir>/jwt-keys.json, readable by its owner only, and reuses it", async () => {
    const file = join(dir, "jwt-keys.json");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(readFileSync(file, "utf8"));
    expect(stored.publicKey).toMatchObject({ kty: "RSA", alg: "RS256", kid: keys.kid });
    expect(stored.privateKey.d).toEqual(expect.any(String));

    const again = await loadOrCreateJwtKeys(dir);
    expect(again.kid).toBe(keys.kid);
    const token = await issueToken(keys, { group: "members" });
    expect(await verifyBearer(again, `Bearer ${token}`)).toMatchObject({ ok: true });
  });
});

describe("formatClaimsLikeApiGateway", () => {
  it("turns every claim into a string the way API Gateway does", () => {
    expect(
      formatClaimsLikeApiGateway({
        "cognito:groups": ["secretariat", "experts"],
        exp: 1767225600,
        email_verified: true,
        address: { country: "CH", locality: "Geneva" },
        name: "Ana",
      }),
    ).toEqual({
      "cognito:groups": "[secretariat experts]",
      exp: "1767225600",
      email_verified: "true",
      address: "map[country:CH locality:Geneva]",
      name: "Ana",
    });
  });
});

describe("npm run token's usage", () => {
  // Two CLI processes through tsx: seconds each on a loaded machine, so not the unit layer's 5 s.
  it("names the port the local API listens on, moved by API_PORT as for npm start (audit 31)", () => {
    const usage = (env: NodeJS.ProcessEnv) =>
      spawnSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "../../infra/local/token.ts")], {
        env: { ...process.env, ...env, LOCAL_DATA_DIR: dir },
        encoding: "utf8",
      });
    const moved = usage({ API_PORT: "4999" });
    expect(moved.status).toBe(2);
    expect(moved.stderr).toContain("http://127.0.0.1:4999/states");
    expect(usage({ API_PORT: "" }).stderr).toContain("http://127.0.0.1:4540/states");
  }, 30_000);
});
