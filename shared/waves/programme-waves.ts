// The programme's recurring letters: a schedule in events/programme.json fires wave-dispatch with a programme wave,
// which becomes this year's wave (one per key and year, created straight into dispatching) and is dispatched.
import { addDays } from "../assistance/dates.ts";
import type { AuditContext } from "../audit/audit-entry.ts";
import { systemActor } from "../auth/actor.ts";
import { waveIdSchema } from "../correspondence/schemas.ts";
import { Conflict, NotFound } from "../errors.ts";
import { programmeYearOf } from "../programme/calendar.ts";
import type { ProgrammeFile } from "../programme/schemas.ts";
import type { ProgrammeStore } from "../programme/store.ts";
import type { Programme } from "../schedules/schema.ts";
import { letterDigest } from "../templates/rules.ts";
import type { WaveValues } from "../templates/values.ts";
import type { Versioned } from "../versioning.ts";
import { DESK_TIME_ZONE, dayOf, minuteOf, utcMinute, wallClockAt } from "../zoned-time.ts";
import { classifiedLetterIssues } from "./letter-check.ts";
import { madeByASchedule } from "./made-by-a-schedule.ts";
import {
  type ProgrammeWave,
  programmeWaveInputSchema,
  programmeWaveSchema,
  withOwnValues,
} from "./programme-wave-schema.ts";
import { heldReasons, programmeWaveName } from "./programme-wave-words.ts";
import { type SameLetterWave, sameLetterWaves } from "./same-letter.ts";
import type { Wave, WaveStatus } from "./schemas.ts";
import { dispatchWave, type WaveDispatchDependencies, type WaveDispatchResult } from "./waves.ts";

/** One wave per letter and year: a retried or repeated firing in the same year finds it. */
export const programmeWaveId = (key: string, year: number) => waveIdSchema.parse(`${key}-${year}`);

/** Where the secretariat sits: the zone of a programme wave no schedule names (a manual firing). */
export const DEFAULT_PROGRAMME_ZONE = DESK_TIME_ZONE;

/** The time zone of the programme schedule that fires `key`. */
export function programmeWaveZone(programme: Programme, key: string): string {
  const schedule = programme.schedules.find(
    (candidate) => programmeWaveInputSchema.safeParse(candidate.input).data?.programmeWave.key === key,
  );
  return schedule?.timezone ?? DEFAULT_PROGRAMME_ZONE;
}

/** The zone's calendar date and wall-clock minute at an instant. */
export function wallClock(instant: Date, timeZone: string): { date: string; time: string; year: number } {
  const clock = wallClockAt(instant, timeZone);
  return { date: dayOf(clock), time: minuteOf(clock), year: clock.year };
}

/** The programme year (February to January) a letter fired at `now` belongs to: its calendar links the wave. */
export const programmeYearAt = (now: Date, timeZone: string): number => programmeYearOf(wallClock(now, timeZone).date);

/** The values a programme year gives its letter `key` (`letters[].values` of the activity that links it), if any. */
function yearLetterValues(file: ProgrammeFile | undefined, key: string): WaveValues | undefined {
  for (const activity of file?.activities ?? []) {
    const letter = activity.letters?.find((candidate) => candidate.waveKey === key && !candidate.manual);
    if (letter?.values) return letter.values;
  }
  return undefined;
}

/** The schedule's input with the values the programme year's file gives its letter (withOwnValues). */
export const withYearValues = (input: ProgrammeWave, year: ProgrammeFile | undefined): ProgrammeWave =>
  withOwnValues(input, yearLetterValues(year, input.key));

/** How a staff wave sends the letter, in the tense of its status (a completed one sent it: audit 33, item 13). */
const SENDING_WORDS: Readonly<Record<WaveStatus, string>> = {
  draft: "is to send",
  cancelled: "was to send",
  scheduled: "is to send",
  dispatching: "is sending",
  completed: "sent",
  halted: "sent",
};

/** How a staff wave sends the letter: a halted one says how many it wrote before it stopped. */
const staffSending = ({ id, description, status, sendInstant, lettersWritten }: SameLetterWave): string => {
  // Said on the held draft's page, which an officer reads: the wave by its description, the time as the desk says it.
  const wave = description ? `staff wave "${description}"` : `staff wave ${id}`;
  const when = `(${status}, ${utcMinute(sendInstant)})`;
  return lettersWritten === undefined
    ? `${wave} ${SENDING_WORDS[status]} this letter to the same audience ${when}`
    : `${wave} sent this letter to the same audience and halted after ${lettersWritten} letters ${when}`;
};

/**
 * Why the year's wave is held when other waves send its letter to its audience about now, and what sends it anyway:
 * the draft's page names its template and audience, so the way on needs no ids.
 */
function sentInstead(others: SameLetterWave[]): string[] {
  if (!others.length) return [];
  const named = others.map(staffSending);
  return [`${named.join("; ")}; to send it all the same, compose a new wave with this template to this audience`];
}

/** The year's wave of a programme letter, as created when its schedule fires. */
export function programmeWaveOf(input: ProgrammeWave, now: Date, timeZone: string): Wave {
  const local = wallClock(now, timeZone);
  const year = programmeYearAt(now, timeZone);
  const at = now.toISOString();
  return {
    id: programmeWaveId(input.key, year),
    templateId: input.templateId,
    audience: input.audience,
    sendAt: `${local.date}T${local.time}`,
    timeZone,
    sendInstant: at,
    notAfter: new Date(now.getTime() + input.notAfterHours * 3_600_000).toISOString(),
    ...(input.deadlineDays === undefined ? {} : { deadline: addDays(local.date, input.deadlineDays) }),
    ...(input.values ? { values: input.values } : {}),
    description: programmeWaveName(input, year, local.date),
    status: "dispatching",
    createdAt: at,
    updatedAt: at,
  };
}

export interface ProgrammeWaveResult {
  wave: Versioned<Wave>;
  /** Whether this firing created the wave (false: a retry, or a second firing in the same year). */
  created: boolean;
  /** Absent when the wave had already ended (completed or halted): nothing more is sent. */
  summary?: WaveDispatchResult["summary"];
}

export interface ProgrammeWaveDependencies extends WaveDispatchDependencies {
  /**
   * The stored programme years, whose letters may carry their own values (`letters[].values`). Without it (a test's
   * pipeline) only the schedule's values are used.
   */
  programmes?: Pick<ProgrammeStore, "get"> | undefined;
}

/**
 * Creates this year's wave straight into dispatching (audited) unless it exists, then dispatches it. Dispatch is
 * idempotent, so a retry, or a second firing in the same year, sends only what is still queued. The wave keeps the
 * digest of the letter checked, as a scheduled wave does: a template changed before its letters are written halts it.
 * Its values are the schedule's, overlaid by those its programme year, as stored, gives the letter (a year rolled
 * forward and never stored gives none). A wave once made keeps its values: a later PUT of the year does not change it.
 * It is made a draft, sending nothing, when its letter would not render, or when another wave sends the same letter to
 * the same audience about now (a staff wave; `sameLetterWaves`, near only): staff create a wave of it to send it all
 * the same.
 */
export const fireProgrammeWave =
  (deps: ProgrammeWaveDependencies) =>
  async (
    input: ProgrammeWave,
    timeZone: string,
    audit: AuditContext = { actor: systemActor("wave-dispatch") },
  ): Promise<ProgrammeWaveResult> => {
    const now = deps.clock.now();
    const scheduled = programmeWaveSchema.parse(input);
    const programmeYear = programmeYearAt(now, timeZone);
    const id = programmeWaveId(scheduled.key, programmeYear);
    let wave = await deps.waves.get(id);
    let created = false;
    if (!wave) {
      const year = await deps.programmes?.get(programmeYear);
      const fresh = programmeWaveOf(withYearValues(scheduled, year?.value.file), now, timeZone);
      // Refused before anything is written: the schedule's retries and dead-letter queue report it.
      const template = await deps.templates.get(fresh.templateId);
      if (!template) throw new NotFound("Template", fresh.templateId);
      // E.g. an open briefing's date, which only the Committee sets: no letter would render without it, so the
      // year's wave waits as a draft that says what it lacks, in words, where staff see it, and nothing is sent.
      const issues = classifiedLetterIssues(template.value, fresh, "");
      // Nor is a letter a staff wave sent to this audience lately (halted part-way too), or sends soon (ADR 0054).
      // Another schedule's wave of the same letter is not looked at: two schedules of one letter (a reminder) are the
      // programme's own choice.
      const sentByStaff = (await sameLetterWaves(deps, fresh, { nearOnly: true })).filter(
        (other) => !madeByASchedule(other),
      );
      const withheldFor = [...heldReasons(issues, fresh), ...sentInstead(sentByStaff)];
      const awaiting = withheldFor.length
        ? {
            status: "draft" as const,
            description: `${fresh.description}: a draft, not sent: ${withheldFor.join("; ")}`,
          }
        : { letterDigest: letterDigest(template.value) };
      try {
        wave = await deps.waves.create({ ...fresh, ...awaiting }, audit);
        created = true;
      } catch (error) {
        // A concurrent firing created it first.
        if (!(error instanceof Conflict)) throw error;
        wave = await deps.waves.get(id);
        if (!wave) throw error;
      }
    }
    if (wave.value.status !== "dispatching") return { wave, created };
    const dispatched = await dispatchWave(deps)(wave.value.id, audit);
    return { wave: dispatched.wave, created, summary: dispatched.summary };
  };
