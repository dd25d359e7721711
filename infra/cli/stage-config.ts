// What the terminal commands (login, token, users; ops) know of a deployed stage: the outputs `cdk deploy` wrote with
// `--outputs-file stages/<stage>.json` (docs/operations.md, "First deploy"). No AWS call is needed to read them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as z from "zod";

/** Where the deploy's outputs files are: `stages/` at the repository root, or DESK_STAGES_DIR. */
export function stagesDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DESK_STAGES_DIR || fileURLToPath(new URL("../../stages/", import.meta.url));
}

/** The outputs of the stage's stateless stack that the commands use (infra/sign-in.ts, infra/stateless-stack.ts). */
const statelessOutputsSchema = z.object({
  Region: z.string().min(1),
  UserPoolId: z.string().min(1),
  UserPoolClientId: z.string().min(1),
  LoginDomainUrl: z.url(),
  LoginRedirectUri: z.url(),
  ApiScope: z.string().min(1),
  ApiUrl: z.url().optional(),
});

export interface StageConfig {
  stage: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** The managed login's base URL: /oauth2/authorize and /oauth2/token are under it. */
  loginDomainUrl: string;
  redirectUri: string;
  apiScope: string;
  apiUrl?: string;
}

export const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;

/** The stage's configuration from its outputs file; a missing or incomplete file says how to make it. */
export async function readStageConfig(stage: string, env: NodeJS.ProcessEnv = process.env): Promise<StageConfig> {
  if (!STAGE_NAME.test(stage)) throw new Error(`"${stage}" is not a stage name (lowercase letters, digits, dashes)`);
  const file = path.join(stagesDir(env), `${stage}.json`);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new Error(
      `No outputs for stage "${stage}" at ${file}. Deploy writes them: ` +
        `npx cdk deploy --all -c stage=${stage} ... --outputs-file stages/${stage}.json (docs/operations.md)`,
    );
  }
  const stacks = z.record(z.string(), z.record(z.string(), z.string())).parse(JSON.parse(text));
  const stackName = `Desk1540-${stage}-Stateless`;
  const outputs = statelessOutputsSchema.safeParse(stacks[stackName]);
  if (!outputs.success) {
    throw new Error(`${file} has no complete outputs of ${stackName}: ${z.prettifyError(outputs.error)}`);
  }
  const o = outputs.data;
  return {
    stage,
    region: o.Region,
    userPoolId: o.UserPoolId,
    clientId: o.UserPoolClientId,
    loginDomainUrl: o.LoginDomainUrl.replace(/\/+$/, ""),
    redirectUri: o.LoginRedirectUri,
    apiScope: o.ApiScope,
    ...(o.ApiUrl ? { apiUrl: o.ApiUrl } : {}),
  };
}
