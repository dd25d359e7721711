// A programme year's file in an audit entry's before and after, in words rather than the whole year as JSON: the
// programme's own fields (title, period, source), then each activity added or removed (with its timing), each field of
// an activity that changed (its timing as the programme says it: `in 2023-03`), and the activities left as they were,
// counted. Pure, tested in Node (test/unit/console-audit-programme-words.test.ts).
import { counted } from "../ui/counted.ts";
import type { ImageRow } from "./audit-image-words.ts";
import { type FileActivity, type ProgrammeFile, timingWords } from "./programme-activity-correction.ts";
import { ACTIVITY_KIND_WORDS } from "./programme-due.ts";

/** A field's name and whether only the machinery reads it, as the audit trail says them of the record's own. */
export interface FieldNaming {
  label(field: string): string;
  technical(field: string): boolean;
}

/** The fields an activity's timing is written in, exactly one of them: said together, as its timing. */
const TIMING_FIELDS: ReadonlySet<string> = new Set(["date", "dueBy", "month"]);
const TIMING = "timing";

/** The programme's fields the trail's own names do not say well. */
const PROGRAMME_LABELS: Readonly<Record<string, string>> = {
  annexRead: "Annex II read",
  waveKey: "letter",
  responsible: "carried out by",
  verified: "verified in Annex II",
  annexText: "Annex II line",
  recurring: "recurs in later years",
  oneOffAgendaItems: "agenda items of this year only",
  recurringTitle: "title in later years",
};

const labelOf = (field: string, naming: FieldNaming) => PROGRAMME_LABELS[field] ?? naming.label(field);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

const isActivity = (value: unknown) =>
  isRecord(value) && typeof value.id === "string" && typeof value.title === "string";

/** The image's value as a programme file: a record whose activities each have an id and a title. */
function programmeFileOf(value: unknown): ProgrammeFile | undefined {
  if (!isRecord(value) || !Array.isArray(value.activities) || !value.activities.every(isActivity)) return undefined;
  return value as unknown as ProgrammeFile;
}

/** Fields whose codes the programme's pages say in words. */
const CODE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = { kind: ACTIVITY_KIND_WORDS };

/** A field's value on one line, its code in words where the programme's pages have them. */
function fieldWords(field: string, value: unknown, naming: FieldNaming): string {
  const codes = CODE_WORDS[field];
  return typeof value === "string" && codes && Object.hasOwn(codes, value)
    ? String(codes[value])
    : words(value, naming);
}

/** A value on one line: a list's items apart by semicolons, a record's fields by name, a nested one in brackets. */
function words(value: unknown, naming: FieldNaming): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value)) return value.length ? value.map((item) => words(item, naming)).join("; ") : "none";
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([field, inner]) => {
        const said = fieldWords(field, inner, naming);
        return `${labelOf(field, naming)} ${isRecord(inner) || Array.isArray(inner) ? `(${said})` : said}`;
      })
      .join(", ");
  }
  return String(value);
}

// Both images come from one schema: their JSON is equal exactly when the values are.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A row at `file.<path>`; `technical` is its field's, where it shows one field (not an activity added or removed). */
function row(
  path: string,
  label: string,
  before: string | undefined,
  after: string | undefined,
  { changed = before !== after, technical = false } = {},
): ImageRow {
  return {
    field: `file.${path}`,
    label,
    ...(before === undefined ? {} : { before: { text: before, block: false } }),
    ...(after === undefined ? {} : { after: { text: after, block: false } }),
    changed,
    technical,
  };
}

/** The activity's fields as the trail compares them: its timing one field, in words. */
function activityFields(activity: FileActivity): Record<string, unknown> {
  const fields: Record<string, unknown> = { [TIMING]: timingWords(activity) };
  for (const [field, value] of Object.entries(activity)) {
    if (field !== "id" && !TIMING_FIELDS.has(field)) fields[field] = value;
  }
  return fields;
}

/** Each field of an activity that changed, a row each, named by the activity's title as it now stands. */
function activityChanges(was: FileActivity, is: FileActivity, naming: FieldNaming): ImageRow[] {
  const before = activityFields(was);
  const after = activityFields(is);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !same(before[field], after[field]))
    .map((field) =>
      row(
        `activities.${is.id}.${field}`,
        `activity "${is.title}": ${labelOf(field, naming)}`,
        before[field] === undefined ? undefined : fieldWords(field, before[field], naming),
        after[field] === undefined ? undefined : fieldWords(field, after[field], naming),
        { changed: true, technical: naming.technical(field) },
      ),
    );
}

const activitiesCounted = (count: number) => counted(count, "activity", "activities");

/** The activities' rows: added and changed in the year's order, then removed, then those left as they were. */
function activityRows(was: ProgrammeFile, is: ProgrammeFile, naming: FieldNaming): ImageRow[] {
  const before = new Map(was.activities.map((activity) => [activity.id, activity]));
  const after = new Set(is.activities.map((activity) => activity.id));
  let unchanged = 0;
  const rows = is.activities.flatMap((activity) => {
    const old = before.get(activity.id);
    if (!old)
      return [
        row(`activities.${activity.id}`, `activity added: "${activity.title}"`, undefined, timingWords(activity)),
      ];
    const changes = activityChanges(old, activity, naming);
    if (!changes.length) unchanged += 1;
    return changes;
  });
  const removed = was.activities
    .filter((activity) => !after.has(activity.id))
    .map((activity) =>
      row(`activities.${activity.id}`, `activity removed: "${activity.title}"`, timingWords(activity), undefined),
    );
  const leftAlone = unchanged
    ? [row("activities", "activities left as they were", activitiesCounted(unchanged), activitiesCounted(unchanged))]
    : [];
  return [...rows, ...removed, ...leftAlone];
}

/**
 * A programme year's file before and after, in rows: its own fields, then its activities (one side only, as a year
 * first stored or adopted: counted). Undefined when an image holds no programme file: the trail shows it as it is.
 */
export function programmeFileRows(before: unknown, after: unknown, naming: FieldNaming): ImageRow[] | undefined {
  const was = programmeFileOf(before);
  const is = programmeFileOf(after);
  if ((before !== undefined && !was) || (after !== undefined && !is) || (!was && !is)) return undefined;
  const own = [...new Set([...Object.keys(is ?? {}), ...Object.keys(was ?? {})])].filter(
    (field) => field !== "activities",
  );
  const ownRows = own.map((field) => {
    const value = (file: ProgrammeFile | undefined) =>
      file && field in file ? words(file[field as keyof ProgrammeFile], naming) : undefined;
    return row(field, labelOf(field, naming), value(was), value(is), { technical: naming.technical(field) });
  });
  const activities =
    was && is
      ? activityRows(was, is, naming)
      : [
          row(
            "activities",
            "activities",
            was && activitiesCounted(was.activities.length),
            is && activitiesCounted(is.activities.length),
          ),
        ];
  return [...ownRows, ...activities];
}
