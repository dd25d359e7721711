// Use cases of reporting: record a received document, correct it, and read a State's submissions and obligations.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { State } from "../registry/schemas.ts";
import { getState } from "../registry/states.ts";
import { etagOf, type Versioned } from "../versioning.ts";
import { earliest, latest, retryOnObligationChange } from "./obligation-writes.ts";
import type { ReportingRepository } from "./repository.ts";
import {
  type NewSubmission,
  type Obligation,
  RESOLUTION_ADOPTED_ON,
  type Submission,
  type SubmissionCorrection,
} from "./schemas.ts";

export interface ReportingDependencies {
  registry: RegistryRepository;
  reporting: ReportingRepository;
  clock: Clock;
}

/** A document cannot arrive before the resolution existed, nor after today. */
function checkReceivedOn(receivedOn: string, clock: Clock): void {
  const today = clock.now().toISOString().slice(0, 10);
  const problem =
    receivedOn > today
      ? `is in the future (today is ${today})`
      : receivedOn < RESOLUTION_ADOPTED_ON
        ? `is before resolution 1540 was adopted on ${RESOLUTION_ADOPTED_ON}`
        : undefined;
  if (problem) throw new Invalid("The received date is not possible", [{ path: "body.receivedOn", message: problem }]);
}

export async function obligationOf(
  deps: ReportingDependencies,
  iso3: string,
  kind: Submission["kind"],
): Promise<Obligation> {
  const obligation = (await deps.reporting.obligations(iso3)).find((candidate) => candidate.kind === kind);
  if (!obligation) throw new NotFound(`The ${kind} obligation of State`, iso3);
  return obligation;
}

export const recordSubmission =
  (deps: ReportingDependencies) =>
  async (
    iso3: string,
    input: NewSubmission & { demo?: boolean },
    audit: AuditContext,
  ): Promise<Versioned<Submission>> => {
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
    await retryOnObligationChange(async () => {
      const state: Versioned<State> = await getState(deps.registry)(iso3);
      const before = await obligationOf(deps, iso3, input.kind);
      if (input.kind === "first-report" && before.status === "fulfilled") {
        throw new Conflict(`${iso3} has already submitted its first report`, {
          firstReceivedOn: before.firstReceivedOn,
        });
      }
      const dates = [input.receivedOn, ...[before.firstReceivedOn, before.lastReceivedOn].flatMap((on) => on ?? [])];
      const after: Obligation = {
        ...before,
        status: "fulfilled",
        submissions: before.submissions + 1,
        firstReceivedOn: earliest(dates),
        lastReceivedOn: latest(dates),
      };
      await deps.reporting.recordSubmission(state, submission, { before, after }, audit);
    });
    return { value: submission, version: 1 };
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
      const current = await deps.reporting.getSubmission(iso3, id);
      if (!current) throw new NotFound("Submission", `${iso3}/${id}`);
      if (current.version !== expectedVersion)
        throw new PreconditionFailed(`Submission ${id}`, etagOf(current.version));
      if (current.value.voided) {
        throw new Conflict(`Submission ${id} is voided; a voided submission cannot be changed`, {
          voided: current.value.voided,
        });
      }
      const { note, ...rest } = changes;
      const next: Submission = {
        ...current.value,
        ...rest,
        note: note === null ? undefined : (note ?? current.value.note),
        updatedAt: deps.clock.now().toISOString(),
      };
      let obligation: { before: Obligation; after: Obligation } | undefined;
      if (next.receivedOn !== current.value.receivedOn) {
        const before = await obligationOf(deps, iso3, next.kind);
        const dates = (await allSubmissions(deps, iso3))
          .filter((submission) => submission.kind === next.kind)
          .map((submission) => (submission.id === id ? next.receivedOn : submission.receivedOn));
        obligation = { before, after: { ...before, firstReceivedOn: earliest(dates), lastReceivedOn: latest(dates) } };
      }
      return deps.reporting.correctSubmission(current, expectedVersion, next, obligation, audit);
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

/** States with (or without) an action plan, through the obligation index, then read in one batch. */
export const statesByActionPlan =
  (deps: ReportingDependencies) =>
  async (hasActionPlan: boolean, page: PageRequest): Promise<Page<Versioned<State>>> => {
    const codes = await deps.reporting.statesWithObligation(
      "action-plan",
      hasActionPlan ? "fulfilled" : "not-applicable",
      page,
    );
    return { items: await deps.registry.getStates(codes.items), cursor: codes.cursor };
  };
