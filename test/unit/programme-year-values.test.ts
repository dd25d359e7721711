// A programme year's own values for its scheduled letters (letters[].values): laid over the schedule's key by key,
// read by the firing from the stored year, and by the reminder run's check from the same year, so that once given
// no warning goes out and the wave is sent; refused on a manual letter; and a wave already made is not changed.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Invalid } from "#shared/errors.ts";
import { programmeLetterReadiness } from "#shared/programme/letter-readiness.ts";
import { letterWaves } from "#shared/programme/letters.ts";
import type { ProgrammeFile } from "#shared/programme/schemas.ts";
import type { WaveValues } from "#shared/templates/values.ts";
import { type ProgrammeWave, programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import { fireProgrammeWave, withYearValues } from "#shared/waves/programme-waves.ts";
import { programme as schedules } from "../../events/programme.ts";
import { inMemoryDispatchStores } from "../support/in-memory/dispatch.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";
import { seededProgramme } from "./programme-fixture.ts";

const audit = { actor: systemActor("test") };
const STATES = "open-briefing-invitation-states";
const ORGANIZATIONS = "open-briefing-invitation-organizations";
const SEPTEMBER = "sep-letter-open-briefing-invitation";

const briefing: WaveValues = {
  "briefing.date": "2026-10-15",
  "briefing.time": "10:00",
  "briefing.venue": "Conference Room 4",
};

function scheduleInput(key: string): ProgrammeWave {
  const schedule = schedules.schedules.find(
    (candidate) => programmeWaveInputSchema.safeParse(candidate.input).data?.programmeWave.key === key,
  );
  const input = programmeWaveInputSchema.parse(schedule?.input).programmeWave;
  return input;
}

/** The file with `values` given to the letters named. */
function withLetterValues(file: ProgrammeFile, values: Record<string, WaveValues>): ProgrammeFile {
  return {
    ...file,
    activities: file.activities.map((activity) => ({
      ...activity,
      ...(activity.letters
        ? {
            letters: activity.letters.map((letter) =>
              values[letter.waveKey] ? { ...letter, values: values[letter.waveKey] } : letter,
            ),
          }
        : {}),
    })),
  };
}

/** On the second Tuesday of September 2026, 09:00 in New York: the States' letter's firing. */
async function desk() {
  const clock = fixedClock("2026-09-08T13:00:00Z");
  const { store, templates, years } = await seededProgramme(clock);
  const waves = inMemoryWaves(clock);
  const stores = inMemoryDispatchStores({ waves, templates, clock, programmes: store });
  const putValues = async (values: Record<string, WaveValues>) => {
    const current = await years.get(2026);
    return years.put(2026, withLetterValues(current.file, values), current.version, audit);
  };
  const readiness = programmeLetterReadiness({
    letters: letterWaves(waves),
    templates,
    schedules: () => schedules,
  });
  return { clock, years, stores, putValues, readiness, fire: fireProgrammeWave(stores) };
}

describe("withYearValues", () => {
  const input: ProgrammeWave = {
    ...scheduleInput(STATES),
    values: { "briefing.date": "2026-10-01", "briefing.time": "15:00" },
  };
  const file = (values: WaveValues, manual?: boolean): ProgrammeFile =>
    ({
      year: 2026,
      activities: [{ id: SEPTEMBER, letters: [{ waveKey: STATES, templateId: input.templateId, manual, values }] }],
    }) as unknown as ProgrammeFile;

  it("lays the year's values over the schedule's key by key: the year's win, the schedule's others stay", () => {
    const merged = withYearValues(input, file({ "briefing.date": "2026-10-15", "briefing.venue": "Room 4" }));
    expect(merged.values).toEqual({
      "briefing.date": "2026-10-15",
      "briefing.time": "15:00",
      "briefing.venue": "Room 4",
    });
    expect(merged.key).toBe(STATES);
  });

  it("keeps the schedule's values when no year is stored, or the year gives its letter none", () => {
    expect(withYearValues(input, undefined)).toEqual(input);
    expect(withYearValues({ ...input, key: ORGANIZATIONS }, file(briefing))).toEqual({ ...input, key: ORGANIZATIONS });
  });

  it("reads no values from a manual letter of the same key", () => {
    expect(withYearValues(input, file(briefing, true))).toEqual(input);
  });
});

describe("the firing with the year's values", () => {
  it("sends the States' letter with the stored year's briefing values, where it made a draft before", async () => {
    const { fire, putValues } = await desk();
    await putValues({ [STATES]: briefing });
    const fired = await fire(scheduleInput(STATES), "America/New_York", audit);
    expect(fired.wave.value).toMatchObject({
      id: `${STATES}-2026`,
      status: "dispatching",
      values: briefing,
      sendAt: "2026-09-08T09:00",
    });
  });

  it("makes the wave a draft when the year stored gives no values, and a later PUT does not change it", async () => {
    const { fire, putValues, clock } = await desk();
    const first = await fire(scheduleInput(STATES), "America/New_York", audit);
    expect(first.wave.value.status).toBe("draft");
    await putValues({ [STATES]: briefing });
    clock.advance(60_000);
    const again = await fire(scheduleInput(STATES), "America/New_York", audit);
    expect(again.created).toBe(false);
    expect(again.wave.value.status).toBe("draft");
    expect(again.wave.value).not.toHaveProperty("values");
  });

  it("reads no values from a year rolled forward and never stored", async () => {
    const { fire, years } = await desk();
    expect((await years.get(2026)).stored).toBe(false);
    expect((await fire(scheduleInput(STATES), "America/New_York", audit)).wave.value.status).toBe("draft");
  });
});

describe("the reminder run's check with the year's values", () => {
  it("warns of both September letters until the year gives their values, then of neither", async () => {
    const { years, putValues, readiness } = await desk();
    const september = async () => {
      const { programme } = await years.get(2026);
      const activity = programme.activities.find((candidate) => candidate.id === SEPTEMBER);
      if (!activity) throw new Error("no September letter in 2026");
      return (await readiness(programme)).withheld(activity);
    };
    expect((await september()).map((letter) => letter.waveKey)).toEqual([STATES, ORGANIZATIONS]);
    await putValues({ [STATES]: briefing });
    expect((await september()).map((letter) => letter.waveKey)).toEqual([ORGANIZATIONS]);
    await putValues({ [STATES]: briefing, [ORGANIZATIONS]: briefing });
    expect(await september()).toEqual([]);
  });
});

describe("values on a programme year's letter", () => {
  it("are refused with 422 at their path on a manual letter, and nothing is stored", async () => {
    const { years } = await desk();
    const draft = await years.get(2026);
    const index = draft.file.activities.findIndex((activity) => activity.letters?.some((letter) => letter.manual));
    const manual = draft.file.activities[index];
    if (!manual?.letters) throw new Error("no manual letter in 2026");
    const at = manual.letters.findIndex((letter) => letter.manual);
    const error = await years
      .put(2026, withLetterValues(draft.file, { [manual.letters[at]?.waveKey ?? ""]: briefing }), 0, audit)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Invalid).issues).toEqual([
      {
        path: `body.activities.${index}.letters.${at}.values`,
        message: "a manual letter has no schedule to give values to: give them on the wave staff make (POST /waves)",
      },
    ]);
    expect((await years.get(2026)).stored).toBe(false);
  });

  it("are stored on a scheduled letter and served with it", async () => {
    const { putValues, years } = await desk();
    await putValues({ [STATES]: briefing });
    const { programme } = await years.get(2026);
    const letter = programme.activities
      .find((activity) => activity.id === SEPTEMBER)
      ?.letters?.find((candidate) => candidate.waveKey === STATES);
    expect(letter?.values).toEqual(briefing);
  });
});
