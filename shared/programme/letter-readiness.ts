// Whether the programme's scheduled letters go out: before a letter's day, whether the wave its schedule would make
// could be sent (the firing's own check, on the wave the firing would build); after, which letters' waves were made
// drafts that nothing sends. The reminder run mails both to the secretariat (ADR 0019).
import type { Programme as Schedules } from "../schedules/schema.ts";
import type { Template } from "../templates/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { letterIssues } from "../waves/letter-check.ts";
import {
  type ProgrammeWave,
  programmeWaveInputSchema,
  programmeWaveOf,
  programmeWaveZone,
} from "../waves/programme-waves.ts";
import type { WaveStatus } from "../waves/schemas.ts";
import { type LetterWaves, programmeLetterWaveId } from "./letters.ts";
import type { Activity, LetterWave, Programme } from "./schemas.ts";

type ServedLetter = NonNullable<Activity["letters"]>[number];

/** A scheduled letter whose wave, fired on the letter's day, would be made a draft and send nothing. */
export interface WithheldLetter {
  waveKey: string;
  templateId: string;
  /** What the firing would refuse, each at the field to give (`programmeWave.values.briefing.date: ...`). */
  reasons: string[];
  /** The schedule in events/programme.json that fires it, when there is one. */
  scheduleId?: string;
}

/** A programme letter whose year's wave its schedule made a draft, and that no staff wave sends instead. */
export interface UnsentLetter {
  activityId: string;
  title: string;
  waveKey: string;
  wave: LetterWave;
}

export interface LetterReadinessDependencies {
  letters: LetterWaves;
  templates: { get(id: string): Promise<Versioned<Pick<Template, "variants">> | undefined> };
  /** The programme's schedules (events/programme.json): each programme letter's wave input; read when one is due. */
  schedules: () => Schedules;
}

export interface ProgrammeLetterReadiness {
  /** The scheduled letters of a correspondence item that their schedules' waves, fired on `day`, would not send. */
  withheld(activity: Activity, day: string): Promise<WithheldLetter[]>;
  /** The programme's letters whose wave was made a draft (only a firing makes one, at its send time). */
  unsent(): UnsentLetter[];
}

/** A staff wave of the letter's template that is going out, or went: the letter is sent, whatever its schedule does. */
const SENDING: readonly WaveStatus[] = ["scheduled", "dispatching", "completed"];

function scheduleOf(schedules: Schedules, waveKey: string): { id: string; input: ProgrammeWave } | undefined {
  for (const schedule of schedules.schedules) {
    const input = programmeWaveInputSchema.safeParse(schedule.input).data?.programmeWave;
    if (input?.key === waveKey) return { id: schedule.id, input };
  }
  return undefined;
}

export const programmeLetterReadiness =
  (deps: LetterReadinessDependencies) =>
  async (programme: Programme): Promise<ProgrammeLetterReadiness> => {
    const linked = await deps.letters.wavesOf(programme);
    const ownId = (letter: ServedLetter) => programmeLetterWaveId(letter.waveKey, programme.year);
    const own = (letter: ServedLetter) => letter.waves?.find((wave) => wave.id === ownId(letter));
    const sentByStaff = (letter: ServedLetter) =>
      (letter.waves ?? []).some((wave) => wave.id !== ownId(letter) && SENDING.includes(wave.status));
    const scheduledLetters = (activity: Activity) =>
      (linked.withWaves(activity).letters ?? []).filter((letter) => !letter.manual && !sentByStaff(letter));

    async function reasonsAgainst(letter: ServedLetter, day: string): Promise<WithheldLetter | undefined> {
      const schedules = deps.schedules();
      const schedule = scheduleOf(schedules, letter.waveKey);
      if (!schedule) {
        return {
          waveKey: letter.waveKey,
          templateId: letter.templateId,
          reasons: ["no schedule in events/programme.json fires it"],
        };
      }
      const { input } = schedule;
      const template = await deps.templates.get(input.templateId);
      const reasons = template
        ? letterIssues(
            template.value,
            // The wave as the schedule would make it that day (noon UTC is that day in the zones the desk uses).
            programmeWaveOf(input, new Date(`${day}T12:00:00Z`), programmeWaveZone(schedules, input.key)),
            "programmeWave.",
          ).map(({ path, message }) => `${path}: ${message}`)
        : [`its template ${input.templateId} does not exist`];
      return reasons.length
        ? { waveKey: letter.waveKey, templateId: input.templateId, reasons, scheduleId: schedule.id }
        : undefined;
    }

    return {
      async withheld(activity, day) {
        // A letter whose wave is made already is past checking: sent, or a draft `unsent` names.
        const pending = scheduledLetters(activity).filter((letter) => !own(letter));
        const checked = await Promise.all(pending.map((letter) => reasonsAgainst(letter, day)));
        return checked.filter((letter) => letter !== undefined);
      },
      unsent: () =>
        programme.activities.flatMap((activity) =>
          scheduledLetters(activity).flatMap((letter) => {
            const wave = own(letter);
            return wave?.status === "draft"
              ? [{ activityId: activity.id, title: activity.title, waveKey: letter.waveKey, wave }]
              : [];
          }),
        ),
    };
  };
