// What the wave's page says when a schedule or cancel was refused because someone moved the wave first (the API's
// 412) and the wave, read again, is past both: the page's actions are gone, and their refusal with them, so this
// statement stands in their place, saying what was not done, what happened instead, by whom (the audit trail's
// entry for it, when the reader may read the trail) and when. Pure, tested in Node.
import { WAVE_MOVE_ACTIONS } from "../../../../shared/waves/move-actions.ts";
import type { components } from "../../api/schema";
import { actorWords } from "../audit-trail-words.ts";
import { utcText } from "./time.ts";
import type { Wave, WaveStatus } from "./wave-facts.ts";

type AuditEntry = components["schemas"]["AuditEntry"];

/** The page's moves of a wave: each leaves it open (draft or scheduled) until the wave is cancelled or sends. */
export type WaveMove = "schedule" | "cancel";

const NOT_DONE: Record<WaveMove, string> = { schedule: "Not scheduled", cancel: "Not cancelled" };

type PastMoves = Exclude<WaveStatus, "draft" | "scheduled">;

/** Each status past the page's moves: the audit action that brings a wave to it, and what it means, in words. */
const MOVED_TO: Record<PastMoves, { words: string; after: string }> = {
  cancelled: { words: "the wave was cancelled", after: "it sends nothing" },
  dispatching: { words: "the wave began sending", after: "its letters are going out" },
  completed: { words: "the wave was sent", after: "its letters went out" },
  halted: { words: "the wave halted itself", after: "it sends no more" },
};

export const isPastMoves = (status: WaveStatus): status is PastMoves => Object.hasOwn(MOVED_TO, status);

/**
 * The statement for `move`, refused as stale, once the wave reads as `wave`, with the wave's audit entries (newest
 * first; none when the reader may not read them); nothing while the wave is still open, where the page's actions
 * stay and say the refusal themselves.
 */
export function movedMeanwhile(
  move: WaveMove,
  wave: Pick<Wave, "status" | "updatedAt">,
  trail: readonly AuditEntry[],
): string | undefined {
  if (!isPastMoves(wave.status)) return undefined;
  const { words, after } = MOVED_TO[wave.status];
  const action = WAVE_MOVE_ACTIONS[wave.status];
  const entry = trail.find((candidate) => candidate.action === action);
  // A person is named; the system (a schedule firing, a halt) is what the words already say.
  const by = entry?.actor.kind === "user" ? ` by ${actorWords(entry.actor)}` : "";
  const notDone = move === "cancel" && wave.status === "cancelled" ? "Already cancelled" : NOT_DONE[move];
  return `${notDone}: ${words}${by} at ${utcText(entry?.at ?? wave.updatedAt)}; ${after}.`;
}
