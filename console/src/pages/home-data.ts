// Where things stand, computed from the documented list routes only (the API has no summary route of its own).

import { type AssistanceAgeBucket, countByAge } from "../../../shared/assistance/age-buckets.ts";
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import { pendingRequests } from "./assistance-list-data.ts";
import { activeContactsByOwner } from "./contacts-by-owner.ts";
import { listWaves, messagesOf, unreachedOf } from "./correspondence/data.ts";
import { readChainLetters } from "./correspondence/wave-late-bounce.ts";
import { completedRestsToCheck, stillUncertain, wavesToWatch } from "./home-waves.ts";
import { type PocView, pocViewOf } from "./poc-view.ts";

export type State = Schemas["State"];
export type AssistanceRequest = Schemas["AssistanceRequest"];

const PAGE = "100";

export function memberStates(): Promise<State[]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/states", { params: { query: { limit: PAGE, ...(cursor ? { cursor } : {}) } } })),
  );
}

export interface Reporting {
  memberStates: number;
  reported: number;
  nonReporting: State[];
}

export function reportingOf(states: State[]): Reporting {
  return {
    memberStates: states.length,
    reported: states.filter((state) => state.reportingStatus === "reported").length,
    nonReporting: states
      .filter((state) => state.reportingStatus === "non-reporting")
      .sort((a, b) => a.name.localeCompare(b.name, "en")),
  };
}

/**
 * Each State's point-of-contact view (poc-view.ts), from two role lists instead of 193 calls; each view's States by
 * name.
 */
export async function pointOfContactCoverage(states: State[]): Promise<Record<PocView, State[]>> {
  const byOwner = await activeContactsByOwner(["capital-poc", "mission-poc"]);
  const coverage: Record<PocView, State[]> = { current: [], stale: [], unreachable: [], missing: [] };
  for (const state of states) coverage[pocViewOf(byOwner.get(`STATE:${state.iso3}`) ?? [])].push(state);
  // By name, as the page lists them.
  for (const list of Object.values(coverage)) list.sort((a, b) => a.name.localeCompare(b.name, "en"));
  return coverage;
}

/** Pending requests (not fulfilled, withdrawn or closed) by age on `today`, by the snapshot's own rule. */
export async function pendingAssistanceByAge(today: string): Promise<Record<AssistanceAgeBucket, number>> {
  return countByAge(
    (await pendingRequests()).map((request) => request.receivedOn),
    today,
  );
}

/** Waves scheduled or dispatching, each with its live counts from the ledger, and those halted lately (home-waves.ts). */
export async function wavesOnTheDesk(): Promise<{ inFlight: Schemas["WaveWithCounts"][]; halted: Schemas["Wave"][] }> {
  const now = new Date();
  const { inFlight, halted, restWritten } = wavesToWatch(await listWaves(), now);
  const withCounts = (list: readonly Schemas["Wave"][]) =>
    Promise.all(list.map(async (wave) => dataOf(await api.GET("/waves/{id}", { params: { path: { id: wave.id } } }))));
  // Past its no-letter-after limit none of its letters can be sent again: its counts are not read.
  const open = restWritten.filter((wave) => now < new Date(wave.notAfter));
  const [counted, uncertain] = await Promise.all([withCounts(inFlight), withCounts(open)]);
  return {
    inFlight: counted,
    halted: [...halted, ...uncertain.filter((wave) => stillUncertain(wave, now))].sort((a, b) =>
      b.updatedAt.localeCompare(a.updatedAt),
    ),
  };
}

/** A completed rest whose chain did not reach some owners after all: how many, its page names them. */
export interface RestNotReachedAfterAll {
  wave: Schemas["Wave"];
  owners: number;
}

/**
 * The completed rests of late whose chain left owners unwritten after all (home-waves.ts), each chain's letters read
 * once, as the rest's page reads them; read once when home opens, not with the waves in flight.
 */
export async function restsNotReachedAfterAll(): Promise<RestNotReachedAfterAll[]> {
  const waves = await listWaves();
  const unreachedOwners = async (id: string) => (await unreachedOf(id)).map(({ owner }) => owner);
  const judged = await Promise.all(
    completedRestsToCheck(waves, new Date()).map(async (wave) => {
      const { notWrittenAfterAll } = await readChainLetters(wave, waves, messagesOf, unreachedOwners);
      return { wave, owners: notWrittenAfterAll.length };
    }),
  );
  return judged.filter(({ owners }) => owners > 0);
}

export async function programmeDueNext(): Promise<Schemas["ProgrammeView"]> {
  return dataOf(await api.GET("/programme", { params: { query: { next: "5" } } }));
}

/** The latest quarter's snapshot, or undefined before the first one is taken. */
export async function latestSnapshot(): Promise<Schemas["Snapshot"] | undefined> {
  const summaries = await allPages(async (cursor) =>
    dataOf(await api.GET("/snapshots", { params: { query: { ...(cursor ? { cursor } : {}) } } })),
  );
  const latest = summaries.at(-1);
  if (!latest) return undefined;
  return dataOf(await api.GET("/snapshots/{period}", { params: { path: { period: latest.period } } }));
}
