// `npm run token -- <group>`: prints a local access token for that Cognito group, and nothing else, on stdout.
// `npm run token -- --stage <name>`: the same for a deployed stage you signed in to (infra/cli/token.ts).
import { groups, isGroup, issueToken, loadOrCreateJwtKeys } from "./jwt.ts";
import { DEFAULT_DATA_DIR, portVariables } from "./prelude.ts";

// The same directory as npm start's (LOCAL_DATA_DIR, else .local): a token signed with another directory's keys would
// not fit the stack it is for.
const DATA_DIR = process.env.LOCAL_DATA_DIR || DEFAULT_DATA_DIR;

// Long enough for a working day against the local stack; Cognito allows access tokens of up to a day.
const VALID_SECONDS = 12 * 3600;
// The example names the port the stack listens on here (API_PORT moves it, as for npm start).
const API_PORT = process.env[portVariables.api.name] || portVariables.api.fallback;
const USAGE = `Usage: npm run -s token -- <${groups.join("|")}> [username]
Prints a bearer token for the local API (valid 12 h). The desk names you by [username] (default local-<group>), which
the token carries in the e-mail claim, where a deployed stage's token carries your address. E.g.
  curl -H "Authorization: Bearer $(npm run -s token -- members)" http://127.0.0.1:${API_PORT}/states
For a deployed stage: npm run -s token -- --stage <name> (after npm run login -- --stage <name>)`;

const args = process.argv.slice(2);
if (args.some((arg) => arg === "--stage" || arg.startsWith("--stage="))) {
  const { main } = await import("../cli/token.ts");
  try {
    process.exit(await main(args));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

const [group, username, ...extra] = args;
if (!group || !isGroup(group) || extra.length > 0 || (username !== undefined && !/^[\w.@+-]{1,128}$/.test(username))) {
  if (group && !isGroup(group)) console.error(`Unknown group "${group}".`);
  console.error(USAGE);
  process.exit(2);
}

const keys = await loadOrCreateJwtKeys(DATA_DIR);
process.stdout.write(`${await issueToken(keys, { group, username, expiresInSeconds: VALID_SECONDS })}\n`);
