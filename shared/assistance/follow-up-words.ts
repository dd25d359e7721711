// A pending request's one-year follow-up in words: one rule for the pending-assistance report's mail, its CSV and the
// console's report page. Type imports only: the console compiles it too.
import type * as z from "zod";
import type { followUpSchema } from "./schemas.ts";

type FollowUp = z.infer<typeof followUpSchema>;

/** A follow-up's standing in one or two words, for the CSV's column beside its dates. */
export const FOLLOW_UP_WORDS = {
  overdue: "overdue",
  due: "due within 4 months",
  "not-yet": "not yet due",
  "followed-up": "followed up",
} as const satisfies Record<FollowUp["status"], string>;

/** Before circulation a request owes no follow-up yet. */
export const NOT_CIRCULATED = "not circulated yet";

/** The follow-up with its days: "overdue since 2026-03-12", "followed up on 2026-03-04 (due 2026-03-01)". */
export function followUpInWords(followUp: FollowUp | null | undefined): string {
  if (!followUp) return NOT_CIRCULATED;
  const { dueOn, status, followedUpOn } = followUp;
  switch (status) {
    case "followed-up":
      return followedUpOn ? `followed up on ${followedUpOn} (due ${dueOn})` : `followed up (due ${dueOn})`;
    case "overdue":
      return `overdue since ${dueOn}`;
    case "due":
      return `due soon, on ${dueOn}`;
    case "not-yet":
      return `due on ${dueOn}`;
  }
}
