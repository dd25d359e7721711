// `npm run console:build [-- --no-local-sign-in]`: the local build into console/dist (with the local issuer's sign-in
// page, what `npm start` serves), or the deployable build into console/dist-deploy (Cognito's managed login, what
// `cdk deploy` puts in the console's bucket; `cdk synth` builds it itself when its sources changed).
import { fileURLToPath } from "node:url";
import { CONSOLE_DIST, type ConsoleBuild, ensureConsoleBuilt } from "../../infra/local/console.ts";
import { shownPath } from "../../infra/local/prelude.ts";

/** The one line the command prints, built or not: a silent command reads as one that did nothing, or hung. */
export function buildReport(dist: string, { built, ms }: ConsoleBuild, variant = ""): string {
  const where = shownPath(dist);
  return built
    ? `console: built ${where}${variant} in ${(ms / 1000).toFixed(1)} s (no build there was from the current sources)`
    : `console: up to date (${where}, built from the current sources)`;
}

async function main(args: string[]): Promise<void> {
  if (args.some((arg) => arg !== "--no-local-sign-in")) {
    console.error("Usage: npm run console:build [-- --no-local-sign-in]");
    process.exit(2);
  }
  if (args.includes("--no-local-sign-in")) {
    // Only here: the CDK's modules take seconds to load, for the one build that needs them.
    const { DEPLOYABLE_CONSOLE_DIR, ensureDeployableConsole } = await import("../../infra/console-site.ts");
    const started = performance.now();
    const built = await ensureDeployableConsole();
    const ms = built ? Math.round(performance.now() - started) : 0;
    console.log(buildReport(DEPLOYABLE_CONSOLE_DIR, { built, ms }, " without the local sign-in"));
  } else {
    console.log(buildReport(CONSOLE_DIST, await ensureConsoleBuilt()));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.slice(2));
