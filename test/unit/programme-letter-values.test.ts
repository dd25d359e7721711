// One programme letter's values read and written on their own (shared/programme/letter-values.ts): an ETag of the
// letter's values alone, stable across key order; a letter changed since it was read refused (412), nothing written;
// two letters of one year written from one read both stored; a year moved by other writes retried a bounded number of
// times; a manual or unknown letter refused; a draft stored by the write.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { programmeIssues } from "#shared/programme/catalogue.ts";
import {
  LETTER_WRITE_ATTEMPTS,
  type LetterRef,
  letterValuesVersion,
  programmeLetterValues,
} from "#shared/programme/letter-values.ts";
import { stale } from "#shared/programme/store.ts";
import { programmeYears } from "#shared/programme/years.ts";
import { etagOf } from "#shared/versioning.ts";
import { programme as schedules } from "../../events/programme.ts";
import { seededProgramme } from "./programme-fixture.ts";

const clock = fixedClock("2023-04-20T14:00:00Z");
const audit = {
  actor: systemActor("test"),
  route: "PUT /programme/{year}/activities/{activityId}/letters/{waveKey}/values",
};
const SEPTEMBER = "sep-letter-open-briefing-invitation";
const states: LetterRef = { year: 2023, activityId: SEPTEMBER, waveKey: "open-briefing-invitation-states" };
const organizations: LetterRef = { ...states, waveKey: "open-briefing-invitation-organizations" };
const briefing = { "briefing.date": "2023-10-12", "briefing.time": "10:00", "briefing.venue": "Conference Room 4" };

async function fixture() {
  const seeded = await seededProgramme(clock);
  return { ...seeded, letters: programmeLetterValues(seeded.years) };
}

describe("a programme letter's values ETag", () => {
  it("is the same for the same values in any key order, and differs when a value does", () => {
    const venue = Object.fromEntries(
      ["ar", "zh", "en", "fr", "ru", "es"].map((language) => [language, `Room ${language}`]),
    );
    const reversedVenue = Object.fromEntries(Object.entries(venue).reverse());
    const version = letterValuesVersion({ ...briefing, "briefing.venue": venue as never });
    expect(
      letterValuesVersion({
        "briefing.venue": reversedVenue as never,
        "briefing.time": "10:00",
        "briefing.date": "2023-10-12",
      }),
    ).toBe(version);
    expect(letterValuesVersion({ ...briefing, "briefing.time": "10:30" })).not.toBe(letterValuesVersion(briefing));
    expect(letterValuesVersion(undefined)).toBe(letterValuesVersion({}));
    expect(Number.isSafeInteger(version)).toBe(true);
  });
});

describe("a programme letter's values", () => {
  it("are read with their activity's id, template and the ETag of those values", async () => {
    const { letters } = await fixture();
    const read = await letters.get(states);
    expect(read.values).toEqual({
      year: 2023,
      activityId: SEPTEMBER,
      waveKey: "open-briefing-invitation-states",
      templateId: "programme-effective-practices-invitation",
      values: {},
    });
    expect(read.version).toBe(letterValuesVersion({}));
  });

  it("of two letters of one year, written from one read, are both stored: neither conflicts with the other", async () => {
    const { letters, years, store } = await fixture();
    const [first, second] = await Promise.all([letters.get(states), letters.get(organizations)]);
    await letters.put(states, briefing, first.version, audit);
    const written = await letters.put(organizations, { "briefing.time": "15:00" }, second.version, audit);
    expect(written.values.values).toEqual({ "briefing.time": "15:00" });
    expect(written.version).toBe(letterValuesVersion({ "briefing.time": "15:00" }));
    const september = (await years.get(2023)).file.activities.find((activity) => activity.id === SEPTEMBER);
    expect(september?.letters?.map((letter) => letter.values)).toEqual([briefing, { "briefing.time": "15:00" }]);
    // Audited as the year's PUT is: the year before and after, through the letter's route.
    expect(store.audit.slice(-2).map((entry) => [entry.action, entry.route])).toEqual([
      ["programme.put", audit.route],
      ["programme.put", audit.route],
    ]);
  });

  it("sent again as they stand write nothing: the year keeps its version, no audit entry", async () => {
    const { letters, store } = await fixture();
    const written = await letters.put(states, briefing, (await letters.get(states)).version, audit);
    const before = await store.get(2023);
    const entries = store.audit.length;
    expect(await letters.put(states, { ...briefing }, written.version, audit)).toEqual(written);
    expect(await store.get(2023)).toEqual(before);
    expect(store.audit).toHaveLength(entries);
  });

  it("changed by someone else since they were read are refused with 412 and the current ETag, nothing written", async () => {
    const { letters, store } = await fixture();
    const read = await letters.get(states);
    await letters.put(states, briefing, read.version, audit);
    const before = await store.get(2023);
    const second = letters.put(states, { "briefing.venue": "Conference Room 1" }, read.version, audit);
    await expect(second).rejects.toBeInstanceOf(PreconditionFailed);
    await expect(second).rejects.toMatchObject({ currentEtag: etagOf(letterValuesVersion(briefing)) });
    expect(await store.get(2023)).toEqual(before);
  });

  it("naming a briefing before the day the letter is sent are refused at the value (422), nothing written", async () => {
    const seeded = await seededProgramme(clock);
    const letters = programmeLetterValues(programmeYears({ ...seeded, schedules: () => schedules }));
    const read = await letters.get(states);
    const before = await seeded.store.get(2023);
    // September's letters go in September (its second Tuesday): a briefing in August is past before any of them leaves.
    const early = letters.put(states, { ...briefing, "briefing.date": "2023-08-25" }, read.version, audit);
    await expect(early).rejects.toBeInstanceOf(Invalid);
    await expect(early).rejects.toMatchObject({
      issues: [
        {
          path: "body.briefing.date",
          message: "2023-08-25 is before 2023-09-01, the first day its schedule may send the letter (the activity's)",
        },
      ],
    });
    expect(await seeded.store.get(2023)).toEqual(before);
    // A venue on two lines is the firing's refusal too; a value left out is not (values come a few at a time).
    await expect(
      letters.put(states, { "briefing.venue": "Conference Room 4\nNorth Lawn" }, read.version, audit),
    ).rejects.toMatchObject({ issues: [{ path: "body.briefing.venue" }] });
    const later = await letters.put(states, { "briefing.date": "2023-10-12" }, read.version, audit);
    expect(later.values.values).toEqual({ "briefing.date": "2023-10-12" });
  });

  it("are removed by an empty object", async () => {
    const { letters } = await fixture();
    const given = await letters.put(states, briefing, (await letters.get(states)).version, audit);
    const removed = await letters.put(states, {}, given.version, audit);
    expect(removed.values.values).toEqual({});
    expect((await letters.get(states)).version).toBe(letterValuesVersion({}));
  });

  it("read the year again when another letter's write moved it, and give up after a bounded number of tries", async () => {
    const { store, templates, letters: direct } = await fixture();
    const read = await direct.get(states);
    let saves = 0;
    // Every save meets a year moved by another write.
    const racing = {
      ...store,
      async save(...args: Parameters<typeof store.save>) {
        saves += 1;
        throw stale(2023, args[1] + 1, args[1]);
      },
    };
    const letters = programmeLetterValues(programmeYears({ store: racing, clock, templates }));
    await expect(letters.put(states, briefing, read.version, audit)).rejects.toBeInstanceOf(Conflict);
    expect(saves).toBe(LETTER_WRITE_ATTEMPTS);

    // Moved once: read again and written.
    saves = 0;
    const once = programmeLetterValues(
      programmeYears({
        store: {
          ...store,
          async save(...args: Parameters<typeof store.save>) {
            saves += 1;
            if (saves === 1) throw stale(2023, args[1] + 1, args[1]);
            return store.save(...args);
          },
        },
        clock,
        templates,
      }),
    );
    expect((await once.put(states, briefing, read.version, audit)).values.values).toEqual(briefing);
    expect(saves).toBe(2);
  });

  it("are refused for a manual letter (409) and an unknown one (404)", async () => {
    const { letters } = await fixture();
    const manual = { year: 2023, activityId: "mar-letter-outreach", waveKey: "outreach-letter" };
    await expect(letters.get(manual)).rejects.toBeInstanceOf(Conflict);
    await expect(letters.put(manual, briefing, letterValuesVersion({}), audit)).rejects.toBeInstanceOf(Conflict);
    await expect(letters.get({ ...states, activityId: "mar-letter-outreach" })).rejects.toBeInstanceOf(NotFound);
    await expect(letters.get({ ...states, waveKey: "no-such-letter" })).rejects.toBeInstanceOf(NotFound);
  });

  it("of a draft not yet stored are given by storing the draft", async () => {
    const november = fixedClock("2026-11-28T12:00:00Z");
    const { store, years } = await seededProgramme(november);
    const letters = programmeLetterValues(years);
    const draft = { ...states, year: 2026 };
    expect((await years.get(2026)).stored).toBe(false);
    await letters.put(draft, briefing, (await letters.get(draft)).version, audit);
    const stored = await store.get(2026);
    expect(stored).toMatchObject({ version: 1, value: { status: "draft" } });
    expect((await letters.get(draft)).values.values).toEqual(briefing);
  });
});

describe("an activity's letters", () => {
  it("link each wave key once: a second link of the same key is refused at its path", async () => {
    const { years } = await fixture();
    const file = (await years.get(2023)).file;
    const index = file.activities.findIndex((activity) => activity.id === SEPTEMBER);
    const september = file.activities[index];
    const twice = {
      ...file,
      activities: file.activities.map((activity, at) =>
        at === index
          ? { ...activity, letters: [...(september?.letters ?? []), { waveKey: states.waveKey, templateId: "x" }] }
          : activity,
      ),
    };
    expect(programmeIssues(twice, 2023)).toEqual([
      { path: `activities.${index}.letters.2.waveKey`, message: `duplicate letter "${states.waveKey}"` },
    ]);
    expect(programmeIssues(file, 2023)).toEqual([]);
  });

  it("link a scheduled key from one activity of the year, as it fires one wave a year; a manual key from any", async () => {
    const { years } = await fixture();
    const file = (await years.get(2023)).file;
    // A second correspondence item of the year after September's, linking September's scheduled letter too.
    const september = file.activities.find((activity) => activity.id === SEPTEMBER);
    if (!september) throw new Error("no September letter in 2023");
    const alsoLinking = (link: { waveKey: string; templateId: string; manual?: boolean }) => ({
      ...file,
      activities: [...file.activities, { ...september, id: "sep-letter-again", letters: [link] }],
    });
    expect(programmeIssues(alsoLinking({ waveKey: states.waveKey, templateId: "x" }), 2023)).toEqual([
      {
        path: `activities.${file.activities.length}.letters.0.waveKey`,
        message: `"${states.waveKey}" is scheduled and sends one wave a year (${states.waveKey}-2023): the activity "${SEPTEMBER}" links it already`,
      },
    ]);
    expect(programmeIssues(alsoLinking({ waveKey: states.waveKey, templateId: "x", manual: true }), 2023)).toEqual([]);
  });
});
