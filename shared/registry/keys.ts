// Item keys of a State's partition in the desk table: the State item and the index keys that list States.
import type { LanguageBasis, RegionSlug, ReportingStatus, State } from "./schemas.ts";

export const statePartition = (iso3: string) => `STATE#${iso3}`;
export const stateKey = (iso3: string) => ({ pk: statePartition(iso3), sk: "STATE" });

/** gsi1: States by regional group; gsi2: all States; gsi3: States by reporting status. All sorted by iso3. */
export const stateIndexKeys = (iso3: string, region: string, status: ReportingStatus) => ({
  gsi1pk: `REGION#${region}`,
  gsi1sk: iso3,
  gsi2pk: "STATES",
  gsi2sk: iso3,
  gsi3pk: reportingStatusPartition(status),
  gsi3sk: iso3,
});

export const reportingStatusPartition = (status: ReportingStatus) => `STATUS#${status}`;

/** What a listing of States is narrowed by: each adapter reads it the same way, so its cursors name the same scope. */
export interface StatesListing {
  region?: RegionSlug | undefined;
  status?: ReportingStatus | undefined;
  languageBasis?: LanguageBasis | undefined;
}

/**
 * The index partition a listing reads (by status, else by region, else all), what is left to filter on it, and the
 * scope its cursors are bound to (unchanged for the listings that existed before the language basis).
 */
export function statesListingOf({ region, status, languageBasis }: StatesListing) {
  const partition = status ? reportingStatusPartition(status) : region ? `REGION#${region}` : "STATES";
  const regionFiltered = status !== undefined && region !== undefined;
  const basis = languageBasis ? `:basis=${languageBasis}` : "";
  const scope = `states:${partition}:${regionFiltered ? region : ""}${basis}`;
  return { partition, regionFiltered, scope };
}

/** Whether a State belongs to a listing: for a store that narrows States it has read (no index to ask). */
export const isInListing = (state: State, { region, status, languageBasis }: StatesListing) =>
  (region === undefined || state.region === region) &&
  (status === undefined || state.reportingStatus === status) &&
  (languageBasis === undefined || state.languageBasis === languageBasis);

/** A listing's narrowing as text (empty when none), to bind the cursor of a page narrowed by it to that narrowing. */
export const narrowingOf = ({ region, status, languageBasis }: StatesListing) =>
  [region && `region=${region}`, status && `status=${status}`, languageBasis && `basis=${languageBasis}`]
    .filter(Boolean)
    .join(",");
