// The sign-in the build carries: the local issuer's buttons in a local build, Cognito's managed login in any other
// (the constant is fixed at build time, so each build leaves the other's code out).
import type { Group } from "./access.ts";
import { CognitoSignIn, CognitoSignInAgain } from "./cognito-sign-in.tsx";
import { LocalSignIn, LocalSignInAgain } from "./local-sign-in.tsx";

export function SignIn() {
  if (__LOCAL_SIGN_IN__) return <LocalSignIn />;
  return <CognitoSignIn />;
}

/** The way back from an expired session, beside the shell's "sign in again". */
export function SignInAgain({ group }: { group: Group }) {
  if (__LOCAL_SIGN_IN__) return <LocalSignInAgain group={group} />;
  return <CognitoSignInAgain />;
}
