// `npm run users -- invite|move <email> --group <group> --stage <name>`: creates a staff account in the stage's user
// pool (Cognito e-mails a temporary password) in one group, or moves an account to another group; `reset-mfa <email>`
// resets a lost authenticator. Each command can be run again: it finishes what a run stopped halfway left (invite also
// sends an unused invitation again), and says what it did. Runs with the operator's credentials.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  CognitoIdentityProviderClient,
  UserNotFoundException,
  type UserStatusType,
} from "@aws-sdk/client-cognito-identity-provider";
import { type Group, groupSchema } from "../../shared/auth/actor.ts";
import { TEMPORARY_PASSWORD_DAYS } from "../invitation-validity.ts";
import { authenticatorOf, resetAuthenticator } from "./staff-authenticators.ts";
import { addToGroup, deskGroupsOf, groupsInWords, removeFromGroup, type StaffAccount } from "./staff-groups.ts";
import { createInvited, sendInvitationAgain, standingOf } from "./staff-invitations.ts";
import { readStageConfig, type StageConfig } from "./stage-config.ts";

const GROUPS = groupSchema.options.join("|");

export const USERS_USAGE = `Usage: npm run users -- invite <email> --group <${GROUPS}> --stage <name>
       npm run users -- move <email> --group <${GROUPS}> --stage <name>
       npm run users -- reset-mfa <email> --stage <name>

Creates a staff account on a deployed stage and puts it in one group, or moves an account to another group. Cognito
e-mails a new person a temporary password (valid ${TEMPORARY_PASSWORD_DAYS} days); at first sign-in
(npm run login -- --stage <name>) they choose a password and enrol an authenticator app.

  invite <email>     create the account (the e-mail address is also the sign-in name) in the group; run again for an
                     account in no group (a first run stopped halfway), it adds it to the group; an account already in
                     another group is refused: move it. Run again for a person who has not signed in yet (their
                     temporary password may have expired), it sends the invitation again with a new temporary
                     password; never to an account in use or a disabled one
  move <email>       put an existing account in this group alone: out of its other desk groups first, then in this one
                     (a person in two groups acts with the widest); tokens issued before keep the old group until they
                     expire, an hour at most
  reset-mfa <email>  for a person who lost their authenticator app: signs them out everywhere (their sessions end),
                     then removes the app from the account; at their next sign-in, with their password, they enrol a
                     new one. Check who is asking first: the password alone then opens the account until they do
  --group <group>    secretariat, experts or members (what the API lets them do)
  --stage <name>     the stage (its outputs file: stages/<name>.json, written by cdk deploy)
  --help             this text

Needs AWS credentials allowed cognito-idp:AdminCreateUser (which also sends an invitation again), AdminGetUser,
AdminListGroupsForUser, AdminAddUserToGroup and AdminRemoveUserFromGroup on the stage's user pool; reset-mfa needs
AdminGetUser, AdminUserGlobalSignOut and AdminDeleteSoftwareToken.
`;

const COMMANDS = ["invite", "move", "reset-mfa"] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (value: string): value is Command => COMMANDS.some((command) => command === value);

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { group: { type: "string" }, stage: { type: "string" }, help: { type: "boolean" } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    process.stdout.write(USERS_USAGE);
    return 0;
  }
  const [command, email, ...extra] = positionals;
  if (command === undefined) {
    process.stderr.write(`No command given\n\n${USERS_USAGE}`);
    return 2;
  }
  const group = groupSchema.safeParse(values.group);
  const takesGroup = command !== "reset-mfa";
  const problems = [
    !isCommand(command) && `unknown command "${command}" (invite, move or reset-mfa)`,
    !(email && EMAIL.test(email)) && `"${email ?? ""}" is not an e-mail address`,
    takesGroup && !group.success && `--group must be one of ${groupSchema.options.join(", ")}`,
    !takesGroup && values.group !== undefined && "reset-mfa takes no --group (the account keeps its group)",
    !values.stage && "--stage is missing",
    extra.length > 0 && `unexpected ${extra.join(" ")}`,
  ].filter((problem): problem is string => typeof problem === "string");
  if (problems.length > 0 || !isCommand(command) || !email || !values.stage) {
    process.stderr.write(`${problems.join("; ")}\n\n${USERS_USAGE}`);
    return 2;
  }
  const config = await readStageConfig(values.stage);
  const account: StaffAccount = {
    cognito: new CognitoIdentityProviderClient({ region: config.region }),
    userPoolId: config.userPoolId,
    email,
  };
  if (command === "reset-mfa") return resetMfa(account, config);
  // invite and move: their --group was checked with the rest above.
  const chosen = groupSchema.parse(values.group);
  return command === "invite" ? invite(account, chosen, config) : move(account, chosen, config);
}

async function invite(account: StaffAccount, group: Group, config: StageConfig): Promise<number> {
  const { email } = account;
  if ((await createInvited(account)) === "exists") return inviteExisting(account, group, config);
  await finishing(
    () => addToGroup(account, group),
    `${email}'s account was created but is in no group yet`,
    commandLine("invite", account, group, config),
  );
  process.stdout.write(
    `Invited ${email} to ${config.stage} in the ${group} group; Cognito has e-mailed a temporary password.\n`,
  );
  return 0;
}

/**
 * Invited again: completes an account left in no group, never widens or changes one already in a desk group, then
 * sends the invitation again to a person who has not signed in yet (their temporary password may have expired).
 */
async function inviteExisting(account: StaffAccount, group: Group, config: StageConfig): Promise<number> {
  const { email } = account;
  const standing = await standingOf(account);
  if (!standing.enabled) {
    process.stderr.write(
      `${email} already has an account on ${config.stage}, but it is disabled; nothing changed and no invitation ` +
        "sent. If they should have access again, enable it, then run this command again:\n" +
        `  aws cognito-idp admin-enable-user --user-pool-id ${config.userPoolId} --username ${email} ` +
        `--region ${config.region}\n`,
    );
    return 1;
  }
  const groups = await deskGroupsOf(account);
  const others = groups.filter((other) => other !== group);
  if (others.length > 0) {
    process.stderr.write(
      `${email} already has an account on ${config.stage}, in ${groupsInWords(groups)}; nothing changed. A person in ` +
        `two groups acts with the widest, so invite adds no second group. To put them in ${group} alone:\n` +
        `  ${commandLine("move", account, group, config)}\n`,
    );
    return 1;
  }
  let groupStep = `${email} already has an account on ${config.stage}, already in ${group}`;
  if (!groups.includes(group)) {
    await addToGroup(account, group);
    groupStep = `${email} already had an account on ${config.stage}, in no desk group: added to ${group}`;
  }
  const sent =
    standing.status === "FORCE_CHANGE_PASSWORD" &&
    (await finishing(
      () => sendInvitationAgain(account),
      `${groupStep}, but the invitation was not sent again`,
      commandLine("invite", account, group, config),
    ));
  process.stdout.write(
    sent
      ? `${groupStep}. They had not signed in yet: invitation sent again: a new temporary password, valid ` +
          `${TEMPORARY_PASSWORD_DAYS} days (the one e-mailed before no longer works).\n`
      : `${groupStep}; no invitation sent: ${whyNotInvitedAgain(standing.status)}.\n`,
  );
  return 0;
}

/** Why an enabled account in its group gets no invitation again, and what the person does instead. */
function whyNotInvitedAgain(status: UserStatusType | undefined): string {
  // Read as FORCE_CHANGE_PASSWORD but refused by Cognito: the person signed in meanwhile.
  if (status === "CONFIRMED" || status === "FORCE_CHANGE_PASSWORD") {
    return "the account is in use (they have signed in and chosen a password)";
  }
  if (status === "RESET_REQUIRED") {
    return 'they must choose a new password: at sign-in, "Forgot your password?" e-mails them a code';
  }
  return `the account's status is ${status ?? "unknown"}; only an account that has never signed in is invited again`;
}

/**
 * Out of the other desk groups first, then into the new one: stopped between the two, the account is in no group
 * (refused everywhere until the command is run again), never left holding the wider group it was moved out of.
 */
async function move(account: StaffAccount, group: Group, config: StageConfig): Promise<number> {
  const { email } = account;
  let groups: Group[];
  try {
    groups = await deskGroupsOf(account);
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    process.stderr.write(
      `${email} has no account on ${config.stage}; nothing changed. To create one:\n` +
        `  ${commandLine("invite", account, group, config)}\n`,
    );
    return 1;
  }
  const others = groups.filter((other) => other !== group);
  if (others.length === 0 && groups.includes(group)) {
    process.stdout.write(`${email} is already in ${group} alone on ${config.stage}; nothing changed.\n`);
    return 0;
  }
  await finishing(
    async () => {
      for (const other of others) await removeFromGroup(account, other);
      if (!groups.includes(group)) await addToGroup(account, group);
    },
    `The move of ${email} stopped halfway`,
    commandLine("move", account, group, config),
  );
  process.stdout.write(
    `Moved ${email} on ${config.stage} from ${groupsInWords(others)} to ${group}.` +
      (others.length > 0
        ? ` Access tokens issued before keep ${groupsInWords(others)} until they expire (an hour at most); the next` +
          " sign-in or refresh carries the new group.\n"
        : "\n"),
  );
  return 0;
}

/** A lost authenticator: the person signed out everywhere, the app removed; they enrol a new one at next sign-in. */
async function resetMfa(account: StaffAccount, config: StageConfig): Promise<number> {
  const { email } = account;
  let standing: Awaited<ReturnType<typeof authenticatorOf>>;
  try {
    standing = await authenticatorOf(account);
  } catch (error) {
    if (!(error instanceof UserNotFoundException)) throw error;
    process.stderr.write(`${email} has no account on ${config.stage}; nothing changed.\n`);
    return 1;
  }
  if (!standing.enabled) {
    process.stderr.write(
      `${email}'s account on ${config.stage} is disabled; nothing changed. Enable it first if they should have ` +
        "access again, then run this command again.\n",
    );
    return 1;
  }
  await finishing(
    () => resetAuthenticator(account, standing.registered),
    `The reset of ${email}'s authenticator stopped halfway`,
    `npm run users -- reset-mfa ${email} --stage ${config.stage}`,
  );
  process.stdout.write(
    `${email} is signed out everywhere on ${config.stage}` +
      (standing.registered ? " and their authenticator app is removed" : "; no authenticator app was registered") +
      ". At their next sign-in, after their password, they enrol a new one. Access tokens issued before stay valid " +
      "until they expire (an hour at most).\n",
  );
  return 0;
}

/** Runs the changes; a failure says where it stopped and that the same command, run again, finishes it. */
async function finishing<T>(change: () => Promise<T>, stopped: string, sameCommand: string): Promise<T> {
  try {
    return await change();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${stopped} (${reason}). Run the same command again to finish it:\n  ${sameCommand}`);
  }
}

const commandLine = (command: Command, account: StaffAccount, group: Group, config: StageConfig): string =>
  `npm run users -- ${command} ${account.email} --group ${group} --stage ${config.stage}`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
