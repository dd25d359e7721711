// An expired session, said once by the shell instead of by every request's refusal: the session is marked expired
// when its token's `exp` passes or the API answers 401, requests wait (rather than fail) until the person signs in
// again, and then go with the new token. The page stays as it was meanwhile, forms and all. The API refuses a missing
// or expired token before any handler runs (the gateway's authorizer), so a request sent again after a 401 acts once.
import { currentSession, type Session } from "./session.ts";

/** The shell's one sentence for it. */
export const EXPIRED_WORDS = "Your session has expired: sign in again";

/**
 * Said instead while the deployed build still renews the session on its own (its refresh failed on the network and is
 * tried again): signing in again would leave the page, and what was typed with it.
 */
export const RECONNECTING_WORDS =
  "Reconnecting: the session is renewed as soon as the network answers, and what you typed is kept";

/** setTimeout's longest delay (about 24.8 days); a later expiry is looked at again then. */
const LONGEST_DELAY_MS = 2 ** 31 - 1;

type Listener = (expired: boolean) => void;
type Renewal = (session: Session | undefined) => void;

let expired = false;
/** The session keeper is still trying to renew it (cognito-session.ts): expired is then said as reconnecting. */
let renewing = false;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<Listener>();
/** Requests waiting for the next session: resolved with it, or with nothing once signed out. */
const renewals: Renewal[] = [];

function tell(): void {
  for (const listener of listeners) listener(expired);
}

function release(session: Session | undefined): void {
  for (const renewal of renewals.splice(0)) renewal(session);
}

function markExpired(): void {
  if (expired || !currentSession.value) return;
  expired = true;
  tell();
}

/** A session whose token has no `exp` (0) is taken to last: the API will say otherwise with a 401. */
function watchExpiry(session: Session): void {
  if (session.expiresAt <= 0) return;
  const left = session.expiresAt * 1000 - Date.now();
  if (left > 0) timer = setTimeout(() => watchExpiry(session), Math.min(left, LONGEST_DELAY_MS));
  else markExpired();
}

currentSession.subscribe((session) => {
  clearTimeout(timer);
  expired = false;
  if (session) watchExpiry(session);
  // A session already expired keeps its requests waiting for the next.
  if (!expired) release(session);
  tell();
});

export const sessionExpiry = {
  get expired(): boolean {
    return expired;
  },
  get renewing(): boolean {
    return renewing;
  },
  /** The session keeper is trying again to renew the session (true), or has stopped trying (false). */
  setRenewing(now: boolean): void {
    if (renewing === now) return;
    renewing = now;
    tell();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The session can no longer be renewed (the deployed build's refresh was refused): said now, before a 401. */
  expire(): void {
    markExpired();
  },
  /** The session a request goes with: the current one, or, while it has expired, the next (none once signed out). */
  sessionToSend(): Promise<Session | undefined> {
    if (!expired) return Promise.resolve(currentSession.value);
    return new Promise((renewal) => renewals.push(renewal));
  },
  /**
   * After the API answered 401 to a request sent with `usedToken`: the session to send it again with. A session
   * taken since the request left is used at once; otherwise the session is marked expired and the request waits for
   * the next one (none when the person signs out instead).
   */
  after401(usedToken: string | undefined): Promise<Session | undefined> {
    const current = currentSession.value;
    if (!current) return Promise.resolve(undefined);
    if (!expired && current.token !== usedToken) return Promise.resolve(current);
    markExpired();
    return this.sessionToSend();
  },
};
