// The programme files: their schema, the loader's refusals (each naming the file and the field), the bundled years.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { NotFound } from "#shared/errors.ts";
import { ProgrammeFileError, parseProgramme, programmeCatalogue } from "#shared/programme/catalogue.ts";
import { programmeFiles, programmesOfWork } from "../../events/programme-of-work/index.ts";

const activity = (overrides: Record<string, unknown> = {}) => ({
  id: "annual-review",
  kind: "review",
  title: "Annual review",
  dueBy: { monthEnd: "2023-12" },
  responsible: ["committee"],
  source: { basis: "mandate", document: "Resolution 1977 (2011)", locator: "paragraph 9" },
  verified: false,
  note: "Not read in the annex",
  ...overrides,
});

const file = (activities: unknown[], overrides: Record<string, unknown> = {}) => ({
  year: 2023,
  title: "Programme of work 2023",
  period: { from: "2023-02-01", to: "2024-01-31" },
  source: { document: "Programme of work 2023", annexRead: false },
  activities,
  ...overrides,
});

function problemsOf(name: string, raw: unknown): string[] {
  try {
    parseProgramme(name, raw);
  } catch (error) {
    if (error instanceof ProgrammeFileError) return error.problems;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("the programme files in events/programme-of-work", () => {
  it("are every <year>.json in the folder, each registered and valid", () => {
    const folder = new URL("../../events/programme-of-work/", import.meta.url);
    const onDisk = readdirSync(folder).filter((name) => name.endsWith(".json"));
    expect(Object.keys(programmeFiles).sort()).toEqual(onDisk.sort());
    expect(programmesOfWork.years).toEqual([2023, 2024]);
  });

  it("give 1 February to 31 January periods, activities in date order, every day inside its period", () => {
    for (const programme of programmesOfWork.all()) {
      expect(programme.period).toEqual({ from: `${programme.year}-02-01`, to: `${programme.year + 1}-01-31` });
      const days = programme.activities.map((activity) => activity.day);
      expect(days).toEqual([...days].sort());
      expect(days.every((day) => day >= programme.period.from && day <= programme.period.to)).toBe(true);
    }
  });

  it("say whether the annex was read, and mark every activity not read in it unverified with a reason", () => {
    expect(programmesOfWork.all().map((programme) => [programme.year, programme.source.annexRead])).toEqual([
      [2023, true],
      [2024, false],
    ]);
    for (const programme of programmesOfWork.all()) {
      for (const item of programme.activities) {
        expect(item.verified, item.id).toBe(item.source.basis === "annex");
        if (!item.verified) expect(item.note, item.id).toBeTruthy();
        if (item.source.basis === "annex") expect(item.source.line, item.id).toBeGreaterThan(0);
      }
    }
  });
});

describe("parseProgramme", () => {
  it("resolves a quarter end and a month end to their last day, keeping what was written", () => {
    const programme = parseProgramme(
      "2023.json",
      file([
        activity({ id: "guides", kind: "deadline", dueBy: { quarterEnd: "2023-Q3" } }),
        activity({ id: "leap", kind: "deadline", dueBy: { monthEnd: "2024-01" } }),
        activity({ id: "meeting", kind: "meeting", dueBy: undefined, date: "2023-06-05" }),
      ]),
    );
    expect(
      programme.activities.map(({ id, timing, day, dueByAsWritten }) => [id, timing, day, dueByAsWritten]),
    ).toEqual([
      ["meeting", "on", "2023-06-05", undefined],
      ["guides", "by", "2023-09-30", "end of 2023-Q3"],
      ["leap", "by", "2024-01-31", "end of 2024-01"],
    ]);
  });

  it("resolves February's month end in a leap year to the 29th", () => {
    const programme = parseProgramme(
      "2023.json",
      file([activity({ dueBy: { monthEnd: "2024-02" } })], { period: { from: "2023-02-01", to: "2024-03-31" } }),
    );
    expect(programme.activities[0]?.day).toBe("2024-02-29");
  });

  it("refuses duplicate ids, naming the second one's place", () => {
    expect(problemsOf("2023.json", file([activity(), activity({ dueBy: "2023-11-30" })]))).toEqual([
      'activities.1.id: duplicate id "annual-review"',
    ]);
  });

  it("refuses a day outside the programme's period, naming the field", () => {
    expect(
      problemsOf("2023.json", file([activity({ id: "late", kind: "deadline", dueBy: { quarterEnd: "2024-Q1" } })])),
    ).toEqual(["activities.0.dueBy: 2024-03-31 is outside the period 2023-02-01 to 2024-01-31"]);
    expect(problemsOf("2023.json", file([activity({ dueBy: undefined, date: "2023-01-31" })]))).toEqual([
      "activities.0.date: 2023-01-31 is outside the period 2023-02-01 to 2024-01-31",
    ]);
  });

  it("refuses a file whose year is not its name's, or a name that is not a year", () => {
    expect(problemsOf("2024.json", file([activity()]))).toContain("year: is 2023, but the programme is for 2024");
    expect(problemsOf("programme.json", file([activity()]))).toEqual([
      "the file must be named <year>.json, e.g. 2023.json",
    ]);
  });

  it("refuses an activity with both a date and a due date, or neither", () => {
    expect(problemsOf("2023.json", file([activity({ date: "2023-06-01" })]))).toEqual([
      "activities.0.date: give exactly one of date, dueBy and month",
    ]);
    expect(problemsOf("2023.json", file([activity({ dueBy: undefined })]))).toEqual([
      "activities.0.date: give exactly one of date, dueBy and month",
    ]);
  });

  it("refuses an unverified activity with no note, and 'verified' for a date not read in the annex", () => {
    expect(problemsOf("2023.json", file([activity({ note: undefined })]))).toEqual([
      "activities.0.note: an unverified activity must say why in a note",
    ]);
    expect(problemsOf("2023.json", file([activity({ verified: true })]))).toEqual([
      "activities.0.verified: verified means read in the annex: it must be true exactly when source.basis is annex",
    ]);
  });

  it("refuses impossible dates, unknown kinds and bodies, and unknown fields", () => {
    const problems = problemsOf(
      "2023.json",
      file([activity({ dueBy: "2023-02-30", kind: "party", responsible: ["council"], colour: "red" })]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^activities\.0\.kind: /),
        expect.stringMatching(/^activities\.0\.responsible\.0: /),
        expect.stringMatching(/^activities\.0\.dueBy: /),
        expect.stringMatching(/^activities\.0: Unrecognized key: "colour"/),
      ]),
    );
  });

  it("names the file and every problem in the error message, so a bad file fails legibly", () => {
    expect(() => parseProgramme("2023.json", file([activity(), activity()]))).toThrow(
      /^2023\.json is not a valid programme of work:\n {2}- activities\.1\.id: duplicate id "annual-review"$/,
    );
  });
});

describe("programmeCatalogue", () => {
  const catalogue = programmeCatalogue({
    "2024.json": file([activity({ dueBy: "2024-12-31" })], {
      year: 2024,
      period: { from: "2024-02-01", to: "2025-01-31" },
    }),
    "2023.json": file([activity()]),
  });

  it("lists its years ascending and gives one year's programme", () => {
    expect(catalogue.years).toEqual([2023, 2024]);
    expect(catalogue.get(2023).year).toBe(2023);
  });

  it("answers NotFound for a year no file gives", () => {
    expect(() => catalogue.get(2019)).toThrow(NotFound);
  });

  it("takes the programme whose period contains the day, or else the latest", () => {
    expect(catalogue.current("2024-01-31").year).toBe(2023);
    expect(catalogue.current("2024-02-01").year).toBe(2024);
    expect(catalogue.current("2019-06-01").year).toBe(2024);
    expect(catalogue.current("2030-06-01").year).toBe(2024);
  });

  it("fails on the first bad file, and refuses an empty catalogue", () => {
    expect(() => programmeCatalogue({ "2023.json": file([]) })).toThrow(ProgrammeFileError);
    expect(() => programmeCatalogue({})).toThrow(/no programme file is registered/);
  });
});
