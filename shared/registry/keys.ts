// Item keys of a State's partition in the desk table: the State item and the index keys that list States.
import type { ReportingStatus } from "./schemas.ts";

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
