// The user pool's pre-token-generation trigger (event version V2_0, infra/sign-in.ts): adds the account's e-mail to
// the access token, which otherwise names the person only by the UUID Cognito generated as their username.
import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { EMAIL_CLAIM } from "#shared/auth/token-claims.ts";

/**
 * The event Cognito sent, answered: the access token gains the e-mail claim; the ID token, the groups and the scopes
 * stay as Cognito made them. An account without an e-mail (none is created so) gets its tokens unchanged.
 */
export function addEmailToAccessToken(event: PreTokenGenerationV2TriggerEvent): PreTokenGenerationV2TriggerEvent {
  const email = event.request.userAttributes.email;
  if (!email) return event;
  return {
    ...event,
    response: {
      claimsAndScopeOverrideDetails: {
        accessTokenGeneration: { claimsToAddOrOverride: { [EMAIL_CLAIM]: email } },
      },
    },
  };
}
