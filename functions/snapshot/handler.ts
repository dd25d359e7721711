// The snapshot Lambda entry point (EventBridge Scheduler, quarterly, America/New_York): dependencies from the environment.
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { snapshotHandlerFor } from "./bound.ts";

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(snapshotHandlerFor(readConfig()));
