// Correcting what was typed when a request was recorded: its symbol, the day it was received, its areas, its
// description (ADR 0069). The State never changes (a request recorded for the wrong State is withdrawn and recorded
// again: its moves, consent and matches were the other State's); its lifecycle moves by its transitions only.
import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import { Invalid, PreconditionFailed } from "../errors.ts";
import { capitalized } from "../listed.ts";
import type { Versioned } from "../versioning.ts";
import { standing } from "./feedback-open.ts";
import type { RequestFile } from "./repository.ts";
import {
  type AssistanceDependencies,
  notInFuture,
  requestFileOf,
  stateNameOf,
  symbolRefusalInWords,
} from "./requests.ts";
import type { AssistanceRequest, AssistanceRequestCorrection } from "./schemas.ts";
import { MOVED_WORDS } from "./status-words.ts";
import { requestNamed } from "./workflow.ts";

/** Each day the request's file records after its receipt, said as what happened on it. */
function datedSinceReceipt({ request, matches, feedback }: RequestFile): { on: string; words: string }[] {
  return [
    ...request.value.history.map((move) => ({ on: move.on, words: `the request was ${MOVED_WORDS[move.to]}` })),
    ...(request.value.consentedOn
      ? [{ on: request.value.consentedOn, words: "the State's consent to circulation came" }]
      : []),
    ...matches.map((match) => ({ on: match.value.proposedOn, words: "a match was proposed for it" })),
    ...standing(feedback.map(({ value }) => value)).map((entry) => ({
      on: entry.receivedOn,
      words: "feedback on it was received",
    })),
  ];
}

/** A request is received before anything its file records happened: 422 at the field naming the earliest such day. */
function checkReceivedBefore(file: RequestFile, receivedOn: string): void {
  const [first] = datedSinceReceipt(file).sort((a, b) => a.on.localeCompare(b.on));
  if (first && receivedOn > first.on) {
    throw new Invalid("The received date is not possible", [
      { path: "body.receivedOn", message: `is after ${first.on}, when ${first.words}` },
    ]);
  }
}

/**
 * Applies a correction if the request is still at `expectedVersion` (412 naming the current ETag otherwise). A new
 * symbol is refused as recording it would be (another request's, another State's document's: 409 at `body.symbol`);
 * a new day must come before everything the file records. One that changes nothing writes nothing and answers the
 * request as it stands. Audited `assistance.request.correct`, before and after.
 */
export const correctRequest =
  (deps: Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">) =>
  async (
    id: string,
    expectedVersion: number,
    changes: AssistanceRequestCorrection,
    audit: AuditContext,
  ): Promise<Versioned<AssistanceRequest>> => {
    if (changes.receivedOn) notInFuture(changes.receivedOn, "body.receivedOn", deps.clock);
    const file = await requestFileOf(deps, id);
    const current = file.request;
    if (current.version !== expectedVersion) {
      const named = requestNamed(current.value, await stateNameOf(deps, current.value.iso3));
      throw new PreconditionFailed(capitalized(named), current.version, expectedVersion);
    }
    const corrected: AssistanceRequest = { ...current.value, ...changes };
    // The same details again (a form sent twice) are no change: nothing to version or audit.
    if (saysTheSame(corrected, current.value)) return current;
    if (changes.receivedOn) checkReceivedBefore(file, changes.receivedOn);
    const next: AssistanceRequest = { ...corrected, updatedAt: deps.clock.now().toISOString() };
    await deps.assistance
      .write([
        deps.assistance.correctRequest(next, current.version, current.value),
        deps.assistance.audit({
          ...audit,
          action: "assistance.request.correct",
          entity: { type: "assistance-request", id },
          before: current.value,
          after: next,
        }),
      ])
      .catch(async (error: unknown) => {
        throw await symbolRefusalInWords(deps, next.symbol, error);
      });
    return { value: next, version: current.version + 1 };
  };
