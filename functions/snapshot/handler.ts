// The snapshot Lambda entry point (EventBridge Scheduler, quarterly, America/New_York): dependencies from the environment.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { createSnapshotHandler } from "./app.ts";

const config = readConfig();
const doc = deskDocumentClient(config);

const untraced = createSnapshotHandler({
  ...snapshotDependencies(doc, config.tableNames, systemClock),
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
