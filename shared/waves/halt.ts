// Halting a wave: dispatching -> halted through the wave's transition rules, audited (wave.halt) with the reason kept on
// the wave. The hard-bounce guard and dispatch's refusal of a letter changed since scheduling both halt through it.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { IllegalTransition, PreconditionFailed } from "../errors.ts";
import type { Versioned } from "../versioning.ts";
import type { WaveRepository } from "./repository.ts";
import { assertWaveTransition } from "./rules.ts";
import type { Wave } from "./schemas.ts";

export interface WaveHaltDependencies {
  waves: Pick<WaveRepository, "get" | "move">;
  clock: Clock;
}

/** How often a halt reads the wave again after another writer moved it between the read and the write. */
const ATTEMPTS = 3;

/**
 * Halts the wave, with the reason, if it is still dispatching. Answers the halted wave, or undefined when it had left
 * dispatching (completed or halted meanwhile: nothing is left to stop).
 */
export const haltWave =
  (deps: WaveHaltDependencies) =>
  async (waveId: string, reason: string, audit: AuditContext): Promise<Versioned<Wave> | undefined> => {
    for (let attempt = 1; ; attempt++) {
      const wave = await deps.waves.get(waveId);
      if (wave?.value.status !== "dispatching") return undefined;
      assertWaveTransition(wave.value, wave.value.status, "halted");
      // The reason travels on the stored wave and in the audit entry's after image.
      const next: Wave = {
        ...wave.value,
        status: "halted",
        updatedAt: deps.clock.now().toISOString(),
        haltReason: reason,
      };
      try {
        return await deps.waves.move(wave, wave.version, next, audit);
      } catch (error) {
        const raced = error instanceof PreconditionFailed || error instanceof IllegalTransition;
        if (!raced || attempt >= ATTEMPTS) throw error;
      }
    }
  };
