// `npm run users -- invite <email> --group <group> --stage <name>`: creates a staff account in the stage's user pool
// (Cognito e-mails a temporary password) and puts it in one group. Runs with the operator's AWS credentials.

import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { groupSchema } from "../../shared/auth/actor.ts";
import { readStageConfig } from "./stage-config.ts";

export const USERS_USAGE = `Usage: npm run users -- invite <email> --group <${groupSchema.options.join("|")}> --stage <name>

Creates a staff account on a deployed stage and puts it in one group. Cognito e-mails the person a temporary password
(valid 3 days); at first sign-in (npm run login -- --stage <name>) they choose a password and enrol an authenticator app.

  invite <email>     the person's e-mail address, which is also their sign-in name
  --group <group>    secretariat, experts or members (what the API lets them do)
  --stage <name>     the stage (its outputs file: stages/<name>.json, written by cdk deploy)
  --help             this text

Needs AWS credentials allowed cognito-idp:AdminCreateUser and AdminAddUserToGroup on the stage's user pool.
`;

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
  const problems = [
    command !== "invite" && `unknown command "${command}" (only invite)`,
    !(email && EMAIL.test(email)) && `"${email ?? ""}" is not an e-mail address`,
    !group.success && `--group must be one of ${groupSchema.options.join(", ")}`,
    !values.stage && "--stage is missing",
    extra.length > 0 && `unexpected ${extra.join(" ")}`,
  ].filter((problem): problem is string => typeof problem === "string");
  if (problems.length > 0 || !email || !group.success || !values.stage) {
    process.stderr.write(`${problems.join("; ")}\n\n${USERS_USAGE}`);
    return 2;
  }
  const config = await readStageConfig(values.stage);
  const cognito = new CognitoIdentityProviderClient({ region: config.region });
  try {
    await cognito.send(
      new AdminCreateUserCommand({
        UserPoolId: config.userPoolId,
        Username: email,
        UserAttributes: [
          { Name: "email", Value: email },
          // The invitation reaches this address, which proves it; recovery codes go there too.
          { Name: "email_verified", Value: "true" },
        ],
        DesiredDeliveryMediums: ["EMAIL"],
      }),
    );
  } catch (error) {
    if (error instanceof UsernameExistsException) {
      process.stderr.write(`${email} already has an account on ${config.stage}; nothing changed.\n`);
      return 1;
    }
    throw error;
  }
  await cognito.send(
    new AdminAddUserToGroupCommand({ UserPoolId: config.userPoolId, Username: email, GroupName: group.data }),
  );
  process.stdout.write(
    `Invited ${email} to ${config.stage} in the ${group.data} group; Cognito has e-mailed a temporary password.\n`,
  );
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
