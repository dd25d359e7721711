// The sign-in the build carries: the local issuer's buttons in a local build; Cognito's managed login is not built yet.
import { LocalSignIn } from "./local-sign-in.tsx";

export function SignIn() {
  if (__LOCAL_SIGN_IN__) return <LocalSignIn />;
  return (
    <main id="main" class="sign-in">
      <h1>1540 Committee desk</h1>
      <p>Sign-in through the desk's user pool is not available in this build yet.</p>
    </main>
  );
}
