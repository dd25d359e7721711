// The moves a request's page offers: the lifecycle's legal moves from its status (shared/assistance/transitions.ts),
// less those the API's own guards (shared/assistance/workflow.ts, moveRefusal) would refuse on the day of the move,
// each of those said with why, in the page's words. Pure, tested in Node.
import { requestTransitions } from "../../../shared/assistance/transitions.ts";
import { consentableStatuses, type MoveRefusal, moveRefusal } from "../../../shared/assistance/workflow.ts";
import type { components } from "../api/schema";

type Schemas = components["schemas"];
type AssistanceRequest = Schemas["AssistanceRequest"];
type RequestStatus = AssistanceRequest["status"];
/** What of a match decides the moves into and out of matched. */
export type MatchFacts = Pick<Schemas["AssistanceMatch"], "status" | "history">;

/** A legal move the API would refuse on that day, with why; `consentAllows` when recording the consent would help. */
export interface WithheldMove {
  to: RequestStatus;
  why: string;
  consentAllows: boolean;
}

export interface RequestMoves {
  offered: readonly RequestStatus[];
  withheld: readonly WithheldMove[];
}

export const mayRecordConsent = (request: Pick<AssistanceRequest, "status" | "consentedToCirculation">): boolean =>
  !request.consentedToCirculation && consentableStatuses.includes(request.status);

/** The API's refusal in the page's words, with what to do instead. */
function refusalWords(refusal: MoveRefusal): string {
  switch (refusal.kind) {
    case "consent-window":
      return refusal.consentedOn
        ? `The State consented to circulation only on ${refusal.consentedOn}, inside its consent window (open until ` +
            `the end of ${refusal.closesOn}): date the move on or after ${refusal.consentedOn}.`
        : `The State's consent window is open until the end of ${refusal.closesOn}: circulate the request after that ` +
            "day, or record that the State consented to circulation.";
    case "no-accepted-match":
      return "No match has been accepted: accepting one (under Matches) makes the request matched.";
    case "accepted-later":
      return `Its first match was accepted only on ${refusal.acceptedOn}: date the move on or after ${refusal.acceptedOn}.`;
    case "still-bound":
      return "A match is still accepted: decline it (under Matches) to take the request back to matchmaking.";
  }
}

/** The legal moves from the request's status on `day`, split into those the API would accept and those it would not. */
export function movesOf(request: AssistanceRequest, matches: readonly MatchFacts[], day: string): RequestMoves {
  const offered: RequestStatus[] = [];
  const withheld: WithheldMove[] = [];
  for (const to of requestTransitions[request.status]) {
    const refusal = moveRefusal(request, to, day, matches);
    if (!refusal) offered.push(to);
    else
      withheld.push({
        to,
        why: refusalWords(refusal),
        consentAllows: refusal.kind === "consent-window" && mayRecordConsent(request),
      });
  }
  return { offered, withheld };
}

/** The day a move is judged on: the one typed once it is a whole date, else today (the API names a bad one). */
export const dayOfMove = (typed: string, today: string): string =>
  /^\d{4}-\d{2}-\d{2}$/.test(typed.trim()) ? typed.trim() : today;
