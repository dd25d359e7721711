// A consent or a move refused as stale (412: a colleague recorded the consent, or moved the request, since the page
// read it), once the request is read again: what was done meanwhile, in words, and whether the officer's action is
// still possible, so that the form keeps what they typed only then. Pure (types only from the generated schema),
// tested in Node.
import { finalRequestStatuses } from "../../../shared/assistance/transitions.ts";
import type { components } from "../api/schema";
import { type MatchFacts, mayRecordConsent, movesOf } from "./assistance-moves.ts";
import { requestHistory } from "./assistance-request-standing.ts";
import { MOVE_WORDS, MOVED_WORDS, REQUEST_STATUS_WORDS } from "./assistance-words.ts";
import { actorWords } from "./audit-trail-words.ts";

type AssistanceRequest = components["schemas"]["AssistanceRequest"];
type RequestStatus = AssistanceRequest["status"];

/** After the move's reading: what the page says, and whether the refused form keeps what was typed. */
export interface AfterStale {
  words: string;
  keepsTyping: boolean;
}

/** What is on record now that was not when `before` was read, oldest first: the moves (who and when), the consent. */
export function changesSince(before: AssistanceRequest, now: AssistanceRequest): string[] {
  const known = new Set(before.history.map((move) => move.at));
  return requestHistory(now).flatMap((entry) => {
    if (entry.kind === "consent") {
      if (before.consentedToCirculation) return [];
      const by = now.consentRecorded ? `, recorded by ${actorWords(now.consentRecorded.by)}` : "";
      return [`the State's consent to circulation was recorded (received on ${entry.on}${by})`];
    }
    const { move } = entry;
    return known.has(move.at)
      ? []
      : [`the request was ${MOVED_WORDS[move.to]} on ${move.on} (recorded by ${actorWords(move.by)})`];
  });
}

/** "Meanwhile, …." naming each change, or saying only that the request changed where none is one the page names. */
function meanwhile(before: AssistanceRequest, now: AssistanceRequest): string {
  const changes = changesSince(before, now);
  return changes.length > 0
    ? `meanwhile, ${changes.join("; ")}.`
    : "meanwhile, the request was changed; it shows as it now stands.";
}

/**
 * The consent refused as stale on `before`, the request now as `now`. Where it may still be recorded the form stays,
 * with what was typed; otherwise the page draws it no more.
 */
export function afterStaleConsent(before: AssistanceRequest, now: AssistanceRequest): string {
  const done = `Your consent was not recorded: ${meanwhile(before, now)}`;
  if (mayRecordConsent(now)) return `${done} It may still be recorded: the form keeps what you typed.`;
  return now.consentedToCirculation ? done : `${done} A request ${REQUEST_STATUS_WORDS[now.status]} takes no consent.`;
}

/**
 * The move to `to` refused as stale on `before`, the request now as `now`; whether it is still possible is judged as
 * the form offers it (assistance-moves.ts), on the day of the move and the request's matches.
 */
export function afterStaleMove(
  before: AssistanceRequest,
  now: AssistanceRequest,
  move: { to: RequestStatus; day: string; matches: readonly MatchFacts[] },
): AfterStale {
  const done = `The request was not moved: ${meanwhile(before, now)}`;
  const { to } = move;
  if (movesOf(now, move.matches, move.day).offered.includes(to)) {
    return {
      words: `${done} "${MOVE_WORDS[to]}" is still possible: the form keeps what you typed.`,
      keepsTyping: true,
    };
  }
  const status = REQUEST_STATUS_WORDS[now.status];
  const why = finalRequestStatuses.includes(now.status)
    ? `A ${status} request moves no more.`
    : now.status === to
      ? `It is already ${status}.`
      : `It can no longer be ${MOVED_WORDS[to]} from ${status}.`;
  return { words: `${done} ${why}`, keepsTyping: false };
}
