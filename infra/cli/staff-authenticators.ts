// A staff account's authenticator app (TOTP, the pool's only second factor): whether one is registered, and its reset
// for a person who lost the device. After the reset the pool, which requires MFA, asks them at their next sign-in to
// enrol a new one (Cognito's MFA_SETUP challenge, which the managed login presents).
import {
  AdminDeleteSoftwareTokenCommand,
  AdminGetUserCommand,
  AdminUserGlobalSignOutCommand,
} from "@aws-sdk/client-cognito-identity-provider";
import type { StaffAccount } from "./staff-groups.ts";

export interface AuthenticatorStanding {
  enabled: boolean;
  /** An authenticator app is registered to the account (SOFTWARE_TOKEN_MFA among its MFA settings). */
  registered: boolean;
}

export async function authenticatorOf({ cognito, userPoolId, email }: StaffAccount): Promise<AuthenticatorStanding> {
  const user = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  return {
    enabled: user.Enabled ?? true,
    registered: (user.UserMFASettingList ?? []).includes("SOFTWARE_TOKEN_MFA"),
  };
}

/**
 * Signs the person out everywhere (their refresh tokens revoked: whoever holds the lost device's sessions is out), then
 * removes the authenticator, if one is still registered. In that order: stopped between the two, the person is signed
 * out and can still sign in with the lost device's codes, never the reverse.
 */
export async function resetAuthenticator(account: StaffAccount, registered: boolean): Promise<void> {
  const { cognito, userPoolId, email } = account;
  await cognito.send(new AdminUserGlobalSignOutCommand({ UserPoolId: userPoolId, Username: email }));
  if (registered) await cognito.send(new AdminDeleteSoftwareTokenCommand({ UserPoolId: userPoolId, Username: email }));
}
