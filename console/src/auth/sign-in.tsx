// The sign-in the build carries: the local issuer's buttons in a local build, Cognito's managed login in any other
// (the constant is fixed at build time, so each build leaves the other's code out).
import { CognitoSignIn } from "./cognito-sign-in.tsx";
import { LocalSignIn } from "./local-sign-in.tsx";

export function SignIn() {
  if (__LOCAL_SIGN_IN__) return <LocalSignIn />;
  return <CognitoSignIn />;
}
