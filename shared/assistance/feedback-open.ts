// When a request takes feedback on the assistance process (ADR 0064): once it has been circulated, whatever became of
// it since, or once it is withdrawn. One rule for the API's refusal and the console's pages. Type imports only: the
// console compiles it too.
import type { AssistanceFeedback, RequestStatus } from "./schemas.ts";

/**
 * Whether feedback on the request may be recorded. Before circulation the process has not reached providers, so there
 * is nothing yet to comment on, unless the State withdraws the request, which is itself a step of the process.
 */
export const FEEDBACK_TAKEN = {
  received: false,
  acknowledged: false,
  "consent-window": false,
  circulated: true,
  matched: true,
  "in-progress": true,
  fulfilled: true,
  withdrawn: true,
  "closed-unmet": true,
} as const satisfies Record<RequestStatus, boolean>;

export const takesFeedback = (status: RequestStatus): boolean => FEEDBACK_TAKEN[status];

/**
 * Whether feedback counts on its own towards the requesting State's assistance-feedback obligation: the State's,
 * naming no document (a note linked to its document counts there, ADR 0064 and ADR 0070), not voided (ADR 0073).
 * Only such feedback may be linked to a document.
 */
export const countsOnItsOwn = (feedback: Pick<AssistanceFeedback, "from" | "document" | "voided">): boolean =>
  feedback.from === "requester" && !feedback.document && !feedback.voided;

/** The feedback that stands: voided feedback (ADR 0073) is listed for the record only. */
export const standing = <T extends Pick<AssistanceFeedback, "voided">>(feedback: readonly T[]): T[] =>
  feedback.filter((one) => !one.voided);

/** From when, as "feedback on the assistance process is recorded …" ends. */
export const FEEDBACK_OPENS_WORDS = "from its circulation on, or once it is withdrawn";
