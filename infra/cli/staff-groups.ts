// A staff account's desk groups in a stage's user pool, read and changed with the operator's AWS credentials: what
// `npm run users` (infra/cli/users.ts) does once its arguments are checked. Group changes reach a person's tokens at
// their next sign-in or refresh; an access token issued before keeps its groups until it expires (an hour).
import {
  AdminAddUserToGroupCommand,
  AdminRemoveUserFromGroupCommand,
  type CognitoIdentityProviderClient,
  paginateAdminListGroupsForUser,
} from "@aws-sdk/client-cognito-identity-provider";
import { type Group, groupSchema } from "../../shared/auth/actor.ts";

/** One account of one pool; the e-mail stands for the username Cognito generated (the pool signs in by e-mail). */
export interface StaffAccount {
  cognito: CognitoIdentityProviderClient;
  userPoolId: string;
  email: string;
}

/** The desk groups the account is in (any other group of the pool is none of the desk's concern). */
export async function deskGroupsOf({ cognito, userPoolId, email }: StaffAccount): Promise<Group[]> {
  const groups: Group[] = [];
  for await (const page of paginateAdminListGroupsForUser(
    { client: cognito },
    { UserPoolId: userPoolId, Username: email },
  )) {
    for (const { GroupName } of page.Groups ?? []) {
      const group = groupSchema.safeParse(GroupName);
      if (group.success) groups.push(group.data);
    }
  }
  return groups;
}

/** Adds the account to the group (idempotent at Cognito: adding it twice changes nothing). */
export async function addToGroup({ cognito, userPoolId, email }: StaffAccount, group: Group): Promise<void> {
  await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }));
}

export async function removeFromGroup({ cognito, userPoolId, email }: StaffAccount, group: Group): Promise<void> {
  await cognito.send(
    new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: email, GroupName: group }),
  );
}

/** "members", "members and experts": groups in words. */
export const groupsInWords = (groups: readonly Group[]): string =>
  groups.length === 0 ? "no desk group" : groups.join(" and ");
