// The kinds a new document may be recorded as (shared/reporting/first-report-order.ts), and correcting the kind a
// submission was recorded with (POST /states/{iso3}/submissions/{id}/kind), each judged from the State's dossier as the
// page holds it by the API's own rule (shared/reporting/kind-correction.ts): the kinds it would take (the others said
// with why), what the correction changes (both obligations and the State's reporting status), said before it is
// confirmed, and the form's empty fields refused before anything is sent. The API judges again on its own reading; its
// 409 is the last word. Pure, tested in Node (test/unit/console-submission-kind.test.ts).

import { possessive } from "../../../../shared/possessive.ts";
import { type OrderRefusal, recordingRefusal } from "../../../../shared/reporting/first-report-order.ts";
import { type KindCorrection, kindCorrection } from "../../../../shared/reporting/kind-correction.ts";
import { obligationIn } from "../../../../shared/reporting/obligations.ts";
import type { components } from "../../api/schema";
import { counted } from "../../ui/counted.ts";
import { obligationStatusWords, obligationWords, SUBMISSION_KINDS } from "./labels.ts";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
type Submission = Schemas["Submission"];
type SubmissionKind = Submission["kind"];
type Obligation = Schemas["Obligation"];

/** What the page's dossier holds that the judgement reads: the State, its obligations, the submissions that count. */
export interface KindDossier {
  state: Pick<Schemas["State"], "iso3" | "name" | "reportingStatus">;
  obligations: readonly Obligation[];
  submissions: readonly Submission[];
}

/** A kind the API would refuse, with why and what to do instead. */
export interface WithheldKind {
  kind: SubmissionKind;
  why: string;
}

export interface KindChoices {
  offered: readonly SubmissionKind[];
  withheld: readonly WithheldKind[];
}

/** The correction as the API would judge it on the dossier's reading. */
const correctionOf = (dossier: KindDossier, submission: Submission, to: SubmissionKind): KindCorrection =>
  kindCorrection({
    iso3: dossier.state.iso3,
    submission,
    to,
    obligations: dossier.obligations,
    counted: dossier.submissions,
  });

/**
 * Why the API would refuse a document of the State as a kind, and what to do instead: `submission` re-kinded, or a new
 * one recorded (none).
 */
function refusalWords(dossier: KindDossier, submission: Submission | undefined, refusal: OrderRefusal): string {
  const { name } = dossier.state;
  switch (refusal.kind) {
    case "first-report-held":
      return `${name} has submitted its first report already (received ${refusal.firstReceivedOn ?? "earlier"}).`;
    case "no-first-report":
      return submission?.kind === "first-report"
        ? "Additional information follows the first report, and this is the State's first report."
        : `Additional information follows the first report, and ${name} has not submitted one: record it first.`;
    case "before-first-report":
      return (
        `Additional information follows the first report: this was received on ${refusal.receivedOn}, before the ` +
        `first report (received ${refusal.firstReceivedOn}).`
      );
    case "information-left-alone": {
      const symbols = refusal.information.map((other) => other.symbol).join(", ");
      return (
        `${name} would be left without a first report while its additional information (${symbols}) counts: ` +
        "additional information follows the first report, so void it or correct its kind first."
      );
    }
  }
}

/** The kinds `submission` may be corrected to, in the page's order; its own kind is no correction, so neither. */
export function kindChoices(dossier: KindDossier, submission: Submission): KindChoices {
  const offered: SubmissionKind[] = [];
  const withheld: WithheldKind[] = [];
  for (const kind of Object.keys(SUBMISSION_KINDS) as SubmissionKind[]) {
    if (kind === submission.kind) continue;
    const { refusal } = correctionOf(dossier, submission, kind);
    if (refusal) withheld.push({ kind, why: refusalWords(dossier, submission, refusal) });
    else offered.push(kind);
  }
  return { offered, withheld };
}

/**
 * The kinds a document received up to `today` (the desk's day) may be recorded as, in the page's order, by the API's
 * own rule (`recordingRefusal`): the others said with why. Judged on `today`, the latest day it can be received: a
 * kind refused whatever the day (a second first report, additional information before any) is withheld; one refused
 * for the day typed only (additional information dated before the first report) is the API's 409 to say.
 */
export function recordKindChoices(dossier: KindDossier, today: string): KindChoices {
  const firstReport = obligationIn(dossier.obligations, dossier.state.iso3, "first-report");
  const offered: SubmissionKind[] = [];
  const withheld: WithheldKind[] = [];
  for (const kind of Object.keys(SUBMISSION_KINDS) as SubmissionKind[]) {
    const refusal = recordingRefusal({ kind, receivedOn: today }, firstReport);
    if (refusal) withheld.push({ kind, why: refusalWords(dossier, undefined, refusal) });
    else offered.push(kind);
  }
  return { offered, withheld };
}

/** This State's own submission that the symbol's refusal says holds `symbol`: listed on the page, so it can be opened. */
export function symbolHeldHere(
  refusal: { errors?: { path: string }[] | undefined } | undefined,
  symbol: string,
  submissions: readonly Submission[],
): Submission | undefined {
  if (!refusal?.errors?.some((error) => error.path === "body.symbol")) return undefined;
  const typed = symbol.trim().toUpperCase();
  return submissions.find((submission) => submission.symbol.toUpperCase() === typed);
}

/** An obligation as the correction leaves it: what the question says of it. */
export type ObligationAfter = Pick<Obligation, "kind" | "submissions" | "status">;

const afterOf = ({ after }: { after: Obligation }): ObligationAfter => ({
  kind: after.kind,
  submissions: after.submissions,
  status: after.status,
});

/** What correcting `submission` to `to` leaves: the obligation it leaves, the one it joins, the reporting status. */
export function kindCorrectionOutcome(dossier: KindDossier, submission: Submission, to: SubmissionKind) {
  const correction = correctionOf(dossier, submission, to);
  if (correction.refusal) return { refusal: refusalWords(dossier, submission, correction.refusal) };
  return {
    leaving: afterOf(correction.leaving),
    joining: afterOf(correction.joining),
    reportingStatus: correction.reportingStatus ?? dossier.state.reportingStatus,
  };
}

/** "Action plan: 1 submission counts (fulfilled)." */
function obligationAfterWords(obligation: ObligationAfter): string {
  const { submissions } = obligation;
  const count =
    submissions === 0 ? "none counts" : `${counted(submissions, "submission")} count${submissions === 1 ? "s" : ""}`;
  return `${obligationWords(obligation.kind)}: ${count} (${obligationStatusWords(obligation)}).`;
}

/**
 * What correcting `submission` to `to` changes, one sentence each, for the question asked before it is sent: what it
 * counts as, the obligation it leaves and the one it joins, and the State's reporting status.
 */
export function kindCorrectionWords(dossier: KindDossier, submission: Submission, to: SubmissionKind): string[] {
  const outcome = kindCorrectionOutcome(dossier, submission, to);
  if (outcome.refusal !== undefined) return [outcome.refusal];
  const { leaving, joining, reportingStatus } = outcome;
  const { name } = dossier.state;
  const status =
    reportingStatus === dossier.state.reportingStatus
      ? `${possessive(name)} reporting status stays ${reportingStatus}.`
      : reportingStatus === "non-reporting"
        ? `${name} becomes non-reporting: no first report of it would count.`
        : `${name} becomes reported, its first report received on ${submission.receivedOn}.`;
  return [
    `${submission.symbol} counts as ${SUBMISSION_KINDS[to]}, no longer as ${SUBMISSION_KINDS[submission.kind]}.`,
    obligationAfterWords(leaving),
    obligationAfterWords(joining),
    status,
  ];
}

/** The kind form as typed: the kind chosen ("" until one is) and why. */
export interface KindForm {
  kind: string;
  reason: string;
}

/** The fields the form lays out: the API's 422 paths name them. */
export const KIND_FIELDS = ["kind", "reason"] as const;

/** The form's refusal before it is confirmed, as the API words one (422, a message at each field); none when it may go. */
export function kindFormRefusal(form: KindForm, choices: KindChoices): Problem | undefined {
  const errors: { path: string; message: string }[] = [];
  if (!choices.offered.some((kind) => kind === form.kind)) {
    errors.push({ path: "body.kind", message: "Choose the kind the document is." });
  }
  if (!form.reason.trim()) errors.push({ path: "body.reason", message: "Say why the kind was wrong." });
  if (errors.length === 0) return undefined;
  return { type: "about:blank", title: "The correction is not complete", status: 422, errors };
}

/** After the correction, from the dossier read again: what the submission is now, and where the State stands. */
export const kindCorrectedWords = (
  corrected: Pick<Submission, "symbol" | "kind">,
  was: SubmissionKind,
  state: KindDossier["state"],
): string =>
  `${corrected.symbol} is now recorded as ${SUBMISSION_KINDS[corrected.kind]} (was ${SUBMISSION_KINDS[was]}); ` +
  `${possessive(state.name)} reporting status: ${state.reportingStatus}.`;
