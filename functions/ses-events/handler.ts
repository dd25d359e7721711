// The ses-events Lambda entry point (EventBridge rule on the configuration set's SES events): dependencies from the
// environment, at cold start.
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { sesEventsHandlerFor } from "./bound.ts";

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(sesEventsHandlerFor(readConfig()));
