// The audit action of each wave move, named by the verb that caused it: the repository writes it, and the console names a
// colleague's move by it. No schema library: the console bundles it.
import type { AuditAction } from "../audit/actions.ts";

/** The wave's statuses as schemas.ts declares them; the repository's index by a status fails `tsc` if they part. */
type WaveStatusName = "draft" | "scheduled" | "dispatching" | "completed" | "cancelled" | "halted";

export const WAVE_MOVE_ACTIONS: Record<WaveStatusName, AuditAction> = {
  draft: "wave.create",
  scheduled: "wave.schedule",
  dispatching: "wave.dispatch",
  completed: "wave.complete",
  cancelled: "wave.cancel",
  halted: "wave.halt",
};
