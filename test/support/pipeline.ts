// The send pipeline as the integration tests run it: fresh tables seeded with the registry and the demo submissions,
// the stores wired as wave-dispatch wires them, and the Lambdas' own apps (wave-dispatch, wave-send) on the
// in-process queue, with a paced sender and metrics kept in memory.

import { type AssistanceRepository, assistanceRepository } from "#shared/assistance/repository.ts";
import type { fixedClock } from "#shared/clock.ts";
import { haltedReasonOf } from "#shared/correspondence/bounce-guard.ts";
import { type WaveDispatchStores, waveDispatchStores } from "#shared/correspondence/dispatch-dependencies.ts";
import { memoryQueue } from "#shared/correspondence/memory-queue.ts";
import { tokenBucket } from "#shared/correspondence/pacing.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import { createWaveDispatchHandler } from "../../functions/wave-dispatch/app.ts";
import { createWaveSendHandler } from "../../functions/wave-send/app.ts";
import { invocation, sqsEvent } from "../../infra/local/wave-runner.ts";
import { freshTables } from "../integration/fresh-tables.ts";
import { recordedMetrics } from "./send-metrics.ts";

type TestClock = ReturnType<typeof fixedClock>;

/** A logger that keeps quiet: the apps log every batch. */
export const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The dispatch stores, with the whole assistance repository: a test makes the requests the audiences read. */
export type SeededStores = WaveDispatchStores & { assistance: AssistanceRepository };

/** Fresh tables with the 193 States and the demo submissions, and the dispatch stores on them. */
export async function seededStores(clock: TestClock) {
  const setup = await freshTables();
  await seedRegistry(setup.doc, setup.tableNames, clock);
  await seedDemoSubmissions(setup.doc, setup.tableNames, clock);
  const deps: SeededStores = {
    ...waveDispatchStores(setup.doc, setup.tableNames, clock),
    assistance: assistanceRepository(setup.doc, setup.tableNames, clock),
  };
  return { setup, deps };
}

export interface PipelineOptions {
  clock: TestClock;
  mailer: Mailer;
  /** The sender's pace; the SES sandbox's 14 a second by default. */
  maxPerSecond?: number;
  /** The programme wave's time zone dispatch reads; New York's by default. */
  zone?: string;
}

/**
 * wave-dispatch and wave-send on one in-process queue: `dispatch` fires the dispatch app, `drain` sends every batch
 * through the sender. Time passes on the test's clock (pacing and retries advance it, nothing sleeps).
 */
export function pipelineLambdas(deps: WaveDispatchStores, options: PipelineOptions) {
  const { clock, mailer, maxPerSecond = 14, zone = "America/New_York" } = options;
  const advance = async (ms: number) => clock.advance(ms);
  const queue = memoryQueue({ clock, sleep: advance });
  const dispatch = createWaveDispatchHandler({ ...deps, queue, zoneOf: () => zone, logger: quiet });
  const { metrics, sink } = recordedMetrics();
  const send = createWaveSendHandler({
    send: {
      ledger: deps.ledger,
      mailer,
      pacer: tokenBucket({ maxPerSecond, clock, sleep: advance }),
      clock,
      haltedReason: haltedReasonOf(deps.waves),
    },
    waves: deps,
    logger: quiet,
    metrics: sink,
  });
  return {
    queue,
    metrics,
    dispatch,
    drain: () => queue.drain((records) => send(sqsEvent(records), invocation())),
  };
}
