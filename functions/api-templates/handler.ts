// The templates api Lambda (functions/api/groups.ts): dependencies from the environment, read once at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { createTemplatesHandler } from "../api/templates.ts";

const config = readConfig();

const untraced = createTemplatesHandler({
  doc: deskDocumentClient(config),
  tableNames: config.tableNames,
  clock: systemClock,
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
