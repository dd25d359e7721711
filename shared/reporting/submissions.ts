// Use cases of reporting: record a received document, correct it, and read a State's submissions and obligations.
import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import { type Clock, checkDayOfMove, deskToday } from "../clock.ts";
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import { NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { isInListing, narrowingOf, type StatesListing } from "../registry/keys.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { State } from "../registry/schemas.ts";
import { getState } from "../registry/states.ts";
import type { Versioned } from "../versioning.ts";
import { DocumentRecorded, saidWhereRecorded } from "./document-recorded.ts";
import {
  followsFirstReport,
  informationStillFollows,
  recordingRefusal,
  refuseOutOfOrder,
  secondFirstReport,
} from "./first-report-order.ts";
import { retryOnObligationChange } from "./obligation-writes.ts";
import { earliest, latest, obligationIn } from "./obligations.ts";
import { MAX_SUBMISSIONS_PER_RECORDING, type ReportingRepository, type StateSubmissions } from "./repository.ts";
import {
  type NewSubmission,
  type Obligation,
  RESOLUTION_ADOPTED_ON,
  type Submission,
  type SubmissionCorrection,
} from "./schemas.ts";
import { SubmissionVoided } from "./submission-voided.ts";

export interface ReportingDependencies {
  registry: RegistryRepository;
  reporting: ReportingRepository;
  clock: Clock;
}

/** A document cannot arrive before the resolution existed, nor after the desk's today (New York). */
function checkReceivedOn(receivedOn: string, clock: Clock): void {
  checkDayOfMove(receivedOn, {
    today: deskToday(clock),
    previous: RESOLUTION_ADOPTED_ON,
    previousIs: "resolution 1540 was adopted",
    path: "body.receivedOn",
    refusal: "The received date is not possible",
  });
}

/** A symbol's refusal said with where the document (or request) is recorded, read now; any other error as it came. */
export const whereRecorded = (
  deps: Pick<ReportingDependencies, "registry" | "reporting">,
  error: unknown,
): Promise<unknown> =>
  saidWhereRecorded(error, {
    submission: async (iso3, id) => (await deps.reporting.getSubmission(iso3, id))?.value,
    stateName: async (iso3) => (await deps.registry.getState(iso3))?.value.name,
  });

export async function obligationOf(
  deps: ReportingDependencies,
  iso3: string,
  kind: Submission["kind"],
): Promise<Obligation> {
  return obligationIn(await deps.reporting.obligations(iso3), iso3, kind);
}

/**
 * What a submission (or the requesting State's feedback on a request that counts) does to its obligation: fulfilled, one
 * more, its dates widened; a second first report is refused.
 */
export function obligationAfter(before: Obligation, receivedOn: string): Obligation {
  if (before.kind === "first-report") refuseOutOfOrder(before.iso3, secondFirstReport(before));
  const dates = [receivedOn, ...[before.firstReceivedOn, before.lastReceivedOn].flatMap((on) => on ?? [])];
  return {
    ...before,
    status: "fulfilled",
    submissions: before.submissions + 1,
    firstReceivedOn: earliest(dates),
    lastReceivedOn: latest(dates),
  };
}

type SubmissionInput = NewSubmission & { demo?: boolean };

/** The submission as recorded now, by the audit's actor (checked first: a date that cannot be is refused). */
function newSubmission(deps: ReportingDependencies, iso3: string, input: SubmissionInput, audit: AuditContext) {
  checkReceivedOn(input.receivedOn, deps.clock);
  const now = deps.clock.now().toISOString();
  const submission: Submission = {
    ...input,
    id: newId(deps.clock),
    iso3,
    recordedAt: now,
    recordedBy: audit.actor.id,
    updatedAt: now,
  };
  return submission;
}

export const recordSubmission =
  (deps: ReportingDependencies) =>
  async (iso3: string, input: SubmissionInput, audit: AuditContext): Promise<Versioned<Submission>> => {
    const submission = newSubmission(deps, iso3, input, audit);
    await retryOnObligationChange(async () => {
      const state: Versioned<State> = await getState(deps.registry)(iso3);
      const obligations = await deps.reporting.obligations(iso3);
      refuseOutOfOrder(iso3, recordingRefusal(input, obligationIn(obligations, iso3, "first-report")));
      const before = obligationIn(obligations, iso3, input.kind);
      const after = obligationAfter(before, input.receivedOn);
      await deps.reporting.recordSubmission(state, submission, { before, after }, audit);
    }).catch(async (error: unknown) => {
      throw await whereRecorded(deps, error);
    });
    return { value: submission, version: 1 };
  };

/** Submissions to record for one State, in the order they were received. */
export interface StateSubmissionInputs {
  iso3: string;
  inputs: SubmissionInput[];
}

/** Whole States, in order, into groups of at most `max` submissions. */
function groupsOf<T extends { iso3: string; submissions: readonly unknown[] }>(entries: readonly T[], max: number) {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const entry of entries) {
    if (entry.submissions.length > max) {
      throw new Error(`${entry.iso3}: at most ${max} submissions of one State are recorded at once`);
    }
    if (size + entry.submissions.length > max) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(entry);
    size += entry.submissions.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Groups written side by side: each touches its own States only. */
const GROUPS_AT_ONCE = 4;

/**
 * Many States' submissions by the rules of `recordSubmission`, each applied in order to what the previous ones made
 * of the obligation, with the States and their obligations read once per group rather than once per submission (the
 * seed records hundreds). A group is written in one step: a refusal leaves none of its submissions, and groups
 * written before stay. Returns how many were recorded.
 */
export const recordSubmissionsOfStates =
  (deps: ReportingDependencies) =>
  async (batch: readonly StateSubmissionInputs[], audit: AuditContext): Promise<number> => {
    // A State named twice is one State: its submissions in the order given.
    const byState = new Map<string, Submission[]>();
    for (const { iso3, inputs } of batch) {
      const submissions = inputs.map((input) => newSubmission(deps, iso3, input, audit));
      byState.set(iso3, [...(byState.get(iso3) ?? []), ...submissions]);
    }
    const prepared = [...byState].map(([iso3, submissions]) => ({ iso3, submissions }));
    const symbols = new Map<string, Submission>();
    for (const submission of prepared.flatMap((entry) => entry.submissions)) {
      const holder = symbols.get(submission.symbol.toUpperCase());
      if (holder) throw new DocumentRecorded(submission.symbol, { iso3: holder.iso3, submissionId: holder.id });
      symbols.set(submission.symbol.toUpperCase(), submission);
    }

    const recordGroup = (group: { iso3: string; submissions: Submission[] }[]) =>
      retryOnObligationChange(async () => {
        const codes = group.map((entry) => entry.iso3);
        const [states, obligations] = await Promise.all([
          deps.registry.getStates(codes),
          deps.reporting.obligationsByState(codes),
        ]);
        const records = group.map(({ iso3, submissions }): StateSubmissions => {
          const state = states.find((candidate) => candidate.value.iso3 === iso3);
          if (!state) throw new NotFound("State", iso3);
          const moved = new Map<string, { before: Obligation; after: Obligation }>();
          const held = obligations.get(iso3);
          for (const submission of submissions) {
            const firstReport = moved.get("first-report")?.after ?? obligationIn(held, iso3, "first-report");
            refuseOutOfOrder(iso3, followsFirstReport(submission, firstReport));
            const before = obligationIn(held, iso3, submission.kind);
            const seen = moved.get(submission.kind);
            moved.set(submission.kind, {
              before: seen?.before ?? before,
              after: obligationAfter(seen?.after ?? before, submission.receivedOn),
            });
          }
          return { state, submissions, obligations: [...moved.values()] };
        });
        await deps.reporting.recordSubmissions(records, audit);
      });

    const groups = groupsOf(prepared, MAX_SUBMISSIONS_PER_RECORDING);
    for (let start = 0; start < groups.length; start += GROUPS_AT_ONCE) {
      await Promise.all(groups.slice(start, start + GROUPS_AT_ONCE).map(recordGroup));
    }
    return prepared.reduce((total, entry) => total + entry.submissions.length, 0);
  };

/** Every submission of the State that counts (voided ones left out). */
export async function allSubmissions(deps: ReportingDependencies, iso3: string): Promise<Submission[]> {
  const all: Submission[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.reporting.listSubmissions(iso3, { limit: 100, cursor });
    all.push(...page.items.map((item) => item.value));
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/** The submission a correction or a void starts from: there, at the version the caller read, and not voided. */
export async function currentSubmission(
  deps: ReportingDependencies,
  iso3: string,
  id: string,
  expectedVersion: number,
): Promise<Versioned<Submission>> {
  const current = await deps.reporting.getSubmission(iso3, id);
  if (!current) throw new NotFound("Submission", `${iso3}/${id}`);
  if (current.version !== expectedVersion)
    throw new PreconditionFailed(`Submission ${id}`, current.version, expectedVersion);
  if (current.value.voided) throw new SubmissionVoided(current.value.symbol, current.value.voided);
  return current;
}

export const correctSubmission =
  (deps: ReportingDependencies) =>
  async (
    iso3: string,
    id: string,
    expectedVersion: number,
    changes: SubmissionCorrection,
    audit: AuditContext,
  ): Promise<Versioned<Submission>> => {
    if (changes.receivedOn) checkReceivedOn(changes.receivedOn, deps.clock);
    return retryOnObligationChange(async () => {
      const current = await currentSubmission(deps, iso3, id, expectedVersion);
      const { note, ...rest } = changes;
      const corrected: Submission = {
        ...current.value,
        ...rest,
        note: note === null ? undefined : (note ?? current.value.note),
      };
      // A correction that says what the submission says already (a form sent twice) is no change: nothing to version
      // or audit, and its obligation is neither derived again nor written.
      if (saysTheSame(corrected, current.value)) return current;
      const next: Submission = { ...corrected, updatedAt: deps.clock.now().toISOString() };
      let obligation: { before: Obligation; after: Obligation } | undefined;
      if (next.receivedOn !== current.value.receivedOn) {
        const obligations = await deps.reporting.obligations(iso3);
        const before = obligationIn(obligations, iso3, next.kind);
        const counted = (await allSubmissions(deps, iso3)).map((submission) =>
          submission.id === id ? next : submission,
        );
        const dates = counted.filter((submission) => submission.kind === next.kind).map((one) => one.receivedOn);
        obligation = { before, after: { ...before, firstReceivedOn: earliest(dates), lastReceivedOn: latest(dates) } };
        // Additional information follows the first report: neither may be re-dated across the other.
        refuseOutOfOrder(iso3, followsFirstReport(next, obligationIn(obligations, iso3, "first-report")));
        if (next.kind === "first-report") refuseOutOfOrder(iso3, informationStillFollows(obligation.after, counted));
      }
      return deps.reporting.correctSubmission(current, expectedVersion, next, obligation, audit);
    }).catch(async (error: unknown) => {
      throw await whereRecorded(deps, error);
    });
  };

export const getSubmission = (deps: ReportingDependencies) => async (iso3: string, id: string) => {
  const submission = await deps.reporting.getSubmission(iso3, id);
  if (!submission) throw new NotFound("Submission", `${iso3}/${id}`);
  return submission;
};

export const listSubmissions =
  (deps: ReportingDependencies) =>
  async (iso3: string, page: PageRequest): Promise<Page<Versioned<Submission>>> => {
    await getState(deps.registry)(iso3);
    return deps.reporting.listSubmissions(iso3, page);
  };

export const obligationsOf = (deps: ReportingDependencies) => async (iso3: string) => {
  await getState(deps.registry)(iso3);
  return deps.reporting.obligations(iso3);
};

/**
 * States with (or without) an action plan, through the obligation index, then read in one batch and narrowed by
 * region, reporting status and language basis as the registry's own listing is (a narrowed page may hold fewer).
 */
export const statesByActionPlan =
  (deps: ReportingDependencies) =>
  async (hasActionPlan: boolean, listing: StatesListing, page: PageRequest): Promise<Page<Versioned<State>>> => {
    const codes = await deps.reporting.statesWithObligation(
      "action-plan",
      hasActionPlan ? "fulfilled" : "not-applicable",
      { ...page, within: narrowingOf(listing) },
    );
    const states = await deps.registry.getStates(codes.items);
    return { items: states.filter((state) => isInListing(state.value, listing)), cursor: codes.cursor };
  };
