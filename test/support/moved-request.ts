// An assistance request recorded on the day it was received and moved on the days given, the test's clock set to each
// day first: what the follow-up tests need of a request whose one-year follow-up falls due on a day of their choosing.
import { createRequest, transitionRequest } from "#shared/assistance/requests.ts";
import type { RequestStatus } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { dynamoHolidayStore } from "#shared/calendar/store.ts";
import type { fixedClock } from "#shared/clock.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import type { SeededStores, seededStores } from "./pipeline.ts";

const audit = { actor: systemActor("test") };

type TestClock = ReturnType<typeof fixedClock>;

export interface MovedRequest {
  /** The symbol is `S/AC.44/<series>/<key>`. */
  series: string;
  key: string;
  iso3: string;
  receivedOn: string;
  moves: [RequestStatus, string][];
}

/** Circulated on `day` (acknowledged and through the consent window the same day): followed up a year later. */
export const circulatedOn = (day: string): [RequestStatus, string][] => [
  ["acknowledged", day],
  ["consent-window", day],
  ["circulated", day],
];

export async function movedRequest(
  deps: SeededStores,
  tables: Pick<Awaited<ReturnType<typeof seededStores>>["setup"], "doc" | "tableNames">,
  clock: TestClock,
  { series, key, iso3, receivedOn, moves }: MovedRequest,
): Promise<void> {
  const assistanceDeps = {
    ...deps,
    reporting: reportingRepository(tables.doc, tables.tableNames, clock),
    holidays: dynamoHolidayStore(tables.doc, tables.tableNames, clock),
  };
  clock.set(`${receivedOn}T15:00:00Z`);
  const created = await createRequest(assistanceDeps)(
    {
      iso3,
      areas: ["legislation"],
      description: `Request ${key}`,
      receivedOn,
      symbol: `S/AC.44/${series}/${key}`,
      consentedToCirculation: true,
    },
    audit,
  );
  let version = created.version;
  for (const [to, on] of moves) {
    clock.set(`${on}T15:00:00Z`);
    version = (await transitionRequest(assistanceDeps)(created.value.id, version, { to }, audit)).version;
  }
}
