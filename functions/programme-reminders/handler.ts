// The programme-reminders Lambda entry point (EventBridge Scheduler, daily): dependencies from the environment.
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { programmeRemindersHandlerFor } from "./bound.ts";

// Missing mail settings or SECRETARIAT_EMAIL fail the cold start, not the first reminder. Traced with X-Ray when the
// invocation is sampled (ADR 0018).
export const handler = tracer().handler(programmeRemindersHandlerFor(readConfig()));
