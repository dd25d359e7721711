// The lifecycles' legal moves: a module of its own, with no storage code and only type imports, so the console offers
// exactly the moves the API accepts (shared/assistance/workflow.ts applies them).
import type { MatchStatus, RequestStatus } from "./schemas.ts";

/**
 * The request lifecycle (docs/adr/0006-assistance.md). A State may withdraw its request at any time before it is
 * fulfilled. It can be closed unmet only once it has been offered to providers (circulated or later): before
 * that, the desk still owes it the procedure. `matched -> circulated` takes a request back to matchmaking once
 * it has no accepted match left. Final statuses have no moves.
 */
export const requestTransitions: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
  received: ["acknowledged", "withdrawn"],
  acknowledged: ["consent-window", "withdrawn"],
  "consent-window": ["circulated", "withdrawn"],
  circulated: ["matched", "withdrawn", "closed-unmet"],
  matched: ["in-progress", "circulated", "withdrawn", "closed-unmet"],
  "in-progress": ["fulfilled", "withdrawn", "closed-unmet"],
  fulfilled: [],
  withdrawn: [],
  "closed-unmet": [],
};

/** The statuses a request leaves no more, those with no move; every other status is pending. */
export const finalRequestStatuses: readonly RequestStatus[] = (
  Object.keys(requestTransitions) as RequestStatus[]
).filter((status) => requestTransitions[status].length === 0);

/** Every status but the final ones, in the lifecycle's order: a request there is pending. */
export const pendingRequestStatuses: readonly RequestStatus[] = (
  Object.keys(requestTransitions) as RequestStatus[]
).filter((status) => !finalRequestStatuses.includes(status));

export const matchTransitions: Readonly<Record<MatchStatus, readonly MatchStatus[]>> = {
  proposed: ["accepted", "declined"],
  accepted: ["delivered", "declined"],
  delivered: [],
  declined: [],
};
