// The deployed console's sign-in through Cognito's managed login: sends the browser there with a fresh PKCE challenge,
// takes the code back, keeps the tokens in memory (currentSession, and the refresh token in this object only),
// refreshes them before they expire (a refresh that fails on the network is tried again until the grant itself is
// refused), and on sign-out revokes them and ends the managed login's session. The browser is reached only through
// the seams it is given and `networkBack`, so Node's tests drive it.
import {
  authorizeUrl,
  type Callback,
  exchangeCode,
  type Fetch,
  GrantRefused,
  type LoginConfig,
  logoutUrl,
  newPkce,
  randomToken,
  refreshDelayMs,
  refreshTokens,
  revokeToken,
  type Tokens,
} from "./oauth.ts";
import { currentSession, NoDeskGroup, sessionOf } from "./session.ts";
import { sessionExpiry } from "./session-expiry.ts";

export interface BrowserSeams {
  fetch: Fetch;
  /**
   * sessionStorage: the one thing that must outlive the trip to the managed login is this sign-in's verifier and
   * state; it is removed as soon as the browser is back. Never a token.
   */
  pending: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
    removeItem(key: string): void;
  };
  /** Leaves the console for another address (the managed login, the logout endpoint). */
  navigate(url: string): void;
  /**
   * Back from the managed login, to the page the sign-in started from (its hash route): the managed login returns to
   * the console's one redirect address.
   */
  returnTo(place: string): void;
  now(): number;
}

export const PENDING_KEY = "desk-1540:sign-in";
/**
 * A refresh that failed for a reason other than a refused grant (the network, the endpoint down a moment) is tried
 * again this much later, then twice as late each time up to REFRESH_RETRY_LONGEST_MS, for as long as the refresh token
 * is not refused (30 days): a laptop waking before its Wi-Fi keeps its session.
 */
export const REFRESH_RETRY_MS = 30_000;
export const REFRESH_RETRY_LONGEST_MS = 5 * 60_000;

const retryDelayMs = (failures: number) => Math.min(REFRESH_RETRY_MS * 2 ** (failures - 1), REFRESH_RETRY_LONGEST_MS);

interface Pending {
  verifier: string;
  state: string;
  /** The page to come back to; "" for home. */
  place: string;
}

function pendingOf(text: string | null): Pending | undefined {
  if (!text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return undefined;
    const { verifier, state, place } = value as Record<string, unknown>;
    if (typeof verifier !== "string" || typeof state !== "string") return undefined;
    return { verifier, state, place: typeof place === "string" ? place : "" };
  } catch {
    return undefined;
  }
}

export class CognitoSession {
  private refreshToken: string | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Refreshes failed in a row, none refused: another is due. */
  private failedRefreshes = 0;
  private refreshing = false;

  constructor(
    private readonly config: LoginConfig,
    private readonly seams: BrowserSeams,
  ) {
    // The banner's "Sign out" clears the session; that is when the tokens are revoked and the managed login left.
    currentSession.subscribe((session) => {
      if (!session) void this.signedOut();
    });
  }

  /**
   * Off to the managed login, with a challenge whose verifier (and the state, and the page to come back to) wait in
   * the tab's session storage.
   */
  async start(place: string): Promise<void> {
    const pkce = await newPkce();
    const state = randomToken(16);
    const pending: Pending = { verifier: pkce.verifier, state, place };
    this.seams.pending.setItem(PENDING_KEY, JSON.stringify(pending));
    this.seams.navigate(authorizeUrl(this.config, pkce.challenge, state));
  }

  /** Back from the managed login: the code for tokens, if this tab started this sign-in. */
  async complete(callback: Callback): Promise<void> {
    const pending = pendingOf(this.seams.pending.getItem(PENDING_KEY));
    this.seams.pending.removeItem(PENDING_KEY);
    // Another tab's or an old page's redirect must not sign this one in.
    if (!pending || callback.state !== pending.state) {
      throw new Error("This sign-in was not started from this tab. Sign in again.");
    }
    if (callback.kind === "refused") {
      throw new Error(`The sign-in was refused: ${callback.description ?? callback.error}`);
    }
    const tokens = await exchangeCode(this.config, this.seams.fetch, callback.code, pending.verifier);
    // The page first, so the console opens on it rather than reading home on the way.
    if (pending.place) this.seams.returnTo(pending.place);
    this.keep(tokens);
  }

  private keep(tokens: Tokens): void {
    const session = sessionOf(tokens.accessToken);
    if (tokens.refreshToken) this.refreshToken = tokens.refreshToken;
    currentSession.set(session);
    this.schedule(refreshDelayMs(session.expiresAt, this.seams.now()));
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delayMs);
  }

  /** The browser is online again (its `online` event): a refresh that failed is tried now rather than at its time. */
  networkBack(): void {
    if (this.failedRefreshes > 0 && !this.refreshing) void this.refresh();
  }

  private async refresh(): Promise<void> {
    const refreshToken = this.refreshToken;
    if (!refreshToken) return this.end();
    clearTimeout(this.timer);
    this.refreshing = true;
    try {
      const tokens = await refreshTokens(this.config, this.seams.fetch, refreshToken);
      this.failedRefreshes = 0;
      sessionExpiry.setRenewing(false);
      // Signed out while the refresh was out: its tokens must not sign the tab in again.
      if (this.refreshToken) this.keep(tokens);
    } catch (error) {
      if (error instanceof GrantRefused || error instanceof NoDeskGroup) return this.end();
      // The refresh token is kept. Meanwhile an access token past its expiry has requests wait, as for any expired
      // session (auth/session-expiry.ts), and the next refresh that succeeds lets them go.
      this.failedRefreshes += 1;
      if (this.refreshToken) {
        // Said as reconnecting, not expired, once the access token runs out meanwhile (session-status.tsx).
        sessionExpiry.setRenewing(true);
        this.schedule(retryDelayMs(this.failedRefreshes));
      }
    } finally {
      this.refreshing = false;
    }
  }

  /**
   * The session can no longer be renewed. It is said expired rather than signed out, so the page stays (what was
   * typed can still be copied) until the person signs in again (auth/session-expiry.ts).
   */
  private end(): void {
    this.refreshToken = undefined;
    this.failedRefreshes = 0;
    sessionExpiry.setRenewing(false);
    sessionExpiry.expire();
  }

  private async signedOut(): Promise<void> {
    clearTimeout(this.timer);
    this.failedRefreshes = 0;
    sessionExpiry.setRenewing(false);
    const refreshToken = this.refreshToken;
    this.refreshToken = undefined;
    // Best effort: the logout endpoint below ends the managed login's session whatever the revocation answered.
    if (refreshToken) await revokeToken(this.config, this.seams.fetch, refreshToken).catch(() => undefined);
    // Always, refresh token or not: the managed login's own session (its cookie) would otherwise sign the next person
    // at this browser straight back in as this one.
    this.seams.navigate(logoutUrl(this.config));
  }
}
