// Correcting the kind a submission was recorded with (POST /states/{iso3}/submissions/{id}/kind), judged from the
// State's dossier as the page holds it: the kinds the API would take (the others said with why), what the correction
// changes (both obligations and the State's reporting status), said before it is confirmed, and the form's empty fields
// refused before anything is sent. The API judges again on its own reading; its 409 is the last word. Pure (types, the
// obligations' rules and the page's words), tested in Node (test/unit/console-submission-kind.test.ts).
import { obligationRules } from "../../../../shared/reporting/obligations.ts";
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

const obligationOf = (dossier: KindDossier, kind: SubmissionKind): Obligation | undefined =>
  dossier.obligations.find((obligation) => obligation.kind === kind);

/** The State's other submissions that count, of `kind`. */
const othersOfKind = (dossier: KindDossier, submission: Submission, kind: SubmissionKind) =>
  dossier.submissions.filter((other) => other.id !== submission.id && other.kind === kind);

/**
 * Why the API would refuse `submission` re-kinded `to` (shared/reporting/corrections.ts): a second first report;
 * additional information without a first report before it (research/domain-1540.md, rule 1), or left so by the first
 * report re-kinded. None when it would take it.
 */
function refusalOf(dossier: KindDossier, submission: Submission, to: SubmissionKind): string | undefined {
  const { name } = dossier.state;
  const firstReport = obligationOf(dossier, "first-report");
  if (submission.kind === "first-report") {
    const information = othersOfKind(dossier, submission, "additional-information");
    if (information.length > 0 && othersOfKind(dossier, submission, "first-report").length === 0) {
      const symbols = information.map((other) => other.symbol).join(", ");
      return (
        `${name} would be left without a first report while its additional information (${symbols}) counts: ` +
        "additional information follows the first report, so void it or correct its kind first."
      );
    }
    if (to === "additional-information") {
      return "Additional information follows the first report, and this is the State's first report.";
    }
    return undefined;
  }
  if (to === "first-report" && firstReport?.status === "fulfilled") {
    return `${name} has submitted its first report already (received ${firstReport.firstReceivedOn ?? "earlier"}).`;
  }
  if (to === "additional-information") {
    if (firstReport?.status !== "fulfilled" || !firstReport.firstReceivedOn) {
      return `Additional information follows the first report, and ${name} has not submitted one: record it first.`;
    }
    if (submission.receivedOn < firstReport.firstReceivedOn) {
      return (
        `Additional information follows the first report: this was received on ${submission.receivedOn}, before ` +
        `the first report (received ${firstReport.firstReceivedOn}).`
      );
    }
  }
  return undefined;
}

/** The kinds `submission` may be corrected to, in the page's order; its own kind is no correction, so neither. */
export function kindChoices(dossier: KindDossier, submission: Submission): KindChoices {
  const offered: SubmissionKind[] = [];
  const withheld: WithheldKind[] = [];
  for (const kind of Object.keys(SUBMISSION_KINDS) as SubmissionKind[]) {
    if (kind === submission.kind) continue;
    const why = refusalOf(dossier, submission, kind);
    if (why) withheld.push({ kind, why });
    else offered.push(kind);
  }
  return { offered, withheld };
}

/** An obligation as the correction leaves it, as the API derives it (shared/reporting/corrections.ts). */
export type ObligationAfter = Pick<Obligation, "kind" | "submissions" | "status">;

/** The obligation of `kind` once one submission joins (+1) or leaves (-1): none left is its first status again. */
function obligationAfter(kind: SubmissionKind, before: Obligation | undefined, change: 1 | -1): ObligationAfter {
  const submissions = Math.max(0, (before?.submissions ?? 0) + change);
  if (submissions === 0) return { kind, submissions, status: obligationRules[kind].initial };
  return { kind, submissions, status: change === 1 ? "fulfilled" : (before?.status ?? "fulfilled") };
}

/** What correcting `submission` to `to` leaves: the obligation it leaves, the one it joins, the reporting status. */
export function kindCorrectionOutcome(dossier: KindDossier, submission: Submission, to: SubmissionKind) {
  const from = submission.kind;
  // The reporting status moves with a first report only: it comes with one, and goes when none is left.
  const reportingStatus: KindDossier["state"]["reportingStatus"] =
    from === "first-report" ? "non-reporting" : to === "first-report" ? "reported" : dossier.state.reportingStatus;
  return {
    leaving: obligationAfter(from, obligationOf(dossier, from), -1),
    joining: obligationAfter(to, obligationOf(dossier, to), 1),
    reportingStatus,
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
  const { leaving, joining, reportingStatus } = kindCorrectionOutcome(dossier, submission, to);
  const { name } = dossier.state;
  const status =
    reportingStatus === dossier.state.reportingStatus
      ? `${name}'s reporting status stays ${reportingStatus}.`
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
  `${state.name}'s reporting status: ${state.reportingStatus}.`;
