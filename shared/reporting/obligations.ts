// The rules of obligations: which kinds are owed, how each starts, and what a submission does to it.
import type { ObligationKind, ObligationStatus } from "./schemas.ts";

interface ObligationRule {
  mandatory: boolean;
  /** The status before anything is received. */
  initial: ObligationStatus;
}

export const obligationRules: Record<ObligationKind, ObligationRule> = {
  // Resolution 1540 (2004), OP4: every State reports; it is non-reporting until the first report arrives.
  "first-report": { mandatory: true, initial: "outstanding" },
  // Encouraged, not owed: not applicable until the State engages.
  "additional-information": { mandatory: false, initial: "not-applicable" },
  "action-plan": { mandatory: false, initial: "not-applicable" },
  "matrix-review": { mandatory: false, initial: "not-applicable" },
  "effective-practices": { mandatory: false, initial: "not-applicable" },
  "assistance-feedback": { mandatory: false, initial: "not-applicable" },
  // Derived from the State's contacts; until the desk holds contacts it cannot say.
  "point-of-contact": { mandatory: false, initial: "unknown" },
};

export const obligationKinds = Object.keys(obligationRules) as ObligationKind[];
