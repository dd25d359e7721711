// A draft for a year without an adopted programme: the latest adopted year's recurring activities carried into it.
// A meeting held on a day moves to the same weekday and week of its month (the first Tuesday of June stays the first
// Tuesday); a month stays its month; a due date keeps its day of the year, a quarter or month end its quarter or month.
import type { ActivityFile, ProgrammeFile, WrittenDueBy } from "./schemas.ts";

const iso = (date: Date) => date.toISOString().slice(0, 10);

/** The same weekday in the same week of the same month, `years` later; a fifth weekday the month lacks: its last. */
export function sameWeekdayAndWeek(date: string, years: number): string {
  const from = new Date(`${date}T00:00:00Z`);
  const week = Math.floor((from.getUTCDate() - 1) / 7);
  const year = from.getUTCFullYear() + years;
  const month = from.getUTCMonth();
  const firstWeekday = new Date(Date.UTC(year, month, 1)).getUTCDay();
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  let day = 1 + ((from.getUTCDay() - firstWeekday + 7) % 7) + 7 * week;
  if (day > lastDay) day -= 7;
  return iso(new Date(Date.UTC(year, month, day)));
}

/** The same day of the year, `years` later (29 February becomes the 28th in a common year). */
export function sameDayOfYear(date: string, years: number): string {
  const [year = 0, month = 1, day = 1] = date.split("-").map(Number);
  const lastDay = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year + years, month - 1, Math.min(day, lastDay))));
}

const shiftYear = (written: string, years: number) => `${Number(written.slice(0, 4)) + years}${written.slice(4)}`;

function shiftDueBy(dueBy: WrittenDueBy, years: number): WrittenDueBy {
  if (typeof dueBy === "string") return sameDayOfYear(dueBy, years);
  if ("quarterEnd" in dueBy) return { quarterEnd: shiftYear(dueBy.quarterEnd, years) };
  return { monthEnd: shiftYear(dueBy.monthEnd, years) };
}

/**
 * The years around the programme's own move with it ("the 2024 focus" -> "the 2026 focus", "for 2025 to January
 * 2026" -> "for 2027 to January 2028"); a year in parentheses is a resolution's ("resolution 2663 (2022)") or a
 * dated record's ("(Addis Ababa, November 2024)") and stays.
 */
export function shiftYearsInText(text: string, fromYear: number, years: number): string {
  return text.replace(/(?<![(\d])(\d{4})(?![\d)])/g, (match) => {
    const value = Number(match);
    return value >= fromYear - 1 && value <= fromYear + 2 ? String(value + years) : match;
  });
}

function rollActivity(activity: ActivityFile, from: ProgrammeFile, years: number): ActivityFile {
  const { date, dueBy, month, held: _held, annexText: _annexText, note: _note, ...rest } = activity;
  const how =
    date !== undefined
      ? `held on ${date}: moved to the same weekday and week of the month`
      : month !== undefined
        ? `planned for ${month}: the same month`
        : "due on the same day, quarter end or month end";
  return {
    ...rest,
    title: shiftYearsInText(activity.title, from.year, years),
    agendaItems: activity.agendaItems.map((item) => shiftYearsInText(item, from.year, years)),
    ...(date !== undefined ? { date: sameWeekdayAndWeek(date, years) } : {}),
    ...(dueBy !== undefined ? { dueBy: shiftDueBy(dueBy, years) } : {}),
    ...(month !== undefined ? { month: shiftYear(month, years) } : {}),
    source: {
      basis: "inference",
      document: `The adopted programme of work ${from.year}, activity ${activity.id} (source there: ${activity.source.basis})`,
      locator: `activity ${activity.id}, ${how}`,
    },
    verified: false,
    note: `Draft: rolled forward from the ${from.year} programme (${how}). Replace it with the adopted programme's Annex II.`,
  };
}

/** The draft for `year` from an adopted programme of an earlier year; one-off activities (recurring: false) stay behind. */
export function rollForward(from: ProgrammeFile, year: number): ProgrammeFile {
  const years = year - from.year;
  return {
    year,
    title: `Draft programme of work of the 1540 Committee, 1 February ${year} to 31 January ${year + 1} (rolled forward from ${from.year})`,
    period: { from: sameDayOfYear(from.period.from, years), to: sameDayOfYear(from.period.to, years) },
    source: {
      document: `Draft rolled forward from the adopted programme of work ${from.year}: ${from.source.document}`,
      annexRead: false,
      note:
        `No programme of work ${year} is adopted on the desk. Its recurring activities are those of ${from.year}, ` +
        "moved to the same weekday and week of the month (or the same month, or the same due date); adopt it, or put " +
        "the adopted programme, once the Committee has agreed it.",
    },
    activities: from.activities
      .filter((activity) => activity.recurring !== false)
      .map((a) => rollActivity(a, from, years)),
  };
}
