// `npm run console:build [-- --no-local-sign-in]`: the local build into console/dist (with the local issuer's sign-in
// page, what `npm start` serves), or the deployable build into console/dist-deploy (Cognito's managed login, what
// `cdk deploy` puts in the console's bucket; `cdk synth` builds it itself when its sources changed).
import { DEPLOYABLE_CONSOLE_DIR, ensureDeployableConsole } from "../../infra/console-site.ts";
import { CONSOLE_DIST, ensureConsoleBuilt } from "../../infra/local/console.ts";

const args = process.argv.slice(2);
if (args.some((arg) => arg !== "--no-local-sign-in")) {
  console.error("Usage: npm run console:build [-- --no-local-sign-in]");
  process.exit(2);
}
if (args.includes("--no-local-sign-in")) {
  const built = await ensureDeployableConsole();
  console.log(
    built ? `built ${DEPLOYABLE_CONSOLE_DIR} without the local sign-in` : `${DEPLOYABLE_CONSOLE_DIR} is current`,
  );
} else {
  const { built, ms } = await ensureConsoleBuilt();
  console.log(built ? `built ${CONSOLE_DIST} in ${ms} ms` : `${CONSOLE_DIST} is current`);
}
