// The shell's word on the session: who is signed in, or, once the session has expired, that alone, said once, with
// the way to sign in again. The page stays below it as it was (auth/session-expiry.ts), so nothing typed is lost where
// the sign-in happens in place.
import { useEffect, useRef, useState } from "preact/hooks";
import { currentSession, type Session } from "./session.ts";
import { EXPIRED_WORDS, RECONNECTING_WORDS, sessionExpiry } from "./session-expiry.ts";
import { SignInAgain } from "./sign-in.tsx";

/** Whether the session has expired, and whether its keeper is still renewing it (said as reconnecting). */
function useExpired(): { expired: boolean; renewing: boolean } {
  const read = () => ({ expired: sessionExpiry.expired, renewing: sessionExpiry.renewing });
  const [state, setState] = useState(read);
  useEffect(() => sessionExpiry.subscribe(() => setState(read())), []);
  return state;
}

/**
 * Where the reader was when the session expired, given back once they have signed in again: the button they pressed
 * is gone then, which would leave the focus nowhere.
 */
function useFocusKeptOver(expired: boolean): void {
  const before = useRef<Element | null>(null);
  useEffect(() => {
    if (expired) {
      before.current = document.activeElement;
      return;
    }
    const back = before.current;
    before.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost && back instanceof HTMLElement && back.isConnected) back.focus();
  }, [expired]);
}

export function SessionStatus({ session }: { session: Session }) {
  const { expired, renewing } = useExpired();
  useFocusKeptOver(expired);
  const signOut = (
    <button type="button" onClick={() => currentSession.set(undefined)}>
      Sign out
    </button>
  );
  if (expired && renewing) {
    return (
      <p class="who">
        <strong role="status">{RECONNECTING_WORDS}.</strong> {signOut}
      </p>
    );
  }
  if (expired) {
    return (
      <p class="who">
        <strong role="alert">{EXPIRED_WORDS}.</strong> <SignInAgain group={session.group} /> {signOut}
      </p>
    );
  }
  return (
    <p class="who">
      Signed in as {session.username} (<strong data-group={session.group}>{session.group}</strong>) {signOut}
    </p>
  );
}
