// A staff account's invitation in a stage's user pool: created with one (Cognito e-mails a temporary password), sent
// again while the person has not signed in yet, and the account's standing that decides whether it may be sent again.
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  UnsupportedUserStateException,
  UsernameExistsException,
  type UserStatusType,
} from "@aws-sdk/client-cognito-identity-provider";
import type { StaffAccount } from "./staff-groups.ts";

/** Creates the account and e-mails its invitation; "exists" when the address already has an account (nothing sent). */
export async function createInvited({ cognito, userPoolId, email }: StaffAccount): Promise<"created" | "exists"> {
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        UserAttributes: [
          { Name: "email", Value: email },
          // The invitation reaches this address, which proves it; recovery codes go there too.
          { Name: "email_verified", Value: "true" },
        ],
        DesiredDeliveryMediums: ["EMAIL"],
      }),
    );
    return "created";
  } catch (error) {
    if (error instanceof UsernameExistsException) return "exists";
    throw error;
  }
}

export interface AccountStanding {
  enabled: boolean;
  /** FORCE_CHANGE_PASSWORD until the first sign-in; CONFIRMED after it. */
  status: UserStatusType | undefined;
}

export async function standingOf({ cognito, userPoolId, email }: StaffAccount): Promise<AccountStanding> {
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return { enabled: user.Enabled ?? true, status: user.UserStatus };
}

/**
 * E-mails the invitation again with a new temporary password, valid from now (the same cognito-idp:AdminCreateUser
 * permission). False when Cognito refuses because the account no longer waits for a first sign-in: the person signed
 * in since its standing was read, and Cognito never re-invites an account in use.
 */
export async function sendInvitationAgain({ cognito, userPoolId, email }: StaffAccount): Promise<boolean> {
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: email,
        MessageAction: "RESEND",
        DesiredDeliveryMediums: ["EMAIL"],
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof UnsupportedUserStateException) return false;
    throw error;
  }
}
