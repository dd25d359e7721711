// The wave-dispatch Lambda as a function of its dependencies: a wave's one-time schedule ({ waveId }) or a programme
// schedule ({ programmeWave }) fires it; it writes the ledger and puts the keys on the send queue. A resend's schedule
// ({ waveId, enqueueResent: true }) only puts the wave's letters sent again on the queue.
import type { Logger } from "@aws-lambda-powertools/logger";
import * as z from "zod";
import { systemActor } from "#shared/auth/actor.ts";
import { waveIdSchema } from "#shared/correspondence/schemas.ts";
import { IllegalTransition, Invalid } from "#shared/errors.ts";
import { programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import { fireProgrammeWave, type ProgrammeWaveDependencies } from "#shared/waves/programme-waves.ts";
import { resumeWave } from "#shared/waves/sweep.ts";
import { enqueueResent } from "#shared/waves/waves.ts";

export const waveDispatchEventSchema = z.union([
  z.strictObject({ waveId: waveIdSchema }),
  // A resend's schedule (POST /waves/{id}/messages/{recipient}/resend from an api without a queue).
  z.strictObject({ waveId: waveIdSchema, enqueueResent: z.literal(true) }),
  programmeWaveInputSchema,
]);
export type WaveDispatchEvent = z.infer<typeof waveDispatchEventSchema>;

export interface WaveDispatchHandlerDependencies extends ProgrammeWaveDependencies {
  /** The time zone of the programme schedule that fires a programme wave's key. */
  zoneOf: (key: string) => string;
  logger: Pick<Logger, "info" | "warn">;
}

export function createWaveDispatchHandler(deps: WaveDispatchHandlerDependencies) {
  // A wave's schedule, and a redispatch request's, resume it: dispatch, stale claims handed back, completed when final.
  const dispatchOne = resumeWave(deps);
  const fireProgramme = fireProgrammeWave(deps);
  const enqueueResentLetters = enqueueResent(deps);
  return async (event: unknown) => {
    const parsed = waveDispatchEventSchema.safeParse(event);
    if (!parsed.success) {
      // A schedule built wrong: failing makes the scheduler's retries and dead-letter queue report it.
      throw new Invalid(
        "The schedule's input is not valid",
        parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
      );
    }
    const input = parsed.data;
    try {
      if ("enqueueResent" in input) {
        const { enqueued, refused } = await enqueueResentLetters(input.waveId);
        // A wave past its notAfter: its resent letters stay queued, and dispatch's deadline expiry is theirs; no retry
        // would change that. A halted wave's are enqueued (ADR 0062).
        if (refused) deps.logger.warn("resent letters not enqueued", { waveId: input.waveId, reason: refused });
        else deps.logger.info("resent letters enqueued", { waveId: input.waveId, enqueued });
        return { waveId: input.waveId, enqueued, ...(refused ? { refused } : {}) };
      }
      if ("waveId" in input) {
        const { status, summary, staleClaims, haltReason } = await dispatchOne(input.waveId, {
          actor: systemActor("wave-dispatch"),
        });
        // A halt is an answer, not a failure (a retry finds the wave halted), but someone has to act on it.
        if (haltReason) deps.logger.warn("wave halted", { waveId: input.waveId, reason: haltReason });
        else deps.logger.info("wave dispatched", { ...summary, status, staleClaims });
        return { waveId: input.waveId, status, summary };
      }
      const { programmeWave } = input;
      const { wave, created, summary } = await fireProgramme(programmeWave, deps.zoneOf(programmeWave.key));
      const fired = { key: programmeWave.key, created, status: wave.value.status, summary };
      if (wave.value.haltReason) deps.logger.warn("programme wave halted", { ...fired, reason: wave.value.haltReason });
      else deps.logger.info("programme wave fired", fired);
      return { waveId: wave.value.id, status: wave.value.status, created, summary };
    } catch (error) {
      // A cancelled (or ended) wave whose schedule still fired: the refusal is the answer, and no retry changes it.
      if (error instanceof IllegalTransition) {
        deps.logger.warn("wave not dispatched", { reason: error.message });
        return { refused: error.message };
      }
      throw error;
    }
  };
}
