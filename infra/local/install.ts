// `npm ci` / `npm install` (the root's postinstall): prepares what the first `npm start` would otherwise do on the two
// cores it needs for DynamoDB Local and the seed (ADR 0041): builds the console and the local stack's code (ADR 0044),
// and seeds an in-memory engine once so its JVM writes a class-data-sharing archive of the classes a start and its seed
// load. Nothing is downloaded. A step that fails is named and skipped: `npm start` builds the console and its code
// itself, and starts the JVM without an archive.
import { ensureConsoleBuilt } from "./console.ts";
import { startDynamoDbLocal } from "./dynamodb-local.ts";
import { ensureLocalBuild, LOCAL_START_ENTRY } from "./local-build.mjs";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const log = (line: string) => console.log(`desk-1540 install: ${line}`);
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

try {
  const build = await ensureConsoleBuilt(log);
  log(build.built ? `console built (${(build.ms / 1000).toFixed(1)} s)` : "console already built");
} catch (error) {
  log(`the console was not built (npm start will try again): ${reason(error)}`);
}

try {
  const build = await ensureLocalBuild(LOCAL_START_ENTRY);
  log(
    build.built
      ? `the local stack's code built (${(build.ms / 1000).toFixed(1)} s)`
      : "the local stack's code already built",
  );
} catch (error) {
  log(`the local stack's code was not built (npm start will try again): ${reason(error)}`);
}

try {
  const started = performance.now();
  const dynamo = await startDynamoDbLocal({ inMemory: true, classArchive: "make" });
  try {
    const [
      { createDocumentClient, createDynamoClient },
      { ensureTables },
      { localTableNames, REGION },
      { seedLocalDesk },
      { systemClock },
    ] = await Promise.all([
      import("../../shared/dynamo/client.ts"),
      import("../../shared/dynamo/ensure-tables.ts"),
      import("./stack.ts"),
      import("../../functions/seed/local.ts"),
      import("../../shared/clock.ts"),
    ]);
    const client = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
    const tableNames = localTableNames();
    await ensureTables(client, tableNames, { streams: false });
    await seedLocalDesk({ doc: createDocumentClient(client), tableNames, clock: systemClock });
    client.destroy();
  } finally {
    await dynamo.stop();
  }
  log(`DynamoDB Local's class archive made (${((performance.now() - started) / 1000).toFixed(1)} s)`);
} catch (error) {
  log(`DynamoDB Local's class archive was not made (npm start works without it): ${reason(error)}`);
}
