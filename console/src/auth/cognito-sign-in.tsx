// The deployed build's sign-in page: one button to Cognito's managed login (e-mail, password, authenticator code),
// and the completion of the sign-in when the browser comes back to /console/ with the code. The stage's login config
// is read at run time from /console/config.json, written at deploy (infra/console-site.ts).
import { useEffect, useState } from "preact/hooks";
import { messageOf } from "../ui/load.tsx";
import { CognitoSession } from "./cognito-session.ts";
import { callbackOf, parseLoginConfig } from "./oauth.ts";

/** Beside index.html in the bucket; never cached (infra/console-site.ts). */
export const LOGIN_CONFIG_PATH = "/console/config.json";

let signIn: Promise<CognitoSession> | undefined;

/** One session keeper for the tab, made when the config first arrives; a failed read is tried again next time. */
function cognitoSession(): Promise<CognitoSession> {
  signIn ??= fetch(LOGIN_CONFIG_PATH, { cache: "no-store" })
    .then((response) => {
      if (!response.ok) throw new Error(`The console's config could not be read: HTTP ${response.status}`);
      return response.json();
    })
    .then((json: unknown) => {
      const session = new CognitoSession(parseLoginConfig(json), {
        fetch: (url, init) => fetch(url, init),
        pending: window.sessionStorage,
        navigate: (url) => window.location.assign(url),
        returnTo: (place) => {
          window.history.replaceState(null, "", `${window.location.pathname}${place}`);
          // replaceState fires no hashchange, which the router follows.
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        },
        now: () => Date.now(),
      });
      window.addEventListener("online", () => session.networkBack());
      return session;
    })
    .catch((error: unknown) => {
      signIn = undefined;
      throw error;
    });
  return signIn;
}

/** Off to the managed login, to come back to the page shown now. */
function startSignIn(failed: (message: string) => void): Promise<void> {
  return cognitoSession()
    .then((session) => session.start(window.location.hash))
    .catch((error: unknown) => failed(messageOf(error)));
}

type Step = { kind: "loading" } | { kind: "ready" } | { kind: "failed"; message: string };

/** Takes the code (or the refusal) out of the address bar before anything else, so a reload cannot replay it. */
function takeCallback() {
  const callback = callbackOf(window.location.search);
  if (callback) window.history.replaceState(null, "", `${window.location.pathname}${window.location.hash}`);
  return callback;
}

export function CognitoSignIn() {
  const [step, setStep] = useState<Step>({ kind: "loading" });
  useEffect(() => {
    const callback = takeCallback();
    cognitoSession()
      .then(async (session) => {
        if (callback) await session.complete(callback);
        else setStep({ kind: "ready" });
      })
      .catch((error: unknown) => setStep({ kind: "failed", message: messageOf(error) }));
  }, []);
  const start = () => startSignIn((message) => setStep({ kind: "failed", message }));
  return (
    <main id="main" class="sign-in">
      <h1>1540 Committee desk</h1>
      {step.kind === "loading" ? (
        <p aria-live="polite">Signing in…</p>
      ) : (
        <>
          <p>
            Sign in with your desk account: your e-mail, your password and the code of your authenticator app, on the
            desk's sign-in page. Your session is kept in this tab only; a reload asks you to sign in again.
          </p>
          {step.kind === "failed" && (
            <p role="alert" class="error">
              {step.message}
            </p>
          )}
          <p>
            <button type="button" onClick={start}>
              Sign in
            </button>
          </p>
        </>
      )}
    </main>
  );
}

/**
 * An expired session's way back: the managed login, then this page again. The trip loads the console anew, so what
 * was typed on the page is lost, and it says so.
 */
export function CognitoSignInAgain() {
  const [failure, setFailure] = useState<string>();
  return (
    <>
      <button type="button" onClick={() => startSignIn(setFailure)}>
        Sign in again
      </button>{" "}
      <span>You come back to this page, but not to what you typed on it.</span>
      {failure && (
        <span role="alert" class="error">
          {failure}
        </span>
      )}
    </>
  );
}
