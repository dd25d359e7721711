// A programme year's entries in the audit trail (console/src/pages/audit-programme-words.ts through imageRows): the
// year's file in words, not as JSON: the activities added, removed or changed and which of their fields (the timing as
// the programme says it), those left alone counted, and the records' bookkeeping (updatedAt, version, the seed's mark)
// never counted as a change (audit 30, item 14).
import { describe, expect, it } from "vitest";
import { imageRows } from "../../console/src/pages/audit-image-words.ts";
import { imageSummary } from "../../console/src/pages/audit-trail-words.ts";
import type { FileActivity, ProgrammeFile } from "../../console/src/pages/programme-activity-correction.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";

const names = new Map<string, string>();
const MOVED = "feb-meeting-focus-outreach-guides";

function adopted2023(): ProgrammeFile {
  const file = seedProgrammeFiles().find(({ year }) => year === 2023);
  if (!file) throw new Error("no 2023 programme");
  return file as ProgrammeFile;
}

const changedActivity = (file: ProgrammeFile, id: string, change: (activity: FileActivity) => FileActivity) => ({
  ...file,
  activities: file.activities.map((activity) => (activity.id === id ? change(activity) : activity)),
});

/** The rows as a reader sees them: label, before, after; with whether changed and technical. */
const seen = (rows: ReturnType<typeof imageRows>) =>
  rows.map(({ label, before, after, changed, technical }) => [label, before?.text, after?.text, changed, technical]);

describe("a programme year's file in the audit trail", () => {
  it("says a put's moved and retitled activity in words, counting neither updatedAt nor the seed's mark", () => {
    const file = adopted2023();
    const moved = file.activities.find(({ id }) => id === MOVED);
    if (!moved) throw new Error(`no ${MOVED}`);
    // The audit's PUT of bug 4: the adopted 2023 year as the seed wrote it, one meeting moved to March and retitled.
    const before = { file, status: "adopted", updatedAt: "2026-12-01T09:00:00.000Z", seeded: true };
    const after = {
      file: changedActivity(file, MOVED, (activity) => {
        const { month: _month, ...rest } = activity;
        return { ...rest, month: "2023-03", title: `${activity.title} (moved by audit30)` };
      }),
      status: "adopted",
      updatedAt: "2026-12-06T14:36:00.000Z",
    };
    const rows = imageRows(before, after, { action: "programme.put", names });
    expect(rows.some((row) => row.before?.block || row.after?.block)).toBe(false);
    expect(seen(rows)).toEqual([
      [`activity "${moved.title} (moved by audit30)": timing`, "in 2023-02", "in 2023-03", true, false],
      [
        `activity "${moved.title} (moved by audit30)": title`,
        moved.title,
        `${moved.title} (moved by audit30)`,
        true,
        false,
      ],
      ["year", "2023", "2023", false, false],
      ["title", file.title, file.title, false, false],
      ["period", "from 2023-02-01, to 2024-01-31", "from 2023-02-01, to 2024-01-31", false, false],
      [
        "source",
        expect.stringContaining("Annex II read yes"),
        expect.stringContaining("Annex II read yes"),
        false,
        false,
      ],
      ["activities left as they were", "31 activities", "31 activities", false, false],
      ["status", "adopted", "adopted", false, false],
      ["updated at", "2026-12-01 09:00 UTC", "2026-12-06 14:36 UTC", true, true],
      ["seeded", "yes", undefined, true, true],
    ]);
    expect(imageSummary({ before, after }, rows)).toBe("Before and after: 2 fields changed");
  });

  it("names the activities added and removed with their timing, and a letter's values changed, field by field", () => {
    const file = adopted2023();
    const [first, second] = file.activities;
    if (!first || !second) throw new Error("too few activities");
    const added: FileActivity = { ...first, id: "extra-briefing", title: "An extra briefing", month: "2023-05" };
    const letter = file.activities.find((activity) => activity.letters?.length);
    if (!letter) throw new Error("no activity with letters");
    const after = changedActivity(
      { ...file, activities: [...file.activities.filter(({ id }) => id !== second.id), added] },
      letter.id,
      (activity) => ({
        ...activity,
        letters: activity.letters?.map((link) => ({ ...link, values: { "briefing.date": "2023-06-12" } })),
      }),
    );
    const rows = imageRows(
      { file, status: "draft" },
      { file: after, status: "draft" },
      { action: "programme.put", names },
    );
    const changed = seen(rows.filter((row) => row.changed));
    expect(changed).toEqual([
      [
        `activity "${letter.title}": letters`,
        expect.any(String),
        expect.stringContaining("briefing.date 2023-06-12"),
        true,
        false,
      ],
      ['activity added: "An extra briefing"', undefined, "in 2023-05", true, false],
      [`activity removed: "${second.title}"`, expect.stringMatching(/^(in|on|due by) /), undefined, true, false],
    ]);
    expect(rows.find((row) => row.label === "activities left as they were")?.before?.text).toBe("30 activities");
  });

  it("says an activity's kind as the programme's pages do, not by its code", () => {
    const file = adopted2023();
    const meeting = file.activities.find((activity) => activity.kind === "meeting");
    if (!meeting) throw new Error("no meeting");
    const after = changedActivity(file, meeting.id, (activity) => ({ ...activity, kind: "informal-meeting" }));
    const rows = imageRows(
      { file, status: "draft" },
      { file: after, status: "draft" },
      { action: "programme.put", names },
    );
    expect(seen(rows.filter((row) => row.changed))).toEqual([
      [`activity "${meeting.title}": kind`, "Meeting", "Informal meeting", true, false],
    ]);
  });

  it("counts the activities of a year adopted from a draft it did not store, and never the version", () => {
    const file = adopted2023();
    const before = { status: "draft", version: 0 };
    const after = { file, status: "adopted", updatedAt: "2026-12-06T14:36:00.000Z" };
    const rows = imageRows(before, after, { action: "programme.adopt", names });
    expect(rows.find((row) => row.label === "activities")).toMatchObject({ after: { text: "32 activities" } });
    expect(rows.some((row) => row.before?.block || row.after?.block)).toBe(false);
    // status, and the file's year, title, period, source and activities: the version and updatedAt are not counted.
    expect(imageSummary({ before, after }, rows)).toBe("Before and after: 6 fields changed");
  });

  it("leaves a field named file of any other record, or one that holds no programme, as it is", () => {
    const other = imageRows({ file: { a: 1 } }, { file: { a: 2 } }, { action: "template.update", names });
    expect(other).toMatchObject([{ field: "file", after: { block: true } }]);
    const odd = imageRows({ file: { a: 1 } }, { file: { a: 2 } }, { action: "programme.put", names });
    expect(odd).toMatchObject([{ field: "file", after: { block: true } }]);
  });
});
