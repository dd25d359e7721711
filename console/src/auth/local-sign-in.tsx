// The local build's sign-in: one button per group, each asking the local gateway's issuer for a token (the route
// exists on the local gateway only; AWS builds sign in through Cognito's managed login instead).
import { useState } from "preact/hooks";
import { type Group, groups } from "./access.ts";
import { currentSession, sessionOf } from "./session.ts";

/** Served by infra/local/console.ts beside the console, never by the deployed API. */
export const LOCAL_TOKEN_PATH = "/console/local-token";

async function signInAs(group: Group): Promise<void> {
  const response = await fetch(LOCAL_TOKEN_PATH, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ group }),
  });
  if (!response.ok) throw new Error(`The local issuer refused: ${response.status} ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  currentSession.set(sessionOf(token));
}

export function LocalSignIn() {
  const [failure, setFailure] = useState<string>();
  return (
    <main id="main" class="sign-in">
      <h1>1540 Committee desk</h1>
      <p>Local stack: choose who you work as. Tokens come from the local issuer and are kept in this tab only.</p>
      <ul class="sign-in-buttons">
        {groups.map((group) => (
          <li key={group}>
            <button type="button" onClick={() => signInAs(group).catch((error: Error) => setFailure(error.message))}>
              Sign in as {group}
            </button>
          </li>
        ))}
      </ul>
      {failure && (
        <p role="alert" class="error">
          {failure}
        </p>
      )}
    </main>
  );
}

/**
 * An expired session's way back: a new token for the same group, taken in place, so the page and what was typed in
 * it stay, and the requests waiting for it go on (auth/session-expiry.ts).
 */
export function LocalSignInAgain({ group }: { group: Group }) {
  const [failure, setFailure] = useState<string>();
  return (
    <>
      <button type="button" onClick={() => signInAs(group).catch((error: Error) => setFailure(error.message))}>
        Sign in again as {group}
      </button>
      {failure && (
        <span role="alert" class="error">
          {failure}
        </span>
      )}
    </>
  );
}
