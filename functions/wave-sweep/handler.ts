// The wave-sweep Lambda entry point (EventBridge Scheduler, every 15 minutes): dependencies from the environment, at
// cold start; wired as wave-dispatch is (shared/correspondence/dispatch-dependencies.ts), since it dispatches again.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { waveDispatchDependencies } from "#shared/correspondence/dispatch-dependencies.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { createWaveSweepHandler } from "./app.ts";

const config = readConfig();

const untraced = createWaveSweepHandler({
  ...waveDispatchDependencies(config, deskDocumentClient(config), systemClock),
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
