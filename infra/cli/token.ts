// `npm run -s token -- --stage <name>`: prints a valid access token for a deployed stage, and nothing else, on stdout;
// refreshes it first when it has expired. (Without --stage, infra/local/token.ts mints a local one.)
import { parseArgs } from "node:util";
import { readStageConfig } from "./stage-config.ts";
import { validAccessToken } from "./token-store.ts";

export const STAGE_TOKEN_USAGE = `Usage: npm run -s token -- --stage <name>
Prints a valid access token for the stage you signed in to with npm run login (refreshed when needed), e.g.
  curl -H "Authorization: Bearer $(npm run -s token -- --stage staging)" <ApiUrl>/states
`;

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { stage: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(STAGE_TOKEN_USAGE);
    return 0;
  }
  if (!values.stage) {
    process.stderr.write(STAGE_TOKEN_USAGE);
    return 2;
  }
  const config = await readStageConfig(values.stage);
  process.stdout.write(`${await validAccessToken(config, new Date())}\n`);
  return 0;
}
