// The user pool's pre-token-generation trigger (event version V2_0, infra/sign-in.ts): adds the account's e-mail to
// the access token, which otherwise names the person only by the UUID Cognito generated as their username.
import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { EMAIL_CLAIM } from "#shared/auth/token-claims.ts";

/**
 * The event Cognito sent, answered: the access token gains the e-mail claim; the ID token, the groups and the scopes
 * stay as Cognito made them. Only a verified e-mail names the person: one the account changed itself (its own
 * UpdateUserAttributes, which leaves it unverified) would let them choose the name the audit trail gives them; such an
 * account, or one without an e-mail, gets its tokens unchanged (named by its username).
 */
export function addEmailToAccessToken(event: PreTokenGenerationV2TriggerEvent): PreTokenGenerationV2TriggerEvent {
  const { email, email_verified: verified } = event.request.userAttributes;
  if (!email || verified !== "true") return event;
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { [EMAIL_CLAIM]: email } },
      },
    },
  };
}
