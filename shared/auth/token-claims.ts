// How the desk names the person an access token is for. The user pool signs in by e-mail, so Cognito generates each
// account's username (a UUID): its pre-token-generation trigger (functions/token-claims) adds the account's e-mail to
// every access token, and the API names the person by that claim (ADR 0032). No zod: the router reads it at cold start.

/** The access token's claim that carries the account's e-mail: added by the trigger, read by the API. */
export const EMAIL_CLAIM = "email";

/**
 * The name the desk gives the person: the e-mail claim, else the username (a token issued before the trigger, or by
 * another pool); `cognito:username` is an ID token's spelling of it.
 */
export function personNameOf(claims: Readonly<Record<string, unknown>>): string | undefined {
  for (const claim of [EMAIL_CLAIM, "username", "cognito:username"]) {
    const value = claims[claim];
    if (value !== undefined && value !== null && String(value) !== "") return String(value);
  }
  return undefined;
}
