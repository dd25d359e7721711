// The assistance-report Lambda entry point (EventBridge Scheduler, three times a year): dependencies from the environment.
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { assistanceReportHandlerFor } from "./bound.ts";

// Missing mail settings or SECRETARIAT_EMAIL fail the cold start, not the first report. Traced with X-Ray when the
// invocation is sampled (ADR 0018).
export const handler = tracer().handler(assistanceReportHandlerFor(readConfig()));
