// The consent window's count on the UN Headquarters working calendar (ADR 0006): 5 working days after acknowledgement,
// skipping weekends and the official holidays the secretariat recorded for the years the window runs into. A year
// whose list is not on record is counted with weekends only, and the request says so (consentWindowCounted).
import type { AuditContext } from "../audit/audit-entry.ts";
import type { HeadquartersHolidays } from "../calendar/schemas.ts";
import type { HolidayStore } from "../calendar/store.ts";
import type { Clock } from "../clock.ts";
import { everyPage } from "../dynamo/every-page.ts";
import { PreconditionFailed } from "../errors.ts";
import type { Versioned } from "../versioning.ts";
import { addDays, addWorkingDays } from "./dates.ts";
import type { AssistanceRepository } from "./repository.ts";
import type { AssistanceRequest, RequestStatus } from "./schemas.ts";
import { CONSENT_WINDOW_WORKING_DAYS, type ConsentWindowCount, type WorkingCalendar } from "./workflow.ts";

/** The holiday lists on record by year: those of an acknowledgement's year and the next. */
export type HolidayLists = ReadonlyMap<number, Pick<HeadquartersHolidays, "source" | "days">>;

const yearOf = (day: string) => Number(day.slice(0, 4));

/**
 * The window of an acknowledgement on `acknowledgedOn`, counted with `lists`: its last day, the circulars of the years
 * it runs into that are on record, and those years that are not. Five working days never span more than two years.
 */
export function countConsentWindow(acknowledgedOn: string, lists: HolidayLists): ConsentWindowCount {
  const holidays = new Set([...lists.values()].flatMap((list) => list.days.map((day) => day.date)));
  const closesOn = addWorkingDays(acknowledgedOn, CONSENT_WINDOW_WORKING_DAYS, holidays);
  const first = yearOf(addDays(acknowledgedOn, 1));
  const years = first === yearOf(closesOn) ? [first] : [first, yearOf(closesOn)];
  return {
    consentWindowClosesOn: closesOn,
    consentWindowCounted: {
      holidaysFrom: years.flatMap((year) => lists.get(year)?.source ?? []),
      yearsNotOnRecord: years.filter((year) => !lists.has(year)),
    },
  };
}

export const workingCalendar =
  (lists: HolidayLists): WorkingCalendar =>
  (acknowledgedOn) =>
    countConsentWindow(acknowledgedOn, lists);

/** The lists a window acknowledged in `year` may run into: that year's and the next's, one read. */
const listsFor = (holidays: Pick<HolidayStore, "getYears">, year: number): Promise<HolidayLists> =>
  holidays.getYears([year, year + 1]);

/** The calendar of an acknowledgement on `acknowledgedOn`, read once from the lists on record. */
export async function consentWindowCalendar(
  holidays: Pick<HolidayStore, "getYears">,
  acknowledgedOn: string,
): Promise<WorkingCalendar> {
  return workingCalendar(await listsFor(holidays, yearOf(acknowledgedOn)));
}

export interface RecountDependencies {
  assistance: Pick<AssistanceRepository, "listRequests" | "getRequest" | "write" | "replaceRequest" | "audit">;
  holidays: Pick<HolidayStore, "getYears">;
  clock: Clock;
}

/** Requests whose window is still open to the count: not yet circulated, withdrawn or closed. */
const OPEN_STATUSES: readonly RequestStatus[] = ["acknowledged", "consent-window"];

/** A write that found the request moved on is read again and counted again, this many times at most. */
const MAX_RETRIES = 3;

const sameCount = (a: Partial<ConsentWindowCount>, b: ConsentWindowCount) =>
  a.consentWindowClosesOn === b.consentWindowClosesOn &&
  a.consentWindowCounted?.holidaysFrom.join() === b.consentWindowCounted.holidaysFrom.join() &&
  a.consentWindowCounted?.yearsNotOnRecord.join() === b.consentWindowCounted.yearsNotOnRecord.join();

/**
 * After the secretariat records or corrects `year`'s holidays: each request still acknowledged or in its consent
 * window, acknowledged in that year or the one before (a window runs into the next year at most), is counted again
 * with the lists now on record. A request whose last day or count changed is written on its version, with an audit
 * entry giving its new last day; one changed meanwhile is read again. Returns how many were written.
 */
export const recountConsentWindows =
  (deps: RecountDependencies) =>
  async (year: number, audit: AuditContext): Promise<number> => {
    // The day the window counts from, for a request this year's list may touch.
    const acknowledgedOn = (request: AssistanceRequest | undefined) =>
      request?.acknowledgedOn &&
      OPEN_STATUSES.includes(request.status) &&
      [year - 1, year].includes(yearOf(request.acknowledgedOn))
        ? request.acknowledgedOn
        : undefined;
    const open = await Promise.all(
      OPEN_STATUSES.map((status) => everyPage((page) => deps.assistance.listRequests({ ...page, status }))),
    );
    const reads = new Map<number, Promise<HolidayLists>>();
    const listsOf = (day: string) => {
      const read = reads.get(yearOf(day)) ?? listsFor(deps.holidays, yearOf(day));
      reads.set(yearOf(day), read);
      return read;
    };
    const window = (iso3: string, count: Partial<ConsentWindowCount>) => ({
      iso3,
      consentWindowClosesOn: count.consentWindowClosesOn,
      consentWindowCounted: count.consentWindowCounted,
    });

    let changed = 0;
    for (const found of open.flat()) {
      let request: Versioned<AssistanceRequest> | undefined = found;
      for (let retry = 0; ; retry++) {
        const day = acknowledgedOn(request?.value);
        if (!request || !day) break;
        const { value, version } = request;
        const count = countConsentWindow(day, await listsOf(day));
        if (sameCount(value, count)) break;
        try {
          await deps.assistance.write([
            deps.assistance.replaceRequest({ ...value, ...count, updatedAt: deps.clock.now().toISOString() }, version),
            deps.assistance.audit({
              ...audit,
              action: "assistance.request.recount",
              entity: { type: "assistance-request", id: value.id },
              reason:
                `The consent window was counted again after the ${year} UN Headquarters holidays were recorded: ` +
                `its last day is ${count.consentWindowClosesOn}`,
              before: window(value.iso3, value),
              after: window(value.iso3, count),
            }),
          ]);
          changed++;
          break;
        } catch (error) {
          if (!(error instanceof PreconditionFailed) || retry === MAX_RETRIES) throw error;
          request = await deps.assistance.getRequest(value.id);
        }
      }
    }
    return changed;
  };
