// The letters of the programme's correspondence items and their waves: a scheduled programme letter's own wave is
// <waveKey>-<year> (shared/waves/programme-waves.ts), listed first; then, for every letter, the waves staff made from
// its template with a send time inside the programme's period (a manual letter has only those).
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import type { Versioned } from "../versioning.ts";
import type { Wave } from "../waves/schemas.ts";
import type { Activity, LetterWave, Programme } from "./schemas.ts";

/** What the calendar reads of the waves (shared/waves/repository.ts). */
export interface WaveReader {
  get(id: string): Promise<Versioned<Wave> | undefined>;
  list(page: PageRequest): Promise<Page<Versioned<Wave>>>;
}

export interface LetterWaves {
  /** Reads the waves of every letter of the programme once; `withWaves` then adds them to each activity. */
  wavesOf(programme: Programme): Promise<{ withWaves(activity: Activity): Activity }>;
}

/** The letters' waves for one reminder run or one request; each makes its own, so it sees the waves as they are. */
export type LetterWavesPerRun = () => LetterWaves;

/** The wave of a scheduled programme letter in a year (the id fireProgrammeWave gives it). */
export const programmeLetterWaveId = (waveKey: string, year: number) => `${waveKey}-${year}`;

/**
 * A wave a programme schedule made in the year (`<key>-<year>`), whichever key: staff waves have generated ids
 * (shared/ids.ts), which hold no hyphen. A schedule's wave is its own letter's, never another letter's of its template.
 */
const madeByASchedule = (wave: Wave, year: number) => wave.id.endsWith(`-${year}`);

const brief = (wave: Wave): LetterWave => ({
  id: wave.id,
  status: wave.status,
  sendAt: wave.sendAt,
  timeZone: wave.timeZone,
  ...(wave.description ? { description: wave.description } : {}),
});

async function everyWave(waves: WaveReader): Promise<Wave[]> {
  const all: Wave[] = [];
  let cursor: string | undefined;
  do {
    const page = await waves.list({ limit: 100, cursor });
    all.push(...page.items.map((item) => item.value));
    cursor = page.cursor;
  } while (cursor);
  return all;
}

/**
 * The letters' waves for one run or request: the waves are listed at the first year it reads, and that listing
 * serves the next year it reads too (a reminder run, and GET /programme in late January, read two).
 */
export function letterWaves(waves: WaveReader): LetterWaves {
  let listed: Promise<Wave[]> | undefined;
  return {
    async wavesOf(programme) {
      const letters = programme.activities.flatMap((activity) => activity.letters ?? []);
      if (!letters.length) return { withWaves: (activity) => activity };
      const { year, period } = programme;
      const scheduledKeys = [...new Set(letters.filter((letter) => !letter.manual).map((letter) => letter.waveKey))];
      // Few waves a year: listing them all costs less than an index the desk would keep for this alone.
      listed ??= everyWave(waves);
      const [all, fired] = await Promise.all([
        listed,
        // Read by key (consistently): a wave fired a moment ago is there before the listing's index has it.
        Promise.all(scheduledKeys.map((key) => waves.get(programmeLetterWaveId(key, year)))),
      ]);
      const own = new Map(scheduledKeys.map((key, index) => [key, fired[index]?.value]));
      const staffMade = all.filter((wave) => {
        const day = wave.sendAt.slice(0, 10);
        return !madeByASchedule(wave, year) && day >= period.from && day <= period.to;
      });
      const wavesOfLetter = (letter: NonNullable<Activity["letters"]>[number]): LetterWave[] => {
        const scheduled = letter.manual ? undefined : own.get(letter.waveKey);
        const fromTemplate = staffMade.filter((wave) => wave.templateId === letter.templateId);
        return [...(scheduled ? [scheduled] : []), ...fromTemplate].map(brief);
      };
      return {
        withWaves: (activity) =>
          activity.letters
            ? { ...activity, letters: activity.letters.map((letter) => ({ ...letter, waves: wavesOfLetter(letter) })) }
            : activity,
      };
    },
  };
}
