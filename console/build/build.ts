// `npm run console:build [-- --no-local-sign-in]`: the console into console/dist (the local build by default, with the
// local issuer's sign-in page; without it for a deployment, whose Cognito sign-in is still to come).
import { buildConsole, CONSOLE_DIST, ensureConsoleBuilt } from "../../infra/local/console.ts";

const args = process.argv.slice(2);
if (args.some((arg) => arg !== "--no-local-sign-in")) {
  console.error("Usage: npm run console:build [-- --no-local-sign-in]");
  process.exit(2);
}
if (args.includes("--no-local-sign-in")) {
  await buildConsole({ localSignIn: false });
  console.log(`built ${CONSOLE_DIST} without the local sign-in`);
} else {
  const { built, ms } = await ensureConsoleBuilt();
  console.log(built ? `built ${CONSOLE_DIST} in ${ms} ms` : `${CONSOLE_DIST} is current`);
}
