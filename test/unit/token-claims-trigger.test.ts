// functions/token-claims: the user pool's pre-token-generation trigger (V2_0) adds the account's e-mail to the access
// token, where the pool's generated username names no one (audit 34, bug 4), and changes nothing else.
import type { PreTokenGenerationV2TriggerEvent } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { EMAIL_CLAIM } from "#shared/auth/token-claims.ts";
import { addEmailToAccessToken } from "../../functions/token-claims/app.ts";
import { handler } from "../../functions/token-claims/handler.ts";

const GENERATED_USERNAME = "5f1c2a4e-8b7d-4c3a-9e21-0d6f4b8a7c13";

/** The event as Cognito sends a V2_0 trigger at a managed-login sign-in, its response still empty. */
function signInEvent(userAttributes: Record<string, string>): PreTokenGenerationV2TriggerEvent {
  return {
    version: "2",
    region: "eu-west-1",
    userPoolId: "eu-west-1_Desk",
    triggerSource: "TokenGeneration_HostedAuth",
    userName: GENERATED_USERNAME,
    callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "staff-client" },
    request: {
      userAttributes: { sub: GENERATED_USERNAME, email_verified: "true", ...userAttributes },
      groupConfiguration: { groupsToOverride: ["experts"], iamRolesToOverride: [], preferredRole: undefined },
      scopes: ["openid", "email", "profile", "desk-1540/api"],
    },
    response: { claimsAndScopeOverrideDetails: {} },
  };
}

describe("the token-claims trigger", () => {
  it("adds the account's e-mail to the access token, under the claim the API names people by", () => {
    const answered = addEmailToAccessToken(signInEvent({ email: "ada@un.example" }));
    expect(EMAIL_CLAIM).toBe("email");
    expect(answered.response).toEqual({
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { email: "ada@un.example" } } },
    });
  });

  it("leaves the ID token, the groups and the scopes as Cognito made them, and hands back the rest of the event", () => {
    const event = signInEvent({ email: "ada@un.example" });
    const details = addEmailToAccessToken(event).response.claimsAndScopeOverrideDetails;
    expect(details.idTokenGeneration).toBeUndefined();
    expect(details.groupOverrideDetails).toBeUndefined();
    expect(details.accessTokenGeneration).not.toHaveProperty("scopesToAdd");
    expect(details.accessTokenGeneration).not.toHaveProperty("claimsToSuppress");
    expect({ ...addEmailToAccessToken(event), response: event.response }).toEqual(event);
  });

  it("changes nothing for an account without an e-mail", () => {
    const event = signInEvent({});
    expect(addEmailToAccessToken(event)).toBe(event);
  });

  it("changes nothing for an e-mail not verified: a person who changed their own would choose their name in the trail", () => {
    const event = signInEvent({ email: "someone.else@un.example", email_verified: "false" });
    expect(addEmailToAccessToken(event)).toBe(event);
  });

  it("answers a refresh as a sign-in, through the Lambda entry point", async () => {
    const refresh = {
      ...signInEvent({ email: "bo@un.example" }),
      triggerSource: "TokenGeneration_RefreshTokens" as const,
    };
    const answered = await handler(refresh);
    expect(answered.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      email: "bo@un.example",
    });
  });
});
