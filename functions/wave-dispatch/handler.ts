// The wave-dispatch Lambda entry point (EventBridge Scheduler): dependencies from the environment, at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { waveDispatchDependencies } from "#shared/correspondence/dispatch-dependencies.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { programmeWaveZone } from "#shared/waves/programme-waves.ts";
import { programme } from "../../events/programme.ts";
import { createWaveDispatchHandler } from "./app.ts";

const config = readConfig();

const untraced = createWaveDispatchHandler({
  ...waveDispatchDependencies(config, deskDocumentClient(config), systemClock),
  zoneOf: (key) => programmeWaveZone(programme, key),
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
