// The programmes of work the desk knows, one file per programme year, each validated once: a bad file is refused
// with its name and the field at fault.
import { NotFound } from "../errors.ts";
import { lazy } from "../lazy.ts";
import { resolveDueBy } from "./calendar.ts";
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

function resolve(activity: ActivityFile): Activity {
  const { date, dueBy, ...rest } = activity;
  if (dueBy === undefined) return { ...rest, timing: "on", day: date ?? "" };
  const { day, asWritten } = resolveDueBy(dueBy);
  return { ...rest, timing: "by", day, ...(asWritten ? { dueByAsWritten: asWritten } : {}) };
}

/** The rules across activities: unique ids, every day inside the programme's period, the year its start's. */
function programmeProblems(file: ProgrammeFile, activities: readonly Activity[], year: number): string[] {
  const problems: string[] = [];
  const { from, to } = file.period;
  if (file.year !== year) problems.push(`year: is ${file.year}, but the file is named for ${year}`);
  if (from.slice(0, 4) !== String(file.year)) problems.push(`period.from: ${from} does not start in ${file.year}`);
  if (from > to) problems.push(`period: from ${from} is after to ${to}`);
  const seen = new Set<string>();
  activities.forEach((activity, index) => {
    if (seen.has(activity.id)) problems.push(`activities.${index}.id: duplicate id "${activity.id}"`);
    seen.add(activity.id);
    if (activity.day < from || activity.day > to) {
      const field = activity.timing === "on" ? "date" : "dueBy";
      problems.push(`activities.${index}.${field}: ${activity.day} is outside the period ${from} to ${to}`);
    }
  });
  return problems;
}

/** Validates one programme file, named `<year>.json`; throws ProgrammeFileError listing every problem. */
export function parseProgramme(fileName: string, raw: unknown): Programme {
  const named = /^(\d{4})\.json$/.exec(fileName);
  if (!named) throw new ProgrammeFileError(fileName, ["the file must be named <year>.json, e.g. 2023.json"]);
  const parsed = programmeFileSchema().safeParse(raw);
  if (!parsed.success) {
    throw new ProgrammeFileError(
      fileName,
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(file)"}: ${issue.message}`),
    );
  }
  const activities = parsed.data.activities.map(resolve);
  const problems = programmeProblems(parsed.data, activities, Number(named[1]));
  if (problems.length) throw new ProgrammeFileError(fileName, problems);
  const { year, title, period, source } = parsed.data;
  const ordered = [...activities].sort((a, b) => a.day.localeCompare(b.day) || a.id.localeCompare(b.id));
  return { year, title, period, source, activities: ordered };
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
