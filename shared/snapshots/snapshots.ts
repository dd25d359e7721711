// Use cases of quarterly snapshots: take one (compute and store it once), read, list, compare and export them.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditContext } from "../audit/audit-entry.ts";
import { type Actor, usernameOf } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Invalid, Malformed, NotFound } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import { DESK_TIME_ZONE } from "../zoned-time.ts";
import { contactsAsOf, needsHistory } from "./contacts-as-of.ts";
import { countedInGroupSentence } from "./counted-in-group.ts";
import { changeNote, diffSnapshots, figureRows, listsOf, namedDiff } from "./diff.ts";
import {
  actionPlanFigures,
  additionalInformationFigures,
  assistanceFigures,
  correspondenceFigures,
  matrixFigures,
  needsSubmissions,
  pointOfContactFigures,
  reportingFigures,
  waveIsIn,
} from "./figures.ts";
import { hasEnded, parsePeriod, type Quarter, quarterJustEnded } from "./period.ts";
import { statesWithGroupNote } from "./report/format.ts";
import { SnapshotExists, type SnapshotRepository, snapshotRepository } from "./repository.ts";
import { statesToTrack, trackResponses } from "./responses.ts";
import { AS_OF_COMPUTATION, type Snapshot, type SnapshotDiff } from "./schemas.ts";
import { type SnapshotSource, snapshotSource } from "./source.ts";

export interface SnapshotDependencies {
  snapshots: SnapshotRepository;
  source: SnapshotSource;
  clock: Clock;
}

export function snapshotDependencies(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): SnapshotDependencies {
  return {
    snapshots: snapshotRepository(doc, tableNames, clock),
    source: snapshotSource(doc, tableNames, clock),
    clock,
  };
}

/** The quarter's waves with their letter kind and their messages (without the letters). */
async function wavesOf(source: SnapshotSource, quarter: Quarter) {
  const waves = (await source.waves()).filter((wave) => waveIsIn(wave, quarter));
  const [templates, messages, unreached] = await Promise.all([
    source.templates(waves.map((wave) => wave.templateId)),
    source.messagesOfWaves(waves.map((wave) => wave.id)),
    source.unreachedOfWaves(waves.map((wave) => wave.id)),
  ]);
  const kinds = new Map(templates.map((template) => [template.id, template.kind]));
  return waves.map((wave) => ({
    wave,
    waveId: wave.id,
    letterKind: kinds.get(wave.templateId) ?? null,
    sendInstant: wave.sendInstant,
    messages: messages.get(wave.id) ?? [],
    unreached: unreached.get(wave.id) ?? [],
  }));
}

/**
 * Reads everything the quarter's figures need, independent reads at once: the whole registry and the indexes
 * first, then the partitions they point to (matrices, wave ledgers, the submissions of a few States).
 */
async function computeFigures(deps: SnapshotDependencies, quarter: Quarter, taker: Actor): Promise<Snapshot> {
  const { source, clock } = deps;
  const statesRead = source.memberStates();
  const additionalRead = source.fulfilledObligations("additional-information");
  const plansRead = source.fulfilledObligations("action-plan");
  const wavesRead = wavesOf(source, quarter);
  const matricesRead = statesRead.then((states) =>
    source.approvedMatricesOn(
      states.map((state) => state.iso3),
      quarter.end,
    ),
  );
  // Only the States whose documents straddle the quarter's end, and those a tracked letter reached.
  const submissionsRead = Promise.all([additionalRead, plansRead, wavesRead]).then(([additional, plans, waves]) =>
    source.submissionsOf([
      ...new Set([
        ...needsSubmissions(additional, quarter),
        ...needsSubmissions(plans, quarter),
        ...statesToTrack(quarter, waves),
      ]),
    ]),
  );
  // The audited images of the contacts whose current values may not be the quarter's end's (few, right after it).
  const pocRead = source.pocContacts().then(async (contacts) => {
    const images = await source.contactImages(
      contacts.filter((contact) => needsHistory(contact, quarter.end)).map((contact) => contact.id),
    );
    return contactsAsOf(contacts, quarter.end, images);
  });
  // One Promise.all holds every read, so a failure in one leaves no rejection unhandled.
  const [states, additional, plans, contacts, requests, providers, waves, matrices, submissions] = await Promise.all([
    statesRead,
    additionalRead,
    plansRead,
    pocRead,
    source.requestsReceivedBy(quarter.end),
    source.providers(),
    wavesRead,
    matricesRead,
    submissionsRead,
  ]);
  return {
    period: quarter.id,
    periodStart: quarter.start,
    periodEnd: quarter.end,
    timeZone: DESK_TIME_ZONE,
    asOf: quarter.end,
    computedAt: clock.now().toISOString(),
    computedBy: taker.id,
    // Named as the timeline names actors, for the readers who may not look the id up in the audit trail.
    ...(usernameOf(taker) ? { computedByName: usernameOf(taker) } : {}),
    previousPeriod: null,
    // Point-of-contact coverage is dated, unless some contact's facts of the day could not be (ADR 0011).
    asOfComputation: AS_OF_COMPUTATION.filter((group) => group !== "pointOfContact" || contacts.undated > 0),
    states: states
      .map(({ iso3, name, region, groupNote }) => ({ iso3, name, region, ...(groupNote ? { groupNote } : {}) }))
      .sort((a, b) => a.iso3.localeCompare(b.iso3)),
    reporting: reportingFigures(states, quarter),
    additionalInformation: additionalInformationFigures(states, additional, quarter, submissions),
    actionPlans: actionPlanFigures(states, plans, quarter, submissions),
    pointOfContact: pointOfContactFigures(states, contacts.contacts, quarter.end),
    matrix: matrixFigures(matrices),
    assistance: assistanceFigures(requests, providers, quarter),
    correspondence: correspondenceFigures(waves),
    responses: trackResponses(quarter, waves, submissions),
    change: null,
  };
}

export interface SnapshotRun {
  snapshot: Snapshot;
  /** This run stored it; false: it was stored already (by an earlier or a concurrent run) and is returned as is. */
  created: boolean;
}

/**
 * Takes the snapshot of a quarter (the one that just ended in New York, unless named) once: an ended quarter only,
 * stored by a conditional put, so a repeated or concurrent run returns the stored snapshot unchanged.
 */
export const takeSnapshot =
  (deps: SnapshotDependencies) =>
  async (input: { period?: string | undefined }, audit: AuditContext): Promise<SnapshotRun> => {
    const now = deps.clock.now();
    const quarter = input.period ? parsePeriod(input.period, "body.period") : quarterJustEnded(now);
    if (!hasEnded(quarter, now)) {
      throw new Invalid("The quarter has not ended", [
        { path: "body.period", message: `${quarter.id} ends on ${quarter.end} (New York); take it from the day after` },
      ]);
    }
    const stored = await deps.snapshots.get(quarter.id);
    if (stored) return { snapshot: await withLatestPrevious(deps, stored), created: false };

    const previous = await deps.snapshots.latestBefore(quarter.id);
    const computed = await computeFigures(deps, quarter, audit.actor);
    const snapshot: Snapshot = previous
      ? { ...computed, previousPeriod: previous.period, change: diffSnapshots(previous, computed) }
      : computed;
    try {
      await deps.snapshots.create(snapshot, audit);
      return { snapshot, created: true };
    } catch (error) {
      if (!(error instanceof SnapshotExists)) throw error;
      const winner = await deps.snapshots.get(quarter.id);
      if (!winner) throw error;
      return { snapshot: await withLatestPrevious(deps, winner), created: false };
    }
  };

/**
 * The snapshot with, as its previous one, the latest earlier quarter stored now: a quarter taken after a later one
 * becomes that later one's previous, with the change measured from it. The stored item itself never changes.
 */
async function withLatestPrevious(deps: Pick<SnapshotDependencies, "snapshots">, snapshot: Snapshot) {
  const before = (await deps.snapshots.periodBefore(snapshot.period)) ?? null;
  if (before === snapshot.previousPeriod) return snapshot;
  const previous = before ? await deps.snapshots.get(before) : undefined;
  return {
    ...snapshot,
    previousPeriod: previous?.period ?? null,
    change: previous ? diffSnapshots(previous, snapshot) : null,
  };
}

export const getSnapshot =
  (deps: Pick<SnapshotDependencies, "snapshots">) =>
  async (period: string): Promise<Snapshot> => {
    const snapshot = await deps.snapshots.get(period);
    if (!snapshot) throw new NotFound("Snapshot", period);
    return withLatestPrevious(deps, snapshot);
  };

/** A page oldest first: each entry's previous quarter is the one before it, the first's is read from the index. */
export const listSnapshots = (deps: Pick<SnapshotDependencies, "snapshots">) => async (page: PageRequest) => {
  const listed = await deps.snapshots.list(page);
  const [first] = listed.items;
  let previous = first ? ((await deps.snapshots.periodBefore(first.period)) ?? null) : null;
  const items = listed.items.map((summary) => {
    const withPrevious = { ...summary, previousPeriod: previous };
    previous = summary.period;
    return withPrevious;
  });
  return { ...listed, items };
};

/**
 * What changed from the `against` snapshot to this one, each figure and list named in words. `against` must be an
 * earlier quarter: the change runs forward in time, and its `to` is this snapshot, as in the snapshot's own `change`.
 * A later one is refused before anything is read, with the question the other way round, rather than answered
 * backwards ("from 2026-Q3 to 2026-Q1") or with the two quarters silently swapped: a program reading the change as
 * this quarter's would then get its sign wrong.
 */
export const compareSnapshots =
  (deps: Pick<SnapshotDependencies, "snapshots">) =>
  async (period: string, against: string): Promise<SnapshotDiff> => {
    if (against >= period) {
      throw new Malformed(`Compare ${period} with an earlier quarter, not with ${against}`, [
        {
          path: "query.against",
          message:
            against === period
              ? `${period} is the quarter itself: name an earlier quarter`
              : `${against} is after ${period}: the change runs from the earlier quarter to the later, so ask ` +
                `/snapshots/${against}/diff?against=${period}`,
        },
      ]);
    }
    const [later, earlier] = await Promise.all([getSnapshot(deps)(period), getSnapshot(deps)(against)]);
    return namedDiff(diffSnapshots(earlier, later));
  };

/** The JSON export: the same rows as the CSV, and every list. */
export function snapshotExport(snapshot: Snapshot) {
  return {
    period: snapshot.period,
    asOf: snapshot.asOf,
    computedAt: snapshot.computedAt,
    previousPeriod: snapshot.previousPeriod,
    asOfComputation: snapshot.asOfComputation,
    changeNote: changeNote(snapshot.change),
    figures: figureRows(snapshot),
    lists: listsOf(snapshot).map(({ list, group, members }) => ({ list, group, members: [...members] })),
    groupNotes: statesWithGroupNote(snapshot).map(({ iso3, region, groupNote }) => ({
      iso3,
      region,
      words: countedInGroupSentence(iso3, region),
      note: groupNote,
    })),
  };
}
