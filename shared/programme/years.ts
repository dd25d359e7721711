// Programme years as the secretariat manages them: stored in DynamoDB, put and adopted through the API, audited. A
// year without a stored programme gets a draft rolled forward from the latest adopted year before it whose Annex II
// was read (else the latest adopted), so the current year always has a calendar; adopting that draft stores it.
import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import type { Clock } from "../clock.ts";
import { type FieldIssue, IllegalTransition, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import type { Programme as Schedules } from "../schedules/schema.ts";
import type { TemplateRepository } from "../templates/repository.ts";
import type { Versioned } from "../versioning.ts";
import { fieldIssuesOf } from "../zod-issues.ts";
import { deskDay } from "../zoned-time.ts";
import { refuseChangesToAdopted } from "./adopted-year.ts";
import { programmeYearOf } from "./calendar.ts";
import { programmeIssues, resolveProgramme } from "./catalogue.ts";
import { programmeYearEntity } from "./keys.ts";
import { valuesTheFiringRefuses } from "./letter-value-check.ts";
import { rollForward, titleOnAdoption } from "./roll-forward.ts";
import {
  type Programme,
  type ProgrammeFile,
  type ProgrammeRecord,
  type ProgrammeStatus,
  type ProgrammeYearSummary,
  programmeFileSchema,
} from "./schemas.ts";
import type { ProgrammeStore } from "./store.ts";

/** A programme year as served: the timetable, its status, and the version an `If-Match` must name (0: not stored). */
export interface ProgrammeYear {
  file: ProgrammeFile;
  programme: Programme;
  status: ProgrammeStatus;
  stored: boolean;
  version: number;
  rolledFrom?: number;
  updatedAt?: string;
}

export { programmeYearOf };

export interface ProgrammeYearsDependencies {
  store: ProgrammeStore;
  clock: Clock;
  /** Where `put` finds the templates its letters name. */
  templates: Pick<TemplateRepository, "get">;
  /** The programme's schedules: with them, `put` refuses a letter's value its firing would refuse. */
  schedules?: (() => Schedules) | undefined;
}

const asYear = (record: ProgrammeRecord, version: number): ProgrammeYear => ({
  file: record.file,
  programme: resolveProgramme(record.file),
  status: record.status,
  stored: true,
  version,
  updatedAt: record.updatedAt,
  ...(record.rolledFrom === undefined ? {} : { rolledFrom: record.rolledFrom }),
});

const summaryOf = (year: ProgrammeYear): ProgrammeYearSummary => ({
  year: year.file.year,
  title: year.file.title,
  period: year.file.period,
  status: year.status,
  stored: year.stored,
  activities: year.file.activities.length,
  ...(year.rolledFrom === undefined ? {} : { rolledFrom: year.rolledFrom }),
  ...(year.updatedAt === undefined ? {} : { updatedAt: year.updatedAt }),
});

/**
 * Each scheduled letter whose template the desk does not hold, at its field path: naming a record that does not exist
 * is the body's fault (422), not a 404. A manual letter may name the template staff have yet to write (ADR 0019).
 */
async function lettersWithoutTemplate(
  file: ProgrammeFile,
  templates: Pick<TemplateRepository, "get">,
): Promise<FieldIssue[]> {
  const scheduled = file.activities.flatMap((activity, index) =>
    (activity.letters ?? []).flatMap((letter, at) =>
      letter.manual ? [] : [{ path: `activities.${index}.letters.${at}.templateId`, templateId: letter.templateId }],
    ),
  );
  const named = [...new Set(scheduled.map((letter) => letter.templateId))];
  const held = new Set((await Promise.all(named.map(async (id) => ((await templates.get(id)) ? [id] : [])))).flat());
  return scheduled
    .filter((letter) => !held.has(letter.templateId))
    .map(({ path, templateId }) => ({ path, message: `no template ${templateId}` }));
}

/**
 * The year as `get` gives it, or undefined where there is none (past the next year, or no adopted year to roll forward
 * from): for readers that look a year ahead and go on without it.
 */
export async function yearIfAny(
  years: { get(year: number): Promise<ProgrammeYear> },
  year: number,
): Promise<ProgrammeYear | undefined> {
  return years.get(year).catch((error: unknown) => {
    if (error instanceof NotFound) return undefined;
    throw error;
  });
}

const withPrefix = (prefix: string, issues: readonly FieldIssue[]) =>
  issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path}` }));

export type ProgrammeYears = ReturnType<typeof programmeYears>;

export function programmeYears(deps: ProgrammeYearsDependencies) {
  const currentYear = () => programmeYearOf(deskDay(deps.clock.now()));

  /** The year stored, or else a draft rolled forward from an adopted year before it (up to next year). */
  async function get(year: number): Promise<ProgrammeYear> {
    const stored = await deps.store.get(year);
    if (stored) return asYear(stored.value, stored.version);
    if (year > currentYear() + 1) throw new NotFound("Programme of work", String(year));
    const adopted = (await deps.store.list()).filter(
      ({ value }) => value.status === "adopted" && value.file.year < year,
    );
    // A timetable read in its Annex II is a plan; a year compiled from meeting records is what happened that year, and
    // would carry its one-off meetings into the draft (ADR 0047). Without any, the latest adopted year still gives one.
    const source = adopted.filter(({ value }) => value.file.source.annexRead).at(-1) ?? adopted.at(-1);
    if (!source) throw new NotFound("Programme of work", String(year));
    const file = rollForward(source.value.file, year);
    return {
      file,
      programme: resolveProgramme(file),
      status: "draft",
      stored: false,
      version: 0,
      rolledFrom: source.value.file.year,
    };
  }

  return {
    currentYear,
    get,
    current: () => get(currentYear()),

    /** Every stored year, and the current year (a draft when none is stored), ascending. */
    async list(): Promise<{ currentYear: number; years: ProgrammeYearSummary[] }> {
      const stored = (await deps.store.list()).map(({ value, version }) => asYear(value, version));
      const current = currentYear();
      const withCurrent = stored.some((year) => year.file.year === current)
        ? stored
        : [
            ...stored,
            ...(await get(current)
              .then((year) => [year])
              .catch(() => [])),
          ];
      return {
        currentYear: current,
        years: withCurrent.map(summaryOf).sort((a, b) => a.year - b.year),
      };
    },

    /**
     * Stores the year's programme as given (a new year as a draft; a stored year keeps its status; an adopted one takes
     * only its letters' values and the days its activities were held, else 409: adopted-year.ts). Refused with 422,
     * nothing stored, when it breaks a rule across its activities, a scheduled letter names no template or gives a value
     * its firing would refuse, or it is not the year of the path.
     */
    async put(year: number, raw: unknown, expectedVersion: number, audit: AuditContext): Promise<ProgrammeYear> {
      const parsed = programmeFileSchema().safeParse(raw);
      if (!parsed.success) {
        throw new Invalid("The programme of work is not valid", fieldIssuesOf(parsed.error, "body"));
      }
      const before = await deps.store.get(year);
      // The file as stored, at the version read (a form sent twice, a letter's values as they are): nothing to
      // version or audit, and nothing for the other officers' If-Match to miss.
      if (before?.version === expectedVersion && sameFile(before.value.file, parsed.data)) {
        return asYear(before.value, before.version);
      }
      const issues = [
        ...programmeIssues(parsed.data, year),
        ...(await lettersWithoutTemplate(parsed.data, deps.templates)),
        ...(deps.schedules ? valuesTheFiringRefuses(parsed.data, deps.schedules()) : []),
      ];
      if (issues.length) throw new Invalid("The programme of work is not valid", withPrefix("body", issues));
      // A year changed (or adopted) since it was read is that, first: what it now refuses is judged on what was seen.
      if (before && before.version !== expectedVersion) {
        throw new PreconditionFailed(`Programme of work ${year}`, before.version, expectedVersion);
      }
      if (before?.value.status === "adopted") refuseChangesToAdopted(year, before.value.file, parsed.data);
      const record: ProgrammeRecord = {
        file: parsed.data,
        status: before?.value.status ?? "draft",
        updatedAt: deps.clock.now().toISOString(),
      };
      const version = await deps.store.save(record, expectedVersion, {
        ...audit,
        action: "programme.put",
        entity: programmeYearEntity(year),
        ...(before ? { before: before.value } : {}),
        after: record,
      });
      return asYear(record, version);
    },

    /** The draft (stored, or rolled forward now) becomes the adopted programme of its year. */
    async adopt(year: number, expectedVersion: number, audit: AuditContext): Promise<ProgrammeYear> {
      const draft = await get(year);
      if (draft.status === "adopted") {
        throw new IllegalTransition(`Programme of work ${year}`, "adopted", "adopted", []);
      }
      const record: ProgrammeRecord = {
        file: { ...draft.file, title: titleOnAdoption(draft.file.title, year) },
        status: "adopted",
        updatedAt: deps.clock.now().toISOString(),
        ...(draft.rolledFrom === undefined ? {} : { rolledFrom: draft.rolledFrom }),
      };
      const version = await deps.store.save(record, expectedVersion, {
        ...audit,
        action: "programme.adopt",
        entity: programmeYearEntity(year),
        before: { status: draft.status, version: draft.version },
        after: record,
      });
      return asYear(record, version);
    },
  };
}

/**
 * A stored year only the seed has written: marked so, or (stored before the mark) its first version, adopted, and not
 * rolled forward (staff store a new year as a draft, and adopting a rolled-forward draft keeps `rolledFrom`).
 */
const onlySeeded = ({ value, version }: Versioned<ProgrammeRecord>) =>
  value.seeded === true || (version === 1 && value.status === "adopted" && value.rolledFrom === undefined);

const sameFile = (a: ProgrammeFile, b: ProgrammeFile) => saysTheSame(a, b);

/**
 * Stores each bundled programme file whose year the desk lacks, as adopted, and brings up to date a stored year that
 * only the seed has written (a corrected title or line reaches a deployed desk); a year staff have put or adopted is
 * never overwritten. Each write audited as `programme.seed`.
 */
export async function seedProgrammeYears(
  store: ProgrammeStore,
  files: readonly ProgrammeFile[],
  clock: Clock,
  audit: AuditContext,
): Promise<{ created: number[]; upgraded: number[]; existing: number[] }> {
  const created: number[] = [];
  const upgraded: number[] = [];
  const existing: number[] = [];
  for (const file of files) {
    const stored = await store.get(file.year);
    if (stored && (!onlySeeded(stored) || sameFile(stored.value.file, file))) {
      existing.push(file.year);
      continue;
    }
    const record: ProgrammeRecord = { file, status: "adopted", updatedAt: clock.now().toISOString(), seeded: true };
    try {
      await store.save(record, stored?.version ?? 0, {
        ...audit,
        action: "programme.seed",
        entity: programmeYearEntity(file.year),
        ...(stored ? { before: stored.value } : {}),
        after: record,
      });
      (stored ? upgraded : created).push(file.year);
    } catch (error) {
      // A concurrent seed, or staff, wrote it first: theirs stays.
      if (!(error instanceof PreconditionFailed)) throw error;
      existing.push(file.year);
    }
  }
  return { created, upgraded, existing };
}
