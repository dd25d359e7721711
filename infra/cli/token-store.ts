// A signed-in person's tokens for a stage, in their own config directory (readable by them only), and a valid access
// token from them: refreshed with the refresh token when it is about to expire.
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import path from "node:path";
import * as z from "zod";
import { GrantRefused, refreshTokens, type TokenResponse } from "./oauth.ts";
import type { StageConfig } from "./stage-config.ts";

const storedTokensSchema = z.object({
  accessToken: z.string().min(1),
  idToken: z.string().optional(),
  refreshToken: z.string().min(1),
  /** When the access token expires, as an ISO instant. */
  expiresAt: z.iso.datetime(),
});
export type StoredTokens = z.infer<typeof storedTokensSchema>;

/** An access token this close to its expiry is refreshed first, so a request made with it does not fail on the way. */
const REFRESH_MARGIN_MS = 60_000;

/** ~/.config/desk-1540/<stage>.json (or under XDG_CONFIG_HOME). */
export function tokenFile(stage: string, env: NodeJS.ProcessEnv = process.env): string {
  const configHome = env.XDG_CONFIG_HOME || path.join(homedir(), ".config");
  return path.join(configHome, "desk-1540", `${stage}.json`);
}

export async function saveTokens(file: string, tokens: StoredTokens): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  // writeFile's mode applies only to a new file; an older one may have been readable by others.
  await chmod(file, 0o600);
}

/** What a token response leaves stored: a refresh answer keeps the refresh token it was given. */
export function toStored(response: TokenResponse, now: Date, refreshToken?: string): StoredTokens {
  const refresh = response.refresh_token ?? refreshToken;
  if (!refresh) throw new Error("The token endpoint returned no refresh token");
  return {
    accessToken: response.access_token,
    ...(response.id_token ? { idToken: response.id_token } : {}),
    refreshToken: refresh,
    expiresAt: new Date(now.getTime() + response.expires_in * 1000).toISOString(),
  };
}

/** The person must sign in (again): no tokens, or the refresh token expired or was revoked. */
export class SignInNeeded extends Error {
  constructor(stage: string, why: string) {
    super(`${why}. Sign in: npm run login -- --stage ${stage}`);
  }
}

/** A valid access token for the stage, refreshed (and stored again) when it is expired or about to be. */
export async function validAccessToken(config: StageConfig, now: Date, env = process.env): Promise<string> {
  const file = tokenFile(config.stage, env);
  let stored: StoredTokens;
  try {
    stored = storedTokensSchema.parse(JSON.parse(await readFile(file, "utf8")));
  } catch {
    throw new SignInNeeded(config.stage, `No tokens for stage "${config.stage}" in ${file}`);
  }
  if (Date.parse(stored.expiresAt) - REFRESH_MARGIN_MS > now.getTime()) return stored.accessToken;
  let response: TokenResponse;
  try {
    response = await refreshTokens(config, stored.refreshToken);
  } catch (error) {
    if (error instanceof GrantRefused) throw new SignInNeeded(config.stage, "The stored sign-in has expired");
    throw error;
  }
  const refreshed = toStored(response, now, stored.refreshToken);
  await saveTokens(file, refreshed);
  return refreshed.accessToken;
}
