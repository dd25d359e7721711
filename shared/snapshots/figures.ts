// The snapshot's figure groups from the data read, with no storage: counts and lists, as of the quarter's last day
// where the data is dated. Never a score: the matrix is counted cell by cell, and nothing is weighed or ranked.
import { countByAge } from "../assistance/age-buckets.ts";
import {
  type AssistanceRequest,
  type ProviderSummary,
  providerKey,
  type RequestStatus,
} from "../assistance/schemas.ts";
import { finalRequestStatuses } from "../assistance/transitions.ts";
import { type Clock, deskToday } from "../clock.ts";
import { pocCoverage, staleBefore } from "../contacts/poc-coverage.ts";
import type { Contact, PocView } from "../contacts/schemas.ts";
import { type MessageStatus, messageStatusSchema } from "../correspondence/schemas.ts";
import { coverageOf } from "../matrix/coverage.ts";
import type { Coverage, CoverageCounts, MatrixVersion } from "../matrix/schemas.ts";
import { type RegionSlug, regionalGroups, type State } from "../registry/schemas.ts";
import type { Obligation } from "../reporting/schemas.ts";
import type { Wave } from "../waves/schemas.ts";
import { deskDay } from "../zoned-time.ts";
import { dayIsIn, type Quarter } from "./period.ts";
import type { WaveLetters } from "./responses.ts";
import type { Snapshot } from "./schemas.ts";
import type { SubmissionFact, UnreachedFact } from "./source.ts";

const regions = Object.keys(regionalGroups) as RegionSlug[];
const sorted = (codes: Iterable<string>) => [...codes].sort();
const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Per regional group, in the UN's order, with its name. */
function byRegion<T>(states: readonly State[], figures: (inRegion: State[]) => T) {
  return regions.map((region) => ({
    region,
    regionName: regionalGroups[region],
    ...figures(states.filter((state) => state.region === region)),
  }));
}

/** Reported: the first report was received on or before the quarter's last day. */
export function reportingFigures(states: readonly State[], quarter: Quarter): Snapshot["reporting"] {
  const reported = (state: State) =>
    state.firstReportOn ? state.firstReportOn <= quarter.end : state.reportingStatus === "reported";
  const figures = (group: readonly State[]) => {
    const nonReportingStates = sorted(group.filter((state) => !reported(state)).map((state) => state.iso3));
    return {
      memberStates: group.length,
      reported: group.length - nonReportingStates.length,
      nonReporting: nonReportingStates.length,
      nonReportingStates,
    };
  };
  const { nonReportingStates, ...overall } = figures(states);
  return {
    ...overall,
    reportedStates: sorted(states.filter(reported).map((state) => state.iso3)),
    nonReportingStates,
    byRegion: byRegion(states, figures),
  };
}

/**
 * How many documents of the obligation's kind the State had sent by the quarter's last day: the obligation's
 * count when its last one came by then, else its submissions counted one by one.
 */
function documentsBy(obligation: Obligation, quarter: Quarter, submissions: readonly SubmissionFact[]): number {
  if (!obligation.firstReceivedOn || obligation.firstReceivedOn > quarter.end) return 0;
  if (!obligation.lastReceivedOn || obligation.lastReceivedOn <= quarter.end) return obligation.submissions;
  return submissions.filter(
    (submission) =>
      submission.iso3 === obligation.iso3 &&
      submission.kind === obligation.kind &&
      submission.receivedOn <= quarter.end,
  ).length;
}

/** The obligations whose submissions must be read to count them at the quarter's end: some came after it. */
export const needsSubmissions = (obligations: readonly Obligation[], quarter: Quarter) =>
  obligations
    .filter((o) => o.firstReceivedOn && o.firstReceivedOn <= quarter.end && (o.lastReceivedOn ?? "") > quarter.end)
    .map((o) => o.iso3);

function documentCounts(obligations: readonly Obligation[], quarter: Quarter, submissions: readonly SubmissionFact[]) {
  const counts = new Map<string, number>();
  for (const obligation of obligations) {
    const documents = documentsBy(obligation, quarter, submissions);
    if (documents) counts.set(obligation.iso3, documents);
  }
  return counts;
}

export function additionalInformationFigures(
  states: readonly State[],
  obligations: readonly Obligation[],
  quarter: Quarter,
  submissions: readonly SubmissionFact[],
): Snapshot["additionalInformation"] {
  const counts = documentCounts(obligations, quarter, submissions);
  const provided = (group: readonly State[]) => group.filter((state) => counts.has(state.iso3));
  return {
    states: counts.size,
    documents: [...counts.values()].reduce((sum, n) => sum + n, 0),
    stateList: sorted(counts.keys()),
    byRegion: byRegion(states, (group) => ({ states: provided(group).length })),
  };
}

export function actionPlanFigures(
  states: readonly State[],
  obligations: readonly Obligation[],
  quarter: Quarter,
  submissions: readonly SubmissionFact[],
): Snapshot["actionPlans"] {
  const counts = documentCounts(obligations, quarter, submissions);
  const plans = (group: readonly State[]) => group.reduce((sum, state) => sum + (counts.get(state.iso3) ?? 0), 0);
  return {
    plans: [...counts.values()].reduce((sum, n) => sum + n, 0),
    states: counts.size,
    stateList: sorted(counts.keys()),
    byRegion: byRegion(states, (group) => ({
      plans: plans(group),
      states: group.filter((state) => counts.has(state.iso3)).length,
    })),
  };
}

/**
 * Each State's view on the quarter's last day, from its contacts as they stood then (`contactsAsOf`): staleness is
 * judged on that day, 12 months back from it.
 */
export function pointOfContactFigures(
  states: readonly State[],
  contacts: readonly Contact[],
  lastDay: string,
): Snapshot["pointOfContact"] {
  const onLastDay: Clock = { now: () => new Date(`${lastDay}T12:00:00.000Z`) };
  const byOwner = new Map<string, Contact[]>();
  for (const contact of contacts) byOwner.set(contact.owner, [...(byOwner.get(contact.owner) ?? []), contact]);
  const views = new Map(
    states.map((state) => [state.iso3, pocCoverage(byOwner.get(`STATE:${state.iso3}`) ?? [], onLastDay).view] as const),
  );
  const codesWith = (view: PocView, group: readonly State[] = states) =>
    sorted(group.filter((state) => views.get(state.iso3) === view).map((state) => state.iso3));
  const counts = (group: readonly State[]) => ({
    current: codesWith("current", group).length,
    stale: codesWith("stale", group).length,
    unreachable: codesWith("unreachable", group).length,
    missing: codesWith("missing", group).length,
  });
  const evaluatedOn = deskToday(onLastDay);
  return {
    evaluatedOn,
    staleBefore: staleBefore(evaluatedOn),
    ...counts(states),
    currentStates: codesWith("current"),
    staleStates: codesWith("stale"),
    unreachableStates: codesWith("unreachable"),
    missingStates: codesWith("missing"),
    byRegion: byRegion(states, counts),
  };
}

function addCounts(a: CoverageCounts, b: CoverageCounts): CoverageCounts {
  return { X: a.X + b.X, "?": a["?"] + b["?"], NA: a.NA + b.NA, blank: a.blank + b.blank, fields: a.fields + b.fields };
}

/** Two coverages of the same catalogue, group by group (both list paragraphs and categories in its order). */
function addCoverage(a: Coverage, b: Coverage): Coverage {
  return {
    total: addCounts(a.total, b.total),
    byParagraph: a.byParagraph.map((paragraph, index) => {
      const other = b.byParagraph[index];
      return {
        paragraph: paragraph.paragraph,
        counts: other ? addCounts(paragraph.counts, other.counts) : paragraph.counts,
        byCategory: paragraph.byCategory.map((category, inner) => {
          const otherCategory = other?.byCategory[inner];
          return {
            category: category.category,
            counts: otherCategory ? addCounts(category.counts, otherCategory.counts) : category.counts,
          };
        }),
      };
    }),
    byCategory: a.byCategory.map((category, index) => {
      const other = b.byCategory[index];
      return {
        category: category.category,
        counts: other ? addCounts(category.counts, other.counts) : category.counts,
      };
    }),
  };
}

const zero: CoverageCounts = { X: 0, "?": 0, NA: 0, blank: 0, fields: 0 };

/** The catalogue's groups with every count at zero: the sum over no matrix. */
function noCoverage(): Coverage {
  const shape = coverageOf({});
  return {
    total: zero,
    byParagraph: shape.byParagraph.map((paragraph) => ({
      paragraph: paragraph.paragraph,
      counts: zero,
      byCategory: paragraph.byCategory.map(({ category }) => ({ category, counts: zero })),
    })),
    byCategory: shape.byCategory.map(({ category }) => ({ category, counts: zero })),
  };
}

/** The approved matrices' cells, added up over the States: how many fields are X, ?, NA or blank. */
export function matrixFigures(approved: readonly MatrixVersion[]): Snapshot["matrix"] {
  return {
    states: approved.length,
    stateList: sorted(approved.map((version) => version.iso3)),
    coverage: approved.reduce((sum, version) => addCoverage(sum, coverageOf(version.cells)), noCoverage()),
  };
}

/** The request's status at the end of a day: its last move made on or before it. */
export function statusOn(request: AssistanceRequest, lastDay: string): RequestStatus {
  return request.history.filter((move) => move.on <= lastDay).at(-1)?.to ?? "received";
}

/** Requests as they stood at the quarter's end (their moves are dated); providers as they stand now. */
export function assistanceFigures(
  requests: readonly AssistanceRequest[],
  providers: readonly ProviderSummary[],
  quarter: Quarter,
): Snapshot["assistance"] {
  const received = requests.filter((request) => request.receivedOn <= quarter.end);
  const pending = received
    .map((request) => ({ request, status: statusOn(request, quarter.end) }))
    .filter(({ status }) => !finalRequestStatuses.includes(status));
  const byAge = countByAge(
    pending.map(({ request }) => request.receivedOn),
    quarter.end,
  );
  const matched = pending.filter(({ status }) => status === "matched" || status === "in-progress").length;
  const stale = sorted(
    providers.filter((provider) => provider.stale).map((provider) => providerKey(provider.provider)),
  );
  return {
    received: received.filter((request) => dayIsIn(request.receivedOn, quarter)).length,
    pending: pending.length,
    byAge,
    matched,
    matchedShare: ratio(matched, pending.length),
    providers: providers.length,
    staleProviders: stale.length,
    staleProviderList: stale,
  };
}

/** A wave belongs to the quarter its send time falls in (New York); drafts and cancelled waves sent nothing. */
export const waveIsIn = (wave: Wave, quarter: Quarter) =>
  wave.status !== "draft" && wave.status !== "cancelled" && dayIsIn(deskDay(wave.sendInstant), quarter);

function countByStatus(statuses: readonly MessageStatus[]): Record<MessageStatus, number> {
  const counts = Object.fromEntries(messageStatusSchema.options.map((status) => [status, 0])) as Record<
    MessageStatus,
    number
  >;
  for (const status of statuses) counts[status] += 1;
  return counts;
}

const HANDED_TO_SES: readonly MessageStatus[] = ["sent", "delivered", "bounced", "complained"];

export function correspondenceFigures(
  waves: readonly (WaveLetters & { wave: Wave; unreached?: readonly UnreachedFact[] })[],
): Snapshot["correspondence"] {
  const all = waves.flatMap((wave) => wave.messages.map((message) => message.status));
  const byStatus = countByStatus(all);
  const attempted = HANDED_TO_SES.reduce((sum, status) => sum + byStatus[status], 0);
  return {
    waves: waves.length,
    messages: all.length,
    byStatus,
    attempted,
    bounced: byStatus.bounced,
    bounceRate: ratio(byStatus.bounced, attempted),
    waveList: [...waves]
      .sort((a, b) => a.sendInstant.localeCompare(b.sendInstant) || a.waveId.localeCompare(b.waveId))
      .map(({ wave, letterKind, messages, unreached = [] }) => ({
        id: wave.id,
        templateId: wave.templateId,
        letterKind,
        audience: wave.audience,
        sendInstant: wave.sendInstant,
        status: wave.status,
        messages: messages.length,
        byStatus: countByStatus(messages.map((message) => message.status)),
        unreached: [...unreached].sort((a, b) => a.owner.localeCompare(b.owner)),
      })),
  };
}
