// A draft for a year without an adopted programme: an adopted year's recurring activities carried into it (the latest
// whose Annex II was read, ADR 0047). A meeting held on a day moves to the same weekday and week of its month (the first
// Tuesday of June stays the first Tuesday); a month stays its month; a due date keeps its day of the year, a quarter or
// month end its quarter or month. What names a dated event of that year (a day, a numbered meeting, "any other
// matters") is not carried: the draft would state it as a fact of the new year.
import type { ActivityFile, ActivityKind, ProgrammeFile, WrittenDueBy } from "./schemas.ts";

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

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";

/** A day ("23 March 2023") or a run of days ("25 to 28 June 2024"): first day, month, year. */
const dayPattern = () => new RegExp(`\\b(\\d{1,2}) (?:to \\d{1,2} )?(${MONTHS}) (\\d{4})\\b`, "g");

/** The days a programme's period starts and ends (every one runs from 1 February to 31 January): not events. */
const PERIOD_BOUNDS = new Set(["1 February", "31 January"]);

const isEventDay = (match: RegExpMatchArray) => !PERIOD_BOUNDS.has(`${match[1]} ${match[2]}`);

/** The years a programme's words may name as its own: the year before it to two years after. */
const programmeYears = (fromYear: number) => (value: number) => value >= fromYear - 1 && value <= fromYear + 2;

/**
 * The years around the programme's own move with it ("the 2024 focus" -> "the 2026 focus", "for 2025 to January
 * 2026" -> "for 2027 to January 2028", "1 February 2025" -> "1 February 2027"). A year in parentheses is a
 * resolution's ("resolution 2663 (2022)") or a dated record's ("(Addis Ababa, November 2024)"), and the year of an
 * event's day is the event's ("since 23 March 2023"): those stay, for the event does not happen again.
 */
export function shiftYearsInText(text: string, fromYear: number, years: number): string {
  const own = programmeYears(fromYear);
  const eventYears = new Set(
    [...text.matchAll(dayPattern())].filter(isEventDay).map((match) => (match.index ?? 0) + match[0].length - 4),
  );
  return text.replace(/(?<![(\d])(\d{4})(?![\d)])/g, (match, _year, at: number) =>
    own(Number(match)) && !eventYears.has(at) ? String(Number(match) + years) : match,
  );
}

/**
 * Whether a text names an event of the programme's own years: a day ("23 March 2023", "25 to 28 June 2024") or a
 * place and month in parentheses ("(Addis Ababa, November 2024)"). A day long before ("approved on 7 December 2018")
 * is a standing reference, not an event of the year.
 */
export function namesDatedEvent(text: string, fromYear: number): boolean {
  const own = programmeYears(fromYear);
  const days = [...text.matchAll(dayPattern())].filter(isEventDay).map((match) => Number(match[3]));
  const recorded = [...text.matchAll(new RegExp(`\\([^()]*\\b(?:${MONTHS}) (\\d{4})\\)`, "g"))].map((match) =>
    Number(match[1]),
  );
  return [...days, ...recorded].some(own);
}

/** "Any other matters" are what came up at one meeting, never a plan for the next year's. */
const isOtherMatters = (item: string) => /^(any )?other matters\b/i.test(item);

/** What an activity is called in "since its last ...". */
const NOUN: Record<ActivityKind, string> = {
  meeting: "meeting",
  "informal-meeting": "informal meeting",
  briefing: "briefing",
  "open-briefing": "open briefing",
  correspondence: "letter",
  adoption: "adoption",
  deadline: "deadline",
  review: "review",
  report: "report",
  other: "occasion",
};

/**
 * A title without the dated facts of its year: "since 23 March 2023" becomes "since its last briefing", a numbered
 * meeting ("105th meeting") an unnumbered one, and "on" or "of" an event's day is left out; then its own years move.
 */
function draftTitle(activity: Pick<ActivityFile, "title" | "kind">, fromYear: number, years: number): string {
  const own = programmeYears(fromYear);
  const title = activity.title
    .replace(new RegExp(` (since|on|of) ${dayPattern().source}`, "g"), (...found) => {
      const [match, preposition, day, month, year] = found as string[];
      if (!own(Number(year)) || PERIOD_BOUNDS.has(`${day} ${month}`)) return match ?? "";
      return preposition === "since" ? ` since its last ${NOUN[activity.kind]}` : "";
    })
    .replace(/\b\d+(?:st|nd|rd|th) (meeting)\b/gi, (_, meeting: string) => meeting)
    .replace(/^./, (first) => first.toUpperCase());
  return shiftYearsInText(title, fromYear, years);
}

/** The agenda items a later year can plan for: none of one meeting's other matters, none naming a dated event. */
const recurringAgenda = (items: readonly string[], fromYear: number) =>
  items.filter((item) => !isOtherMatters(item) && !namesDatedEvent(item, fromYear));

function rollActivity(activity: ActivityFile, from: ProgrammeFile, years: number): ActivityFile {
  const {
    date,
    dueBy,
    month,
    held: _held,
    annexText: _annexText,
    note: _note,
    letters,
    oneOffAgendaItems = [],
    recurringTitle,
    ...rest
  } = activity;
  const how =
    date !== undefined
      ? `held on ${date}: moved to the same weekday and week of the month`
      : month !== undefined
        ? `planned for ${month}: the same month`
        : "due on the same day, quarter end or month end";
  return {
    ...rest,
    title: draftTitle({ ...activity, title: recurringTitle ?? activity.title }, from.year, years),
    agendaItems: recurringAgenda(
      activity.agendaItems.filter((item) => !oneOffAgendaItems.includes(item)),
      from.year,
    ).map((item) => shiftYearsInText(item, from.year, years)),
    ...(date !== undefined ? { date: sameWeekdayAndWeek(date, years) } : {}),
    ...(dueBy !== undefined ? { dueBy: shiftDueBy(dueBy, years) } : {}),
    ...(month !== undefined ? { month: shiftYear(month, years) } : {}),
    // A letter's values are its year's (a briefing's day and venue): the draft links the letter, and gives none.
    ...(letters ? { letters: letters.map(({ values: _values, ...link }) => link) } : {}),
    source: {
      basis: "inference",
      document: `The adopted programme of work ${from.year}, activity ${activity.id} (source there: ${activity.source.basis})`,
      locator: `activity ${activity.id}, ${how}`,
    },
    verified: false,
    note: `Draft: rolled forward from the ${from.year} programme (${how}). Replace it with the adopted programme's Annex II.`,
  };
}

const committeeYear = (year: number) => `the 1540 Committee, 1 February ${year} to 31 January ${year + 1}`;
/** The title a draft rolled forward from `from` is given. */
const rolledForwardTitle = (year: number, from: number) =>
  `Draft programme of work of ${committeeYear(year)} (rolled forward from ${from})`;
/** The title such a draft takes when the Committee adopts it as it stands: no longer a draft. */
const adoptedTitle = (year: number) => `Programme of work of ${committeeYear(year)}`;

/**
 * A year's title on adoption: the roll forward's own title loses "Draft", whether the draft was stored first (a
 * letter's values given, say) or not; a title staff wrote stays theirs.
 */
export function titleOnAdoption(title: string, year: number): string {
  const from = /\(rolled forward from (\d{4})\)$/.exec(title)?.[1];
  return from !== undefined && title === rolledForwardTitle(year, Number(from)) ? adoptedTitle(year) : title;
}

/** The draft for `year` from an adopted programme of an earlier year; one-off activities (recurring: false) stay behind. */
export function rollForward(from: ProgrammeFile, year: number): ProgrammeFile {
  const years = year - from.year;
  return {
    year,
    title: rolledForwardTitle(year, from.year),
    period: { from: sameDayOfYear(from.period.from, years), to: sameDayOfYear(from.period.to, years) },
    source: {
      document: `Draft rolled forward from the adopted programme of work ${from.year}: ${from.source.document}`,
      annexRead: false,
      note:
        `No programme of work ${year} is adopted on the desk. Its recurring activities are those of ${from.year} ` +
        `(${from.source.annexRead ? "its Annex II timetable" : "compiled from records: its Annex II was not read"}), ` +
        "moved to the same weekday and week of the month (or the same month, or the same due date), without the " +
        "one-offs, other matters and dated events of that year; adopt it, or put the adopted programme, once the " +
        "Committee has agreed it.",
    },
    activities: from.activities
      .filter((activity) => activity.recurring !== false)
      .map((a) => rollActivity(a, from, years)),
  };
}
