// Additional information follows the first report, and a State has one first report (research/domain-1540.md,
// rule 1): each refusal as data, so the console words the verdict the API reaches (its own 409 from `orderConflict`).
// Pure.
import { Conflict } from "../errors.ts";
import type { Obligation, Submission } from "./schemas.ts";

export type OrderRefusal =
  /** A second first report. */
  | { kind: "first-report-held"; firstReceivedOn?: string | undefined }
  /** Additional information from a State with no first report (as it will stand). */
  | { kind: "no-first-report" }
  /** Additional information dated before the first report. */
  | { kind: "before-first-report"; receivedOn: string; firstReceivedOn: string }
  /** The first report gone while additional information still counts. */
  | { kind: "information-left-alone"; information: Pick<Submission, "id" | "symbol" | "receivedOn">[] };

/** A first report recorded where `firstReport` (the obligation) is fulfilled already. */
export function secondFirstReport(firstReport: Obligation): OrderRefusal | undefined {
  if (firstReport.status !== "fulfilled") return undefined;
  return { kind: "first-report-held", firstReceivedOn: firstReport.firstReceivedOn };
}

/**
 * Whether `submission` may count beside `firstReport`, the State's first-report obligation as it will stand: with any
 * first report recorded in the same request, or without one corrected away. Only additional information is judged.
 */
export function followsFirstReport(
  submission: Pick<Submission, "kind" | "receivedOn">,
  firstReport: Obligation,
): OrderRefusal | undefined {
  if (submission.kind !== "additional-information") return undefined;
  const { status, firstReceivedOn } = firstReport;
  if (status !== "fulfilled" || !firstReceivedOn) return { kind: "no-first-report" };
  if (submission.receivedOn < firstReceivedOn) {
    return { kind: "before-first-report", receivedOn: submission.receivedOn, firstReceivedOn };
  }
  return undefined;
}

/**
 * Whether a document of `submission`'s kind may be recorded beside `firstReport` (the State's first-report obligation):
 * a second first report, or additional information without one or before it, is refused. The API records by it, and
 * the State's page offers the kinds it would take by it (console/src/pages/state/submission-kind.ts).
 */
export function recordingRefusal(
  submission: Pick<Submission, "kind" | "receivedOn">,
  firstReport: Obligation,
): OrderRefusal | undefined {
  return submission.kind === "first-report"
    ? secondFirstReport(firstReport)
    : followsFirstReport(submission, firstReport);
}

/**
 * Rule 1 seen from the first report: a correction that moves it (its date, a void, its kind) must leave every
 * additional information among `counted` (the State's submissions as they will count) on or after it.
 */
export function informationStillFollows(
  firstReport: Obligation,
  counted: readonly Submission[],
): OrderRefusal | undefined {
  const information = counted
    .filter((submission) => submission.kind === "additional-information")
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const [earliestInformation] = information;
  if (!earliestInformation) return undefined;
  if (firstReport.status !== "fulfilled") {
    return {
      kind: "information-left-alone",
      information: information.map(({ id, symbol, receivedOn }) => ({ id, symbol, receivedOn })),
    };
  }
  return followsFirstReport(earliestInformation, firstReport);
}

/** The API's 409 for a refusal about `iso3`'s submissions, naming the dates and documents that decide it. */
export function orderConflict(iso3: string, refusal: OrderRefusal): Conflict {
  switch (refusal.kind) {
    case "first-report-held":
      return new Conflict(`${iso3} has already submitted its first report`, {
        firstReceivedOn: refusal.firstReceivedOn,
      });
    case "no-first-report":
      return new Conflict(
        `${iso3} has not submitted its first report: additional information follows the first report, so record ` +
          "the first report first",
        { missing: "first-report" },
      );
    case "before-first-report":
      return new Conflict(
        `Additional information from ${iso3} received on ${refusal.receivedOn} cannot precede its first report, ` +
          `received on ${refusal.firstReceivedOn}`,
        { firstReceivedOn: refusal.firstReceivedOn },
      );
    case "information-left-alone": {
      const symbols = refusal.information.map((submission) => submission.symbol).join(", ");
      return new Conflict(
        `${iso3} would be left without a first report while its additional information (${symbols}) ` +
          "counts: additional information follows the first report, so void or correct that first",
        { missing: "first-report", additionalInformation: refusal.information },
      );
    }
  }
}

/** Throws the API's 409 for a refusal, if there is one. */
export function refuseOutOfOrder(iso3: string, refusal: OrderRefusal | undefined): void {
  if (refusal) throw orderConflict(iso3, refusal);
}
