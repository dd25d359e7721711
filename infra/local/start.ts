// `npm start`: brings up the local stack, prints where everything is, and stops it all on Ctrl-C. `npm start` runs it
// from its esbuild build (start.mjs, ADR 0044); `node --import tsx infra/local/start.ts` runs the same from source.
// Only Node's own modules and the prelude load before DynamoDB Local's JVM is spawned; the rest of the code (the
// stack, the seed, the console's build) loads while it boots (ADR 0030).
import {
  BusyPortsError,
  beginLocalStack,
  DEFAULT_DATA_DIR,
  envPrefix,
  localPortsFromEnv,
  shownPath,
} from "./prelude.ts";
import type { LocalStack } from "./stack.ts";

// The team runs Node 20 on purpose (see the design); the SDK's reminder about Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const USAGE =
  "Usage: npm start [-- --in-memory]   (ports: API_PORT, DYNAMODB_PORT, SES_PORT; data: LOCAL_DATA_DIR, default .local)";

const stamp = () => new Date().toISOString().slice(11, 19);
const log = (line: string) => console.log(`${stamp()} ${line}`);

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--in-memory");
if (unknown.length > 0) fail(`Unknown argument ${unknown.join(" ")}\n${USAGE}`, 2);
const inMemory = args.includes("--in-memory");

let ports: ReturnType<typeof localPortsFromEnv>;
try {
  ports = localPortsFromEnv();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error), 2);
}

const started = performance.now();
const options = {
  // Another folder than the repository's .local/: a second stack's data, or the bench's fresh first start.
  dataDir: process.env.LOCAL_DATA_DIR || DEFAULT_DATA_DIR,
  inMemory,
  apiPort: ports.api,
  dynamoPort: ports.dynamodb,
  sesPort: ports.ses,
  log,
};
const prelude = beginLocalStack(options);
// The console is built (only when its sources changed, in a low-priority child process) while the stack starts; its
// build starts first, as it needs no other module of the stack. The banner does not wait for it: when the build has
// not ended by then, the banner says so and a line says when it has (ADR 0037). A console that does not build leaves
// the API running.
let consoleReady = false;
const consoleBuilt = import("./console.ts")
  .then(({ ensureConsoleBuiltAside }) => ensureConsoleBuiltAside(log))
  .then((build) => {
    consoleReady = true;
    return build;
  });
consoleBuilt.catch(() => undefined);
const stackModule = import("./stack.ts");
const starting = (async () => {
  const begun = await prelude;
  try {
    const { startLocalStack } = await stackModule;
    return await startLocalStack({ ...options, prelude: begun });
  } catch (error) {
    // The stack stops what it started; what the prelude began before the stack loaded is stopped here.
    await begun.dynamo.then((dynamo) => dynamo.stop()).catch(() => undefined);
    begun.release();
    throw error;
  }
})();

// Listening from the first moment: a Ctrl-C during start-up still stops DynamoDB Local cleanly.
let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) {
    // A second Ctrl-C means now; the exit hook still kills DynamoDB Local.
    process.exit(130);
  }
  stopping = true;
  log(`${signal}: stopping`);
  // A start that fails has already stopped what it started, and reports below.
  const stack = await starting.catch(() => undefined);
  if (!stack) return;
  try {
    await stack.stop();
    log("stopped");
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

try {
  const stack = await starting;
  const { scheduleTable } = await import("./scheduler.ts");
  const consoleReadyAtBanner = consoleReady;
  if (!stopping) printBanner(stack, scheduleTable, Math.round(performance.now() - started));
  consoleBuilt.then(
    (build) => {
      if (!consoleReadyAtBanner) log(`console: built (${(build.ms / 1000).toFixed(1)} s), open ${stack.consoleUrl}`);
    },
    (error: unknown) => log(`the console did not build (the API runs without it): ${error}`),
  );
} catch (error) {
  if (error instanceof BusyPortsError) fail(error.message, 1);
  fail(`The local stack did not start: ${error instanceof Error ? error.message : String(error)}`, 1);
}

type ScheduleTable = typeof import("./scheduler.ts")["scheduleTable"];

function printBanner(s: LocalStack, scheduleTable: ScheduleTable, ms: number): void {
  const api = s.apiUrl;
  const where = s.dynamoDataDir ? `data in ${shownPath(s.dynamoDataDir)}/` : "in memory";
  // The token is signed with the data folder's key, so it must be asked of the same folder.
  const token = `${envPrefix({ dataDir: options.dataDir })}npm run -s token -- members`;
  const steps = Object.entries(s.timings)
    .map(([name, t]) => `${name} ${t} ms`)
    .join(", ");
  const lines = [
    "",
    `desk-1540 is running locally (started in ${(ms / 1000).toFixed(1)} s: ${steps})`,
    "",
    `  API            ${api}`,
    `  Console        ${s.consoleUrl}  (${consoleReady ? "sign in as secretariat, experts or members" : "being built: a line says when"})`,
    `  Health         ${api}/health`,
    `  API docs       ${api}/docs`,
    `  OpenAPI        ${api}/openapi.json`,
    `  DynamoDB       ${s.dynamoEndpoint}  (tables ${s.tableNames.desk}, ${s.tableNames.audit}; ${where})`,
    `  SES emulator   ${s.sesUrl}/  (sent mail as JSON: ${s.sesUrl}/store)`,
    `  Registry       ${s.seed.created} States added, ${s.seed.existing} already there`,
    "",
    "  A token (secretariat, experts or members; valid 12 h):",
    `    ${token}`,
    `    curl -H "Authorization: Bearer $(${token})" ${api}/states`,
    "",
    scheduleHeader(s),
    ...scheduleTable(s.runs()),
    "",
    "Ctrl-C stops everything.",
    "",
  ];
  console.log(lines.join("\n"));
}

function scheduleHeader(s: LocalStack): string {
  // The programme of work the reminders and letters follow: the current year's, adopted or a draft.
  const current = s.seed.programme;
  const status =
    current.rolledFrom === undefined ? current.status : `${current.status} rolled forward from ${current.rolledFrom}`;
  return (
    `  Schedules (programme ${current.year}, ${status}: GET /programme); ` +
    `fire one now with: ${s.fireCommand} <target> [json-input]`
  );
}
