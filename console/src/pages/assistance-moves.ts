// The request lifecycle's legal moves, as the API's table says them (shared/assistance/workflow.ts,
// requestTransitions). That module's imports reach server code the console cannot compile, so the table is restated
// here and test/unit/console-assistance-moves.test.ts holds it equal to the API's. Pure: it runs in Node too.
import type { components } from "../api/schema";

type RequestStatus = components["schemas"]["AssistanceRequest"]["status"];

/** From each status, the statuses a request may move to, in the API's order; a final status has none. */
export const REQUEST_MOVES: Readonly<Record<RequestStatus, readonly RequestStatus[]>> = {
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
