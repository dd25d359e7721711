// One activity of a draft programme year as the secretariat corrects it on its page: its timing (a day, a month or a
// due date, one at a time, as the file's schema demands), its title and its note. PUT /programme/{year} takes the whole
// year, so only what was typed is put over the activity as the year stands when saved (typed-over.ts): a colleague's
// change to another activity, or to a field of this one left alone, stands. Window-free, tested in Node
// (test/unit/console-programme-activity-correction.test.ts).
import type { components } from "../api/schema";
import { NOTHING_CHANGED_TYPE } from "../ui/changed-fields.ts";
import { differencesOf, type FieldWords, formOver, type Typed } from "./typed-over.ts";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];
export type ProgrammeFile = Schemas["ProgrammeFile"];
/** An activity as the year's file holds it (what PUT takes back), not as GET /programme serves it resolved. */
export type FileActivity = ProgrammeFile["activities"][number];
type Timing = Pick<FileActivity, "date" | "dueBy" | "month">;

export type CorrectionField = "timing" | "when" | "title" | "note";

/** How the file may time an activity: a day, a month, or a due date (a day, or the end of a quarter or a month). */
export type TimingKind = "date" | "month" | "dueBy" | "quarterEnd" | "monthEnd";

/** How a `when` is written: a day, a month or a quarter. */
type WhenFormat = "YYYY-MM-DD" | "YYYY-MM" | "YYYY-Qn";

/**
 * Each format's shape, checked before sending (the API judges the rest: a day that does not exist, one outside the
 * period), and its example in the year being corrected: a day, month or quarter inside any year's period (February
 * to January), so the form of the 2026 draft never shows another year's.
 */
const WHEN_FORMATS: Readonly<Record<WhenFormat, { shape: RegExp; example: (year: number) => string }>> = {
  "YYYY-MM-DD": { shape: /^\d{4}-\d{2}-\d{2}$/, example: (year) => `${year}-10-15` },
  "YYYY-MM": { shape: /^\d{4}-(0[1-9]|1[0-2])$/, example: (year) => `${year}-10` },
  "YYYY-Qn": { shape: /^\d{4}-Q[1-4]$/, example: (year) => `${year}-Q3` },
};

/** Each timing as the form offers it, what its `when` field asks for (as the API reads it), and how a sentence says it. */
export const TIMINGS: Readonly<Record<TimingKind, { choice: string; when: string; format: WhenFormat; said: string }>> =
  {
    date: { choice: "On a day", when: "The day", format: "YYYY-MM-DD", said: "on" },
    month: { choice: "In a month, no day fixed", when: "The month", format: "YYYY-MM", said: "in" },
    dueBy: { choice: "Due by a day", when: "The day it is due by", format: "YYYY-MM-DD", said: "due by" },
    quarterEnd: {
      choice: "Due by the end of a quarter",
      when: "The quarter",
      format: "YYYY-Qn",
      said: "due by the end of",
    },
    monthEnd: { choice: "Due by the end of a month", when: "The month", format: "YYYY-MM", said: "due by the end of" },
  };

/** A timing kind from the form's select; one it does not offer is read as a day, which the API then judges. */
export const timingKindOf = (value: string): TimingKind =>
  (Object.keys(TIMINGS) as TimingKind[]).find((kind) => kind === value) ?? "date";

function timingOf(activity: FileActivity): { kind: TimingKind; when: string } {
  const { date, dueBy, month } = activity;
  if (month !== undefined) return { kind: "month", when: month };
  if (typeof dueBy === "string") return { kind: "dueBy", when: dueBy };
  if (dueBy && "quarterEnd" in dueBy) return { kind: "quarterEnd", when: dueBy.quarterEnd };
  if (dueBy) return { kind: "monthEnd", when: dueBy.monthEnd };
  return { kind: "date", when: date ?? "" };
}

/** An activity's timing as a sentence says it: `in 2026-07`, `due by the end of 2026-Q3`. */
export function timingWords(activity: FileActivity): string {
  const { kind, when } = timingOf(activity);
  return `${TIMINGS[kind].said} ${when}`;
}

/** The file's timing for a kind and what was typed: exactly one of date, dueBy and month. */
function fileTimingOf(kind: TimingKind, when: string): Timing {
  if (kind === "date") return { date: when };
  if (kind === "month") return { month: when };
  if (kind === "dueBy") return { dueBy: when };
  return { dueBy: kind === "quarterEnd" ? { quarterEnd: when } : { monthEnd: when } };
}

/** The correction form's values for an activity, in the form's order: empty for no note. */
export function correctionValuesOf(activity: FileActivity): Record<CorrectionField, string> {
  const { kind, when } = timingOf(activity);
  return { timing: kind, when, title: activity.title, note: activity.note ?? "" };
}

/**
 * The fields the form corrects. An activity read in Annex II (verified) keeps the timing it was read with: a day typed
 * over it would still claim the annex's line.
 */
export const correctableFields = (activity: FileActivity): readonly CorrectionField[] =>
  activity.verified ? ["title", "note"] : ["timing", "when", "title", "note"];

/** The typed fields that differ from the activity, among those the form corrects. */
function changesOf(activity: FileActivity, typed: Typed<CorrectionField>) {
  const correctable = correctableFields(activity);
  return differencesOf(correctionValuesOf(activity), typed).filter(({ field }) => correctable.includes(field));
}

const refusal = (
  title: string,
  fields: Partial<Record<CorrectionField, string>>,
  detail?: string,
  type = "about:blank",
): Problem => ({
  type,
  title,
  status: 0,
  ...(detail ? { detail } : {}),
  errors: Object.entries(fields).map(([field, message]) => ({ path: `body.${field}`, message })),
});

/**
 * The refusal of a correction to the `year` before it is sent, at its fields (`body.<field>`, as the API's own are once
 * read back): nothing typed differs, a field left empty (the note, while the activity is not verified, says why), or a
 * `when` not written as its timing's format, with an example in the year. The rest of what was typed is the API's to
 * judge: an impossible day, a day outside the period.
 */
export function correctionRefusal(
  year: number,
  activity: FileActivity,
  typed: Typed<CorrectionField>,
): Problem | undefined {
  if (changesOf(activity, typed).length === 0) {
    // Any change answers it: it goes then (ui/changed-fields.ts).
    return refusal(
      "Nothing to correct",
      {},
      "change the timing, the title or the note before saving",
      NOTHING_CHANGED_TYPE,
    );
  }
  const form = formOver(correctionValuesOf(activity), typed);
  const { when, format } = TIMINGS[timingKindOf(form.timing)];
  const { shape, example } = WHEN_FORMATS[format];
  const missing: Partial<Record<CorrectionField, string>> = {
    ...(correctableFields(activity).includes("when") && !shape.test(form.when.trim())
      ? { when: `Give ${when.toLowerCase()} as ${format}, e.g. ${example(year)}.` }
      : {}),
    ...(form.title.trim() ? {} : { title: "Give the activity's title." }),
    ...(!activity.verified && !form.note.trim()
      ? { note: "Say why it is not verified in Annex II: an unverified activity keeps its note." }
      : {}),
  };
  return Object.keys(missing).length > 0 ? refusal("The correction is incomplete", missing) : undefined;
}

/**
 * The activity with what was typed over it, and nothing else changed: a timing typed replaces the one it had (the day,
 * month or due date typed together with its kind), a title or note typed replaces its own, an emptied note is left out.
 */
export function correctedActivity(activity: FileActivity, typed: Typed<CorrectionField>): FileActivity {
  const changed = new Set(changesOf(activity, typed).map(({ field }) => field));
  const form = formOver(correctionValuesOf(activity), typed);
  const { note: _note, ...withoutNote } = activity;
  const note = changed.has("note") ? form.note.trim() : activity.note;
  return {
    ...(changed.has("timing") || changed.has("when")
      ? retimed(withoutNote, fileTimingOf(timingKindOf(form.timing), form.when.trim()))
      : withoutNote),
    ...(changed.has("title") ? { title: form.title.trim() } : {}),
    ...(note ? { note } : {}),
  };
}

/** The activity with its one timing replaced: whichever of date, dueBy and month it had is left out. */
function retimed<A extends Timing>(activity: A, timing: Timing): Omit<A, keyof Timing> & Timing {
  const { date: _date, dueBy: _dueBy, month: _month, ...untimed } = activity;
  return { ...untimed, ...timing };
}

/** The year as stored with the activity at `index` corrected: every other activity exactly as read. */
export const yearWithCorrection = (
  file: ProgrammeFile,
  index: number,
  typed: Typed<CorrectionField>,
): ProgrammeFile => ({
  ...file,
  activities: file.activities.map((activity, at) => (at === index ? correctedActivity(activity, typed) : activity)),
});

/**
 * Whether the activity changed, in what the form corrects or whether it is verified, between the form's reading and
 * the year's reading at the save: such a save is refused as stale, so the reader sees the change before putting theirs
 * over it. A change to another activity, or to a field the form does not show, is no conflict.
 */
export function changedSince(read: FileActivity, now: FileActivity): boolean {
  const before = correctionValuesOf(read);
  const after = correctionValuesOf(now);
  return (
    read.verified !== now.verified || (Object.keys(before) as CorrectionField[]).some((f) => before[f] !== after[f])
  );
}

/** The console's own refusal of a stale correction: worded for people already (ui/problem-words.ts keeps its words). */
export const STALE_ACTIVITY: Problem = {
  type: "about:blank",
  title: "Someone else changed this activity since you opened it",
  status: 412,
  detail: "read the current version, then save again (what you typed is kept)",
};

/**
 * The refusal of a correction to a year adopted since the page read it. The API would take it (a stored year keeps its
 * status, so the adopted programme would change and stay adopted): the console corrects drafts only.
 */
export function adoptedRefusal(year: number, status: Schemas["ProgrammeView"]["status"]): Problem | undefined {
  if (status !== "adopted") return undefined;
  return {
    type: "about:blank",
    title: `The ${year} programme was adopted after this page read it`,
    status: 409,
    detail: "an adopted programme is the Committee's as adopted, and is not corrected here",
  };
}

/** The form field an API path below an activity names: the timing's faults (and a held day's) are the `when`'s. */
function formFieldOf(path: string): CorrectionField | undefined {
  const [head] = path.split(".");
  if (head === "title" || head === "note") return head;
  if (head === "date" || head === "dueBy" || head === "month" || head === "held") return "when";
  return undefined;
}

/**
 * The API's 422 on the year read back to the form: `body.activities.<index>.<field>` (the activity's place in the
 * year sent) at `body.<form field>`, as the form's fields read them; any other path (another activity's) as it is.
 */
export function problemAtFormFields(problem: Problem, index: number): Problem {
  const prefix = `body.activities.${index}.`;
  if (!problem.errors) return problem;
  return {
    ...problem,
    errors: problem.errors.map((error) => {
      const field = error.path.startsWith(prefix) ? formFieldOf(error.path.slice(prefix.length)) : undefined;
      return field ? { ...error, path: `body.${field}` } : error;
    }),
  };
}

/** The fields as the status line after a stale correction names them, each timing in words. */
export const CORRECTION_WORDS: FieldWords<CorrectionField> = {
  labels: { timing: "timing", when: "when", title: "title", note: "note" },
  options: {
    timing: Object.fromEntries(Object.entries(TIMINGS).map(([kind, { choice }]) => [kind, choice.toLowerCase()])),
  },
};

/** What a saved correction changed, for its status line: `in 2026-08; title "…"; the note`. */
export function correctedWords(activity: FileActivity, typed: Typed<CorrectionField>): string {
  const changed = new Set(changesOf(activity, typed).map(({ field }) => field));
  const form = formOver(correctionValuesOf(activity), typed);
  return [
    changed.has("timing") || changed.has("when")
      ? `${TIMINGS[timingKindOf(form.timing)].said} ${form.when.trim()}`
      : "",
    changed.has("title") ? `title "${form.title.trim()}"` : "",
    // A note runs long: the page shows it.
    changed.has("note") ? (form.note.trim() ? "the note" : "the note removed") : "",
  ]
    .filter(Boolean)
    .join("; ");
}
