// The wave-dispatch Lambda entry point (EventBridge Scheduler): dependencies from the environment, at cold start.
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { waveDispatchDependencies } from "#shared/correspondence/dispatch-dependencies.ts";
import { lazy } from "#shared/lazy.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { programmeSchema } from "#shared/schedules/schema.ts";
import { programmeWaveZone } from "#shared/waves/programme-waves.ts";
import programmeJson from "../../events/programme.json" with { type: "json" };
import { createWaveDispatchHandler } from "./app.ts";

const config = readConfig();

/**
 * The programme's timetable, validated on the first programme wave rather than at import (events/programme.ts
 * validates it on load): the validation took 42 ms of a 140 ms cold start (ADR 0029), and a wave's own schedule never
 * needs it. A bad programme.json still fails `cdk synth`, which loads events/programme.ts.
 */
const programme = lazy(() => programmeSchema.parse(programmeJson));

const doc = deskDocumentClient(config);

const untraced = createWaveDispatchHandler({
  ...waveDispatchDependencies(config, doc, systemClock),
  // Read in a programme firing only: the year's own values for its letter (letters[].values).
  programmes: dynamoProgrammeStore(doc, config.tableNames, systemClock),
  zoneOf: (key) => programmeWaveZone(programme(), key),
  logger: functionLogger(),
});

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(untraced);
