// Correcting the kind a submission was recorded with, judged as data: what the correction leaves (the obligation the
// submission leaves, the one it joins, the State's reporting status) or why it is refused. Pure: the API's use case
// (corrections.ts) writes what it derives and throws its 409 from the refusal; the State's page
// (console/src/pages/state/submission-kind.ts) offers the kinds it takes and words the others.

import type { ReportingStatus } from "../registry/schemas.ts";
import {
  followsFirstReport,
  informationStillFollows,
  type OrderRefusal,
  secondFirstReport,
} from "./first-report-order.ts";
import { derivedObligation, obligationIn } from "./obligations.ts";
import type { Obligation, Submission, SubmissionKind } from "./schemas.ts";

/** What the judgement reads: the State's obligations and the submissions that count, the corrected one among them. */
export interface KindCorrectionOf {
  iso3: string;
  submission: Submission;
  to: SubmissionKind;
  obligations: readonly Obligation[];
  counted: readonly Submission[];
}

export interface ObligationMove {
  before: Obligation;
  after: Obligation;
}

export type KindCorrection =
  | { refusal: OrderRefusal }
  | {
      refusal?: undefined;
      leaving: ObligationMove;
      joining: ObligationMove;
      /** The State's reporting status, where it moves: only with a first report, which it gains or loses. */
      reportingStatus?: ReportingStatus | undefined;
    };

/** The correction of `submission` to `to`, its own kind being no correction (the caller refuses that first). */
export function kindCorrection({ iso3, submission, to, obligations, counted }: KindCorrectionOf): KindCorrection {
  const from = submission.kind;
  const leaving = obligationIn(obligations, iso3, from);
  const joining = obligationIn(obligations, iso3, to);
  const held = to === "first-report" ? secondFirstReport(joining) : undefined;
  if (held) return { refusal: held };
  const others = counted.filter((other) => other.id !== submission.id);
  const ofKind = (kind: SubmissionKind) => others.filter((other) => other.kind === kind);
  const afterLeaving = derivedObligation(leaving, ofKind(from), -1);
  const afterJoining = derivedObligation(joining, [...ofKind(to), submission], 1);
  const firstReport = from === "first-report" ? afterLeaving : obligationIn(obligations, iso3, "first-report");
  const refusal =
    followsFirstReport({ kind: to, receivedOn: submission.receivedOn }, firstReport) ??
    (from === "first-report" ? informationStillFollows(afterLeaving, others) : undefined);
  if (refusal) return { refusal };
  return {
    leaving: { before: leaving, after: afterLeaving },
    joining: { before: joining, after: afterJoining },
    reportingStatus: from === "first-report" ? "non-reporting" : to === "first-report" ? "reported" : undefined,
  };
}
