// The programmes of work the desk knows, one file per programme year, each validated once: a bad file is refused
// with its name and the field at fault.
import { type FieldIssue, NotFound } from "../errors.ts";
import { lazy } from "../lazy.ts";
import { monthEnd, resolveDueBy } from "./calendar.ts";
import {
  type Activity,
  type ActivityFile,
  type Programme,
  type ProgrammeFile,
  programmeFileSchema,
} from "./schemas.ts";

/** A programme file that breaks the rules; the message names the file and every field at fault. */
export class ProgrammeFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file} is not a valid programme of work:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
  }
}

/** An activity as served: its day (and last day) resolved from a date, a due date, or a planned month. */
export function resolveActivity(activity: ActivityFile): Activity {
  const { date, dueBy, month, ...rest } = activity;
  if (month !== undefined) {
    // A record's day wins over the annex's month, which stays beside it (planned for December, held 15 November).
    if (rest.held) return { ...rest, timing: "on", day: rest.held.date, lastDay: rest.held.date, plannedMonth: month };
    return { ...rest, timing: "in", day: `${month}-01`, lastDay: monthEnd(month), plannedMonth: month };
  }
  if (dueBy === undefined) return { ...rest, timing: "on", day: date ?? "", lastDay: date ?? "" };
  const { day, asWritten } = resolveDueBy(dueBy);
  return { ...rest, timing: "by", day, lastDay: day, ...(asWritten ? { dueByAsWritten: asWritten } : {}) };
}

const timingField = (activity: ActivityFile): string =>
  activity.month !== undefined ? "month" : activity.dueBy !== undefined ? "dueBy" : "date";

/**
 * The rules across activities, each at its field path: unique ids, every day inside the programme's period, the
 * programme's year its period's first, an activity's letters each linked once, a scheduled letter by one activity.
 */
export function programmeIssues(file: ProgrammeFile, year: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { from, to } = file.period;
  if (file.year !== year) issues.push({ path: "year", message: `is ${file.year}, but the programme is for ${year}` });
  if (from.slice(0, 4) !== String(file.year)) {
    issues.push({ path: "period.from", message: `${from} does not start in ${file.year}` });
  }
  if (from > to) issues.push({ path: "period", message: `from ${from} is after to ${to}` });
  const outside = (day: string) => day < from || day > to;
  const seen = new Set<string>();
  const scheduledBy = new Map<string, string>();
  file.activities.forEach((activity, index) => {
    if (seen.has(activity.id))
      issues.push({ path: `activities.${index}.id`, message: `duplicate id "${activity.id}"` });
    seen.add(activity.id);
    const { day, lastDay } = resolveActivity(activity);
    const planned =
      activity.month === undefined
        ? { day, lastDay }
        : { day: `${activity.month}-01`, lastDay: monthEnd(activity.month) };
    if (outside(planned.day) || outside(planned.lastDay)) {
      issues.push({
        path: `activities.${index}.${timingField(activity)}`,
        message: `${planned.day === planned.lastDay ? planned.day : activity.month} is outside the period ${from} to ${to}`,
      });
    }
    // A letter is addressed by its activity and key (GET /programme/{year}/activities/{id}/letters/{key}/values); a
    // scheduled one fires one wave a year, <key>-<year>, so one activity alone gives its values.
    const keys = new Set<string>();
    activity.letters?.forEach(({ waveKey, manual }, at) => {
      const path = `activities.${index}.letters.${at}.waveKey`;
      const linkedBy = manual ? undefined : scheduledBy.get(waveKey);
      if (keys.has(waveKey)) issues.push({ path, message: `duplicate letter "${waveKey}"` });
      else if (linkedBy !== undefined) {
        issues.push({
          path,
          message:
            `"${waveKey}" is scheduled and sends one wave a year (${waveKey}-${file.year}): the activity ` +
            `"${linkedBy}" links it already`,
        });
      }
      keys.add(waveKey);
      if (!manual && linkedBy === undefined) scheduledBy.set(waveKey, activity.id);
    });
    if (activity.held && outside(activity.held.date)) {
      issues.push({
        path: `activities.${index}.held.date`,
        message: `${activity.held.date} is outside the period ${from} to ${to}`,
      });
    }
  });
  return issues;
}

/** A validated programme file as served: activities resolved and in date order. */
export function resolveProgramme(file: ProgrammeFile): Programme {
  const { year, title, period, source } = file;
  // Within a day, in the order the annex lists them.
  const ordered = file.activities
    .map(resolveActivity)
    .sort(
      (a, b) => a.day.localeCompare(b.day) || (a.source.line ?? 0) - (b.source.line ?? 0) || a.id.localeCompare(b.id),
    );
  return { year, title, period, source, activities: ordered };
}

/** Validates one programme file, named `<year>.json`; throws ProgrammeFileError listing every problem. */
export function parseProgramme(fileName: string, raw: unknown): Programme {
  return resolveProgramme(parseProgrammeFile(fileName, raw));
}

/** The same validation, keeping the file as written (what the desk stores). */
export function parseProgrammeFile(fileName: string, raw: unknown): ProgrammeFile {
  const named = /^(\d{4})\.json$/.exec(fileName);
  if (!named) throw new ProgrammeFileError(fileName, ["the file must be named <year>.json, e.g. 2023.json"]);
  const parsed = programmeFileSchema().safeParse(raw);
  if (!parsed.success) {
    throw new ProgrammeFileError(
      fileName,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`),
    );
  }
  const issues = programmeIssues(parsed.data, Number(named[1]));
  if (issues.length) {
    throw new ProgrammeFileError(
      fileName,
      issues.map(({ path, message }) => `${path}: ${message}`),
    );
  }
  return parsed.data;
}

export interface ProgrammeCatalogue {
  /** The programme years known, ascending. */
  readonly years: readonly number[];
  /** One programme year's; NotFound (404) for a year no file gives. */
  get(year: number): Programme;
  /** The programme whose period contains the day, or else the latest one. */
  current(day: string): Programme;
  all(): readonly Programme[];
}

/** Validates every file (name -> parsed JSON) at once; an empty catalogue is refused too. */
export function programmeCatalogue(files: Readonly<Record<string, unknown>>): ProgrammeCatalogue {
  const programmes = Object.entries(files)
    .map(([name, raw]) => parseProgramme(name, raw))
    .sort((a, b) => a.year - b.year);
  const latest = programmes.at(-1);
  if (!latest) throw new ProgrammeFileError("events/programme-of-work", ["no programme file is registered"]);
  const byYear = new Map(programmes.map((programme) => [programme.year, programme]));
  return {
    years: programmes.map((programme) => programme.year),
    get(year) {
      const programme = byYear.get(year);
      if (!programme) throw new NotFound("Programme of work", String(year));
      return programme;
    },
    current(day) {
      return programmes.find(({ period }) => period.from <= day && day <= period.to) ?? latest;
    },
    all: () => programmes,
  };
}

/**
 * The same catalogue, validated when first read rather than when built: validating the bundled files costs a cold
 * start about 15 ms that only the programme's readers need. A bad file then fails each call that reads it, with the
 * same ProgrammeFileError; the unit tests validate every bundled file, so none reaches a deployment.
 */
export function programmeCatalogueOnFirstUse(files: Readonly<Record<string, unknown>>): ProgrammeCatalogue {
  const catalogue = lazy(() => programmeCatalogue(files));
  return {
    get years() {
      return catalogue().years;
    },
    get: (year) => catalogue().get(year),
    current: (day) => catalogue().current(day),
    all: () => catalogue().all(),
  };
}
