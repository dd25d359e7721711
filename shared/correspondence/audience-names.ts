// The audiences' names with no imports: the audience schema (schemas.ts) is built from them, and modules the console
// compiles (shared/waves/audience-fit.ts, shared/templates/variables.ts) name the type without reaching zod's schemas.
export const AUDIENCE_NAMES = [
  "non-reporting-states",
  "reporting-states",
  "all-states",
  "states-without-current-poc",
  "states-with-pending-requests",
  "states-with-follow-up-due",
  "organizations",
  "assistance-providers",
  "stale-providers",
] as const;

export type Audience = (typeof AUDIENCE_NAMES)[number];
