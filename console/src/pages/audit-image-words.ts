// An audit entry's before and after, field by field, in words: a field by a name people use, a value as they read it
// (a provider, a State or an owner by name, areas of assistance, languages, contact roles and audiences in words, an
// instant in UTC, yes or no), and the fields only the machinery reads (ids, digests, schedule names, versions, the
// record's own stamps) kept, but last and marked technical: the trail stays complete. The audit trail's tables and the
// timeline's corrections read it. Pure, tested in Node (test/unit/console-audit-trail-images.test.ts).
import type { components } from "../api/schema";
import { AREA_WORDS } from "./assistance-words.ts";
import { programmeFileRows } from "./audit-programme-words.ts";
import { utcText } from "./correspondence/time.ts";
import { AUDIENCES } from "./correspondence/wave-facts.ts";
import { type OwnerNames, providerName } from "./provider-names.ts";
import { BASIS_WORDS, CONTACT_ROLES, codeIn, EMAIL_STATUS_WORDS, LANGUAGES } from "./state/labels.ts";

type Provider = components["schemas"]["AssistanceProvider"];

/** A value of a before or after in words; a record or a list of records as pretty-printed JSON (`block`). */
export interface ValueText {
  text: string;
  block: boolean;
}

/** One field of the record before and after the write; absent from one side: undefined there. */
export interface ImageRow {
  /** The field's key in the record, as the API writes it. */
  field: string;
  /** The field as people name it. */
  label: string;
  before?: ValueText;
  after?: ValueText;
  changed: boolean;
  technical: boolean;
}

/** What the words of a field depend on: the entry's action (a State's `language` is its language of letters). */
export interface ImageContext {
  action: string;
  names: OwnerNames;
}

// Keys and bookkeeping: what the machinery reads, not what a person corrected. A record's stamps repeat the entry's
// own time.
const TECHNICAL = new Set([
  "id",
  "match",
  "version",
  "revision",
  "letterDigest",
  "scheduleName",
  "waveKey",
  "leaseUntil",
  "claims",
  "bytes",
  "createdAt",
  "updatedAt",
  // A programme year the seed wrote and no one since: the seed's own mark.
  "seeded",
]);
// Other records' ids (`waveId`, `contactId`) and the ids of the people who wrote (`createdBy`): a template's id is the
// name staff know it by.
const isTechnical = (field: string) => TECHNICAL.has(field) || (/(Id|By)$/.test(field) && field !== "templateId");

const LABELS: Readonly<Record<string, string>> = {
  iso3: "State",
  templateId: "template",
  sendAt: "send time (local)",
  sendInstant: "send time (UTC)",
  notAfter: "no letter after",
  languageBasis: "language rests on",
  email: "e-mail",
  emailStatus: "e-mail status",
  emailStatusOn: "e-mail status since",
};

/** A State's own record: its `language` is the language its letters are written in. */
const STATE_LABELS: Readonly<Record<string, string>> = { language: "language of letters" };

const spaced = (field: string) => field.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();

export function fieldLabel(field: string, action: string): string {
  const head = action.split(".")[0];
  const state = head === "state" || head === "registry" ? STATE_LABELS[field] : undefined;
  return state ?? LABELS[field] ?? spaced(field);
}

/** Fields whose codes have words, by the field's name. */
const CODE_WORDS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  language: LANGUAGES,
  languageBasis: BASIS_WORDS,
  fallbackLanguage: LANGUAGES,
  role: CONTACT_ROLES,
  emailStatus: EMAIL_STATUS_WORDS,
  audience: AUDIENCES,
  areas: AREA_WORDS,
  sharedAreas: AREA_WORDS,
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const OWNER = /^(STATE|ORG):/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function isProvider(value: unknown): value is Provider {
  if (!isRecord(value)) return false;
  return (
    (value.kind === "state" && typeof value.iso3 === "string") ||
    (value.kind === "organization" && typeof value.id === "string")
  );
}

/** A text value in words: a code by its words, an owner or a State by name, an instant in UTC. */
function textWords(field: string, text: string, names: OwnerNames): string {
  const words = CODE_WORDS[field];
  const code = words && codeIn(words, text);
  if (words && code) return words[code] ?? text;
  if (field === "iso3") return names.get(`STATE:${text}`) ?? text;
  if (OWNER.test(text)) return names.get(text) ?? text;
  if (INSTANT.test(text)) return utcText(text);
  if (LOCAL_TIME.test(text)) return text.replace("T", " ");
  return text;
}

/** A UN Headquarters holiday as a year's list keeps it (ADR 0067). */
const isHoliday = (value: unknown): value is { date: string; name: string } =>
  isRecord(value) &&
  Object.keys(value).length === 2 &&
  typeof value.date === "string" &&
  ISO_DAY.test(value.date) &&
  typeof value.name === "string";

/** How an assistance request's consent window was counted (its `consentWindowCounted`). */
function windowCountWords(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value.holidaysFrom) || !Array.isArray(value.yearsNotOnRecord))
    return undefined;
  const parts = [
    ...(value.holidaysFrom.length ? [`skipping the UN Headquarters holidays of ${value.holidaysFrom.join(", ")}`] : []),
    ...(value.yearsNotOnRecord.length
      ? [`weekends only in ${value.yearsNotOnRecord.join(", ")} (its holidays not on record)`]
      : []),
  ];
  return parts.length ? parts.join("; ") : "weekends only";
}

/** A value that is no record nor list of records in words; undefined for one that is. */
function plainWords(field: string, value: unknown, names: OwnerNames): string | undefined {
  if (typeof value === "string") return textWords(field, value, names);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (value === null) return "none";
  if (isProvider(value)) return providerName(value, names);
  if (isHoliday(value)) return `${value.name} (${value.date})`;
  if (field === "consentWindowCounted") return windowCountWords(value);
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      (isRecord(item) && !isHoliday(item)) || Array.isArray(item) ? undefined : plainWords(field, item, names),
    );
    if (items.every((item) => item !== undefined)) return items.length ? items.join(", ") : "none";
  }
  return undefined;
}

export function valueWords(field: string, value: unknown, names: OwnerNames): ValueText {
  const words = plainWords(field, value, names);
  return words === undefined ? { text: JSON.stringify(value, null, 2), block: true } : { text: words, block: false };
}

// Both images come from one writer's schema: their JSON is equal exactly when the values are.
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The whole image when it is no record (a list, a value): one row. */
const WHOLE = "(the whole entry)";

/**
 * The rows a field's before and after are shown in: a programme year's file by what changed in it
 * (audit-programme-words.ts), not whole; any other field one row.
 */
function fieldRows(field: string, was: unknown, is: unknown, context: ImageContext): ImageRow[] | undefined {
  if (field !== "file" || !context.action.startsWith("programme.")) return undefined;
  return programmeFileRows(was, is, { label: (inner) => fieldLabel(inner, context.action), technical: isTechnical });
}

/**
 * The entry's before and after field by field: the changed fields first (each side in the record's own order), then
 * those left alone, then the technical fields (changed first). An image that is not a record is one row; a programme
 * year's file, a row for each thing that changed in it.
 */
export function imageRows(before: unknown, after: unknown, context: ImageContext): ImageRow[] {
  if (before === undefined && after === undefined) return [];
  const row = (field: string, was: unknown, is: unknown, label: string): ImageRow => ({
    field,
    label,
    ...(was === undefined ? {} : { before: valueWords(field, was, context.names) }),
    ...(is === undefined ? {} : { after: valueWords(field, is, context.names) }),
    changed: !same(was, is),
    technical: isTechnical(field),
  });
  const records = (before === undefined || isRecord(before)) && (after === undefined || isRecord(after));
  if (!records) return [row(WHOLE, before, after, WHOLE)];
  const fields = [...new Set([...Object.keys(after ?? {}), ...Object.keys(before ?? {})])];
  const rows = fields.flatMap(
    (field) =>
      fieldRows(field, before?.[field], after?.[field], context) ?? [
        row(field, before?.[field], after?.[field], fieldLabel(field, context.action)),
      ],
  );
  // A stable sort: within a rank, the record's own order.
  const rank = (row: ImageRow) => (row.technical ? 2 : 0) + (row.changed ? 0 : 1);
  return rows.sort((a, b) => rank(a) - rank(b));
}
