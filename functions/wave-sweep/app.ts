// The wave-sweep Lambda as a function of its dependencies: its schedule fires it every quarter of an hour with {}; it
// resumes every wave stuck in dispatching, hands back the stale claims of waves halted lately and fails the letters a
// crash left queued there, puts back on their way the letters sent again that a crash stranded on a completed or
// halted wave, and reports the scheduled waves whose send time passed unsent.
import type { Logger } from "@aws-lambda-powertools/logger";
import * as z from "zod";
import { Invalid } from "#shared/errors.ts";
import {
  MISSED_WAVE_WARNING,
  SWEPT_LETTERS_FAILED_WARNING,
  type SweepResult,
  sweepWaves,
} from "#shared/waves/sweep.ts";
import type { WaveDispatchDependencies } from "#shared/waves/waves.ts";

export const waveSweepEventSchema = z.strictObject({});

export interface WaveSweepHandlerDependencies extends WaveDispatchDependencies {
  logger: Pick<Logger, "info" | "warn">;
  /** How long a wave may be dispatching before it is swept; STUCK_AFTER_MS unless a test says otherwise. */
  stuckAfterMs?: number;
}

export function createWaveSweepHandler(deps: WaveSweepHandlerDependencies) {
  const sweep = sweepWaves(deps, deps.stuckAfterMs);
  return async (event: unknown): Promise<SweepResult> => {
    const parsed = waveSweepEventSchema.safeParse(event);
    if (!parsed.success) {
      // A schedule built wrong: failing makes the retries, the dead-letter queue and the errors alarm report it.
      throw new Invalid(
        "The sweep's input is not valid",
        parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      );
    }
    const result = await sweep();
    for (const resumed of result.resumed) deps.logger.info("wave resumed", { ...resumed.summary, ...resumed });
    for (const halted of result.halted) {
      deps.logger.info("halted wave swept", halted);
      if (halted.queuedFailed > 0) {
        deps.logger.warn(SWEPT_LETTERS_FAILED_WARNING, { waveId: halted.waveId, failed: halted.queuedFailed });
      }
    }
    for (const resent of result.resent) deps.logger.info("letters sent again put back on their way", resent);
    for (const marked of result.reports.marked)
      deps.logger.info("contact marked: SES report half applied", { ...marked });
    for (const waveId of result.reports.halted) deps.logger.info("wave halted: SES report half applied", { waveId });
    for (const missed of result.missed) {
      deps.logger.warn(MISSED_WAVE_WARNING, {
        ...missed,
        hint: `POST /waves/${missed.waveId}/redispatch sends it now, if it should still go`,
      });
    }
    // The other waves were resumed; the failed ones make the run fail, so its errors alarm tells the operators.
    const failures = [
      ...(result.reconciliationFailed === undefined
        ? []
        : [`the reconciliation of SES reports: ${result.reconciliationFailed}`]),
      ...(result.resumptionFailed === undefined
        ? []
        : [`the resumption of the dispatching waves: ${result.resumptionFailed}`]),
      ...result.failed.map(({ waveId, error }) => `wave ${waveId}: ${error}`),
    ];
    if (failures.length > 0) throw new Error(`The sweep failed on ${failures.join("; ")}`);
    return result;
  };
}
