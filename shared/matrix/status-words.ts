// A matrix version's statuses and moves in words, for the API's refusals and the console's pages alike. Type imports
// only: the console compiles it too.
import type { MatrixStatus } from "./schemas.ts";

/** A status as it reads after "it is". */
export const MATRIX_STATUS_WORDS = {
  draft: "a draft",
  "shared-with-state": "shared with the State",
  approved: "approved",
} as const satisfies Record<MatrixStatus, string>;

/** What a move does to a version, as "it cannot be …" reads. */
export const MATRIX_MOVED_WORDS = {
  draft: "taken back to draft",
  "shared-with-state": "shared with the State",
  approved: "approved",
} as const satisfies Record<MatrixStatus, string>;
