// `npm run login -- --stage <name>`: signs a person in to a deployed stage from a terminal. The browser shows Cognito's
// managed login (password, then the authenticator code); it redirects to a listener on localhost, which takes the code,
// and this process exchanges it with its PKCE verifier. The tokens are kept for `npm run -s token -- --stage <name>`.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { authorizeUrl, exchangeCode, newPkce, unverifiedClaims } from "./oauth.ts";
import { readStageConfig } from "./stage-config.ts";
import { saveTokens, tokenFile, toStored } from "./token-store.ts";

export const LOGIN_USAGE = `Usage: npm run login -- --stage <name> [--no-browser]

Signs you in to a deployed stage of the desk and keeps your tokens for it.

  --stage <name>   the stage to sign in to (its outputs file: stages/<name>.json, written by cdk deploy)
  --no-browser     print the sign-in address instead of opening a browser
  --help           this text

Your browser opens Cognito's sign-in page: your e-mail, your password (the temporary one from the invitation at first,
then one you choose), and the code of your authenticator app (you enrol one at first sign-in). The page then hands
back to this terminal on http://localhost:15400; your tokens are stored in ~/.config/desk-1540/<name>.json, readable
by you only. Afterwards:

  curl -H "Authorization: Bearer $(npm run -s token -- --stage <name>)" <ApiUrl>/states
`;

/** How long the terminal waits for the browser to come back. */
const WAIT_MS = 5 * 60_000;

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  // Best effort: the address is printed as well.
  const child = spawn(command, args, { stdio: "ignore", detached: true });
  child.on("error", () => {});
  child.unref();
}

/** Listens on the redirect URI until the browser arrives with this sign-in's state; answers the code. */
function waitForCode(redirectUri: string, state: string): Promise<string> {
  const redirect = new URL(redirectUri);
  return new Promise((resolve, reject) => {
    const finish = (outcome: { code: string } | { error: Error }) => {
      clearTimeout(timer);
      server.close();
      server.closeAllConnections();
      if ("code" in outcome) resolve(outcome.code);
      else reject(outcome.error);
    };
    const server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", redirect);
      if (url.pathname !== redirect.pathname) {
        response.writeHead(404).end();
        return;
      }
      const error = url.searchParams.get("error");
      const code = url.searchParams.get("code");
      const page = (status: number, text: string) =>
        response.writeHead(status, { "content-type": "text/plain; charset=utf-8" }).end(`${text}\n`);
      // Another page's redirect (or an old tab) must not complete this sign-in.
      if (url.searchParams.get("state") !== state) {
        page(400, "This sign-in was not started by the waiting terminal. Run npm run login again.");
        return;
      }
      if (error || !code) {
        page(400, `Sign-in failed: ${error ?? "no code"}. See the terminal.`);
        finish({
          error: new Error(`Sign-in failed: ${url.searchParams.get("error_description") ?? error ?? "no code"}`),
        });
        return;
      }
      page(200, "Signed in to the 1540 desk. You can close this tab and go back to the terminal.");
      finish({ code });
    });
    const timer = setTimeout(
      () => finish({ error: new Error(`No sign-in within ${WAIT_MS / 60_000} minutes`) }),
      WAIT_MS,
    );
    server.on("error", (error) => finish({ error: new Error(`Cannot listen on ${redirect.host}: ${error.message}`) }));
    server.listen(Number(redirect.port || 80), redirect.hostname);
  });
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { stage: { type: "string" }, "no-browser": { type: "boolean" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(LOGIN_USAGE);
    return 0;
  }
  if (!values.stage) {
    process.stderr.write(LOGIN_USAGE);
    return 2;
  }
  const config = await readStageConfig(values.stage);
  const pkce = newPkce();
  const state = randomBytes(16).toString("base64url");
  const code = waitForCode(config.redirectUri, state);
  const url = authorizeUrl(config, pkce, state);
  process.stderr.write(`Sign in to ${config.stage} in your browser:\n${url}\n`);
  if (!values["no-browser"]) openBrowser(url);
  const tokens = toStored(await exchangeCode(config, await code, pkce.verifier), new Date());
  const file = tokenFile(config.stage);
  await saveTokens(file, tokens);
  const who = unverifiedClaims(tokens.idToken).email ?? "you";
  process.stderr.write(`Signed in to ${config.stage} as ${String(who)}; tokens kept in ${file}.\n`);
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
