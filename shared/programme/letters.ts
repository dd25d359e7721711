// The letters of the programme's correspondence items and their waves: a scheduled programme letter's wave is
// <waveKey>-<year> (shared/waves/programme-waves.ts); a manual letter's waves are those staff made from its template
// with a send time inside the programme's period.
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

/** The wave of a scheduled programme letter in a year (the id fireProgrammeWave gives it). */
export const programmeLetterWaveId = (waveKey: string, year: number) => `${waveKey}-${year}`;

const brief = (wave: Wave): LetterWave => ({
  id: wave.id,
  status: wave.status,
  sendAt: wave.sendAt,
  timeZone: wave.timeZone,
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

export function letterWaves(waves: WaveReader): LetterWaves {
  return {
    async wavesOf(programme) {
      const letters = programme.activities.flatMap((activity) => activity.letters ?? []);
      const scheduled = [...new Set(letters.filter((l) => !l.manual).map((l) => l.waveKey))];
      const found = new Map<string, LetterWave[]>();
      await Promise.all(
        scheduled.map(async (key) => {
          const wave = await waves.get(programmeLetterWaveId(key, programme.year));
          found.set(key, wave ? [brief(wave.value)] : []);
        }),
      );
      const manual = letters.filter((letter) => letter.manual);
      if (manual.length) {
        // Few waves a year: listing them all costs less than an index the desk would keep for this alone.
        const all = await everyWave(waves);
        const { from, to } = programme.period;
        for (const letter of manual) {
          const made = all.filter(
            (wave) =>
              wave.templateId === letter.templateId &&
              wave.sendAt.slice(0, 10) >= from &&
              wave.sendAt.slice(0, 10) <= to,
          );
          found.set(letter.waveKey, made.map(brief));
        }
      }
      return {
        withWaves: (activity) =>
          activity.letters
            ? {
                ...activity,
                letters: activity.letters.map((letter) => ({ ...letter, waves: found.get(letter.waveKey) ?? [] })),
              }
            : activity,
      };
    },
  };
}
