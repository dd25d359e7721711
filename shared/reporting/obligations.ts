// The rules of obligations: which kinds are owed, how each starts, and what a submission does to it. Pure: the
// console judges a correction with them as the API does.
import { NotFound } from "../errors.ts";
import type { Obligation, ObligationKind, ObligationStatus, Submission } from "./schemas.ts";

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

// ISO dates sort as text.
export const earliest = (dates: string[]) => [...dates].sort()[0];
export const latest = (dates: string[]) => [...dates].sort().at(-1);

/** The obligation of `kind` among the State's, or NotFound. */
export function obligationIn(obligations: readonly Obligation[] | undefined, iso3: string, kind: ObligationKind) {
  const obligation = obligations?.find((candidate) => candidate.kind === kind);
  if (!obligation) throw new NotFound(`The ${kind} obligation of State`, iso3);
  return obligation;
}

/**
 * The obligation once `change` submissions come (+1) or go (-1) among `counted` (the submissions of its kind that
 * count afterwards). The count is the obligation's own (assistance feedback counts too), so it moves by one; the
 * dates come from what counts, and stay as they were where only feedback (not a submission) dates them.
 */
export function derivedObligation(
  before: Obligation,
  counted: readonly Pick<Submission, "receivedOn">[],
  change: 1 | -1,
): Obligation {
  const submissions = Math.max(0, before.submissions + change);
  const dates = counted.map((submission) => submission.receivedOn);
  const { firstReceivedOn, lastReceivedOn, ...rest } = before;
  if (submissions === 0) return { ...rest, status: obligationRules[before.kind].initial, submissions };
  if (dates.length === 0) return { ...before, submissions };
  return { ...rest, status: "fulfilled", submissions, firstReceivedOn: earliest(dates), lastReceivedOn: latest(dates) };
}
