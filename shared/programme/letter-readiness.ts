// Whether the programme's scheduled letters go out: the day a correspondence item's letters are sent (their schedules'
// first firing in its month); before it, whether the wave its schedule would make could be sent (the firing's own
// check, on the wave the firing would build, with the stored year's values); after, which letters' waves were made
// drafts that nothing sends. The reminder run mails both to the secretariat (ADR 0019).
import type { Schedule, Programme as Schedules } from "../schedules/schema.ts";
import { firstFiringBetween } from "../schedules/send-day.ts";
import type { Template } from "../templates/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { classifiedLetterIssues } from "../waves/letter-check.ts";
import { withOwnValues } from "../waves/programme-wave-schema.ts";
import { issuesInWords } from "../waves/programme-wave-words.ts";
import { programmeWaveOf, programmeWaveZone } from "../waves/programme-waves.ts";
import type { WaveStatus } from "../waves/schemas.ts";
import { dayIn } from "../zoned-time.ts";
import { scheduleOf } from "./letter-schedules.ts";
import { type LetterWaves, programmeLetterWaveId } from "./letters.ts";
import type { Activity, LetterWave, Programme } from "./schemas.ts";

type ServedLetter = NonNullable<Activity["letters"]>[number];

/** A scheduled letter whose wave, fired on the letter's day, would be made a draft and send nothing. */
export interface WithheldLetter {
  waveKey: string;
  templateId: string;
  /** What the firing would hold the letter for, in words ("the briefing's date … were not given"). */
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
  /**
   * The day a correspondence item's letters are sent: the earliest first firing of their schedules from its day to
   * its last (the second Tuesday of September for September's item), in each schedule's zone; its day when none fires.
   */
  sendDay(activity: Activity): string;
  /** The scheduled letters of a correspondence item that their schedules' waves, fired on their day, would not send. */
  withheld(activity: Activity): Promise<WithheldLetter[]>;
  /** The programme's letters whose wave was made a draft (only a firing makes one, at its send time). */
  unsent(): UnsentLetter[];
}

/** A staff wave of the letter's template that is going out, or went: the letter is sent, whatever its schedule does. */
const SENDING: readonly WaveStatus[] = ["scheduled", "dispatching", "completed"];

/** When the schedule fires within the activity's days (its month, for one planned for a month). */
const firingIn = ({ expression, timezone }: Schedule, activity: Activity) =>
  firstFiringBetween(expression, timezone, activity.day, activity.lastDay);

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

    async function reasonsAgainst(letter: ServedLetter, activity: Activity): Promise<WithheldLetter | undefined> {
      const schedules = deps.schedules();
      const scheduled = scheduleOf(schedules, letter.waveKey);
      if (!scheduled) {
        return {
          waveKey: letter.waveKey,
          templateId: letter.templateId,
          reasons: ["no schedule in events/programme.json fires it"],
        };
      }
      const { schedule, input } = scheduled;
      const zone = programmeWaveZone(schedules, input.key);
      // The wave as the firing would make it: at the schedule's firing (noon UTC of the item's day when it has none
      // then), with the values the year gives the letter: the year read is the one its firing reads (the firing falls
      // in the item's days, so in its year), as stored, or a draft rolled forward, which gives none.
      const firing = firingIn(schedule, activity) ?? new Date(`${activity.day}T12:00:00Z`);
      const template = await deps.templates.get(input.templateId);
      const wave = programmeWaveOf(withOwnValues(input, letter.values), firing, zone);
      // In words, as the draft a firing would keep says them; how to send it is the mail's own (reminder-mail.ts).
      const inWords = template && issuesInWords(classifiedLetterIssues(template.value, wave, ""), wave);
      const reasons = inWords
        ? [...inWords.aboutValues, ...inWords.others]
        : [`its template ${input.templateId} does not exist`];
      return reasons.length
        ? { waveKey: letter.waveKey, templateId: input.templateId, reasons, scheduleId: schedule.id }
        : undefined;
    }

    return {
      sendDay(activity) {
        const schedules = deps.schedules();
        const days = (activity.letters ?? []).flatMap((letter) => {
          const scheduled = letter.manual ? undefined : scheduleOf(schedules, letter.waveKey);
          const firing = scheduled && firingIn(scheduled.schedule, activity);
          return firing ? [dayIn(firing, scheduled.schedule.timezone)] : [];
        });
        // Letters of one item sent on different days (none today): warned of before the first of them.
        return days.sort()[0] ?? activity.day;
      },
      async withheld(activity) {
        // A letter whose wave is made already is past checking: sent, or a draft `unsent` names.
        const pending = scheduledLetters(activity).filter((letter) => !own(letter));
        const checked = await Promise.all(pending.map((letter) => reasonsAgainst(letter, activity)));
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
