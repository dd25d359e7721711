// Quarter arithmetic in New York time: which quarter a name or an instant means, its days, and whether it is over.
import { Invalid } from "../errors.ts";
import { deskDay } from "../zoned-time.ts";
import { type Period, periodSchema } from "./schemas.ts";

export interface Quarter {
  id: Period;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** The first day, YYYY-MM-DD. */
  start: string;
  /** The last day, YYYY-MM-DD. */
  end: string;
}

const pad = (value: number) => String(value).padStart(2, "0");

function quarterOf(year: number, quarter: 1 | 2 | 3 | 4): Quarter {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  return {
    id: `${year}-Q${quarter}`,
    year,
    quarter,
    start: `${year}-${pad(firstMonth)}-01`,
    end: `${year}-${pad(lastMonth)}-${pad(lastDay)}`,
  };
}

const asQuarter = (n: number): 1 | 2 | 3 | 4 => (n <= 1 ? 1 : n === 2 ? 2 : n === 3 ? 3 : 4);

/** A quarter named `2023-Q1`; anything else is refused at `path`. */
export function parsePeriod(id: string, path = "period"): Quarter {
  const checked = periodSchema.safeParse(id);
  if (!checked.success) {
    throw new Invalid("Not a quarter", [{ path, message: checked.error.issues[0]?.message ?? "must be YYYY-Qn" }]);
  }
  return quarterOf(Number(id.slice(0, 4)), asQuarter(Number(id.slice(6))));
}

/** The quarter a day (YYYY-MM-DD) falls in. */
export function quarterOfDay(day: string): Quarter {
  return quarterOf(Number(day.slice(0, 4)), asQuarter(Math.ceil(Number(day.slice(5, 7)) / 3)));
}

export function previousQuarter(quarter: Quarter): Quarter {
  return quarter.quarter === 1
    ? quarterOf(quarter.year - 1, 4)
    : quarterOf(quarter.year, asQuarter(quarter.quarter - 1));
}

/** The quarter that ended last before `now`, in New York: what the quarterly schedule, firing on the 1st, reports. */
export const quarterJustEnded = (now: Date): Quarter => previousQuarter(quarterOfDay(deskDay(now)));

/** A quarter is over once New York has reached the day after its last. */
export const hasEnded = (quarter: Quarter, now: Date): boolean => deskDay(now) > quarter.end;

/** Whether a day lies within the quarter. */
export const dayIsIn = (day: string, quarter: Quarter): boolean => day >= quarter.start && day <= quarter.end;
