// The snapshot function bound to a configuration: the Lambda's entry point binds it to its environment at cold start,
// the local stack to its own tables and endpoints (infra/local/targets.ts), without reading the process's environment.
import type { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import type { DeskConfig } from "#shared/config.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import { createSnapshotHandler } from "./app.ts";

export function snapshotHandlerFor(config: DeskConfig, logger: Logger = functionLogger()) {
  return createSnapshotHandler({
    ...snapshotDependencies(deskDocumentClient(config), config.tableNames, systemClock),
    logger,
  });
}
