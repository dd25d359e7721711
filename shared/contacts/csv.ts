// Contacts as CSV: reading an import file row by row with line and column for every problem, and writing an
// export whose cells cannot run as spreadsheet formulas.

import { parse } from "csv-parse/sync";
import * as z from "zod";
import { type FieldIssue, Malformed } from "../errors.ts";
import { listed } from "../listed.ts";
import { type UnLanguage, unLanguageSchema } from "../registry/schemas.ts";
import { neutralizeCell, spreadsheetCsv } from "../spreadsheet-csv.ts";
import {
  type ContactRole,
  type ContactView,
  contactNameSchema,
  contactRoleSchema,
  contactTextSchema,
  dateProblem,
  type EmailStatus,
  emailSchema,
  emailStatusSchema,
  OWNER_FORMAT,
  ownerText,
  parseOwner,
  phoneSchema,
  roleProblem,
} from "./schemas.ts";

export const REQUIRED_COLUMNS = ["owner", "role", "name", "email"] as const;
export const OPTIONAL_COLUMNS = ["title", "agency", "phone", "language", "designatedOn", "lastVerifiedOn"] as const;
/**
 * Columns of the export that name the stored contact or its state: accepted so an export can be edited and re-sent.
 * `id` picks the contact; an `emailStatus` changed to `ok` is applied as PATCH applies it (import.ts refuses any
 * other change of it); any other change (`active`, `deactivatedOn`, `demo`) is refused with its line and column, never
 * ignored. `stale` is computed on the day (an older export may differ) and `createdAt`, `updatedAt` are the desk's own
 * bookkeeping: those are not compared.
 */
export const IGNORED_COLUMNS = [
  "id",
  "emailStatus",
  "active",
  "stale",
  "deactivatedOn",
  "demo",
  "createdAt",
  "updatedAt",
] as const;
export const EXPORT_COLUMNS = [
  "id",
  "owner",
  "role",
  "name",
  "title",
  "agency",
  "email",
  "phone",
  "language",
  "designatedOn",
  "lastVerifiedOn",
  "emailStatus",
  "active",
  "stale",
  "deactivatedOn",
  "demo",
] as const satisfies readonly (keyof ContactView)[];

/** Beyond this an import takes too long for one API call (each 30 or so rows is one transaction). */
export const MAX_IMPORT_ROWS = 1000;

/** One valid row of an import file. */
export interface ImportRow {
  line: number;
  owner: string;
  role: ContactRole;
  name: string;
  email: string;
  /** undefined: the column is absent (an update keeps the value); null: the cell is blank (an update clears it). */
  title?: string | null | undefined;
  agency?: string | null | undefined;
  phone?: string | null | undefined;
  /** undefined when absent or blank: an update keeps the value, a create takes the default. */
  language?: UnLanguage | undefined;
  designatedOn?: string | undefined;
  lastVerifiedOn?: string | undefined;
  /** The export's columns about the stored contact, as read (undefined: the column is absent). */
  stored: StoredColumns;
}

export interface StoredColumns {
  /** The contact the row is about; blank or absent: matched by address, or a new contact. */
  id?: string | undefined;
  /** false: the row is a deactivated contact's (the address then need not be unique in the file). */
  active?: boolean | undefined;
  emailStatus?: EmailStatus | undefined;
  /** The cell as written: "" for none. */
  deactivatedOn?: string | undefined;
  demo?: boolean | undefined;
}

const booleanCell = z.enum(["true", "false"], { error: "must be true or false" }).transform((text) => text === "true");
const contactIdCell = z
  .string()
  .regex(/^[0-9A-Za-z]{26}$/, "is not a contact id")
  .transform((id) => id.toUpperCase());

export const issuePath = (line: number, column?: string) =>
  column ? `line ${line}, column ${column}` : `line ${line}`;

/** Undoes `neutralizeCell`, so an export sent back as an import carries the original values. */
export const restoreCell = (value: string) => (/^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value);

const isoDate = z.iso.date({ error: "must be a date as YYYY-MM-DD" });

/** "a, b or c": the values an enumerated column takes, as a refusal says them instead of zod's own words. */
const oneOf = (values: readonly string[]) => listed(values, "or");
/** An enumerated column, in any case: a spreadsheet's "EN" or "Secretariat" is what the file means (audit 36). */
const enumCell = <T extends string>(options: readonly T[], error: string) =>
  z.string().trim().toLowerCase().pipe(z.enum(options, { error }));
const roleCell = enumCell(contactRoleSchema.options, `must be ${oneOf(contactRoleSchema.options)}`);
const languageCell = enumCell(
  unLanguageSchema.options,
  `must be ${oneOf(unLanguageSchema.options)}, or blank for the owner's language`,
);
const emailStatusCell = enumCell(emailStatusSchema.options, `must be ${oneOf(emailStatusSchema.options)}`);

function firstMessage(result: z.ZodSafeParseResult<unknown>): string {
  return result.success ? "" : (result.error.issues[0]?.message ?? "is not valid");
}

// The typings of csv-parse do not describe the `info` option's shape; this checks it instead of casting.
const parsedRecordsSchema = z.array(
  z.object({ record: z.array(z.string()), info: z.object({ lines: z.number().int() }) }),
);
type ParsedRecord = z.infer<typeof parsedRecordsSchema>[number];

const PARSE_OPTIONS = { bom: true, skip_empty_lines: true, relax_column_count: true } as const;

/** csv-parse's refusals said as what to do about them; another keeps csv-parse's own words. */
const QUOTING = 'put the whole cell in double quotes, and double each quote inside it ("")';
const PARSE_WORDS: Readonly<Record<string, string>> = {
  INVALID_OPENING_QUOTE: `has a quote inside a cell not in quotes: ${QUOTING}`,
  CSV_INVALID_CLOSING_QUOTE: `has text after a cell's closing quote: ${QUOTING}`,
  CSV_QUOTE_NOT_CLOSED: `opens a quote that is never closed: close it, or ${QUOTING}`,
};

const parseErrorSchema = z.object({
  code: z.string().optional(),
  lines: z.number().int().optional(),
  /** The cell's place in its record, from 0. */
  index: z.number().int().optional(),
});

/** The header's column names, read alone, so a refusal below it names its column; none when it is unreadable too. */
function headerColumns(normalized: string): string[] {
  try {
    const [first]: unknown[] = parse(normalized, { ...PARSE_OPTIONS, to_line: 1 });
    return z.array(z.string()).catch([]).parse(first);
  } catch {
    return [];
  }
}

function readRecords(text: string): ParsedRecord[] {
  // One line ending, so line numbers count the way an editor shows them.
  const normalized = text.replace(/\r\n?/g, "\n");
  try {
    return parsedRecordsSchema.parse(parse(normalized, { ...PARSE_OPTIONS, info: true }));
  } catch (error) {
    const { code, lines: line = 1, index } = parseErrorSchema.catch({}).parse(error);
    const column = index === undefined ? undefined : (headerColumns(normalized)[index]?.trim() ?? `#${index + 1}`);
    const message =
      (code && PARSE_WORDS[code]) ?? (error instanceof Error ? error.message.replace(/^[^:]*:\s*/, "") : "unreadable");
    throw new Malformed(`The file is not valid CSV (${issuePath(line, column)})`, [
      { path: issuePath(line, column), message },
    ]);
  }
}

/** A header of one cell that semicolons split into known columns: a spreadsheet's CSV in a semicolon locale. */
const separatedBySemicolons = (columns: string[], known: Set<string>) =>
  columns.length === 1 && (columns[0] ?? "").split(";").some((name) => known.has(name.trim()));

/** The line a record starts on: csv-parse counts to its end, and a quoted cell may span lines. */
const startLine = ({ record, info }: ParsedRecord) =>
  info.lines - record.reduce((total, cell) => total + (cell.match(/\n/g)?.length ?? 0), 0);

/**
 * Reads and checks every row of an import file; nothing here needs the database. Rows with any problem are left
 * out of `rows`, and each problem names its line and column. Throws `Malformed` when the file is not CSV at all.
 */
export function parseContactCsv(text: string, today: string): { rows: ImportRow[]; issues: FieldIssue[] } {
  const records = readRecords(text).filter(({ record }) => record.some((cell) => cell.trim() !== ""));
  const [head, ...body] = records;
  if (!head)
    return { rows: [], issues: [{ path: issuePath(1), message: "the file is empty; send a header and rows" }] };

  const headerLine = startLine(head);
  const columns = head.record.map((name) => name.trim());
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS, ...IGNORED_COLUMNS]);
  if (separatedBySemicolons(columns, known)) {
    return {
      rows: [],
      issues: [{ path: issuePath(headerLine), message: "the columns are separated by semicolons: use commas" }],
    };
  }
  const issues: FieldIssue[] = [];
  columns.forEach((name, index) => {
    if (!known.has(name)) {
      issues.push({
        path: issuePath(headerLine, name || `#${index + 1}`),
        message: `unknown column; the columns are ${[...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(", ")}`,
      });
    } else if (columns.indexOf(name) !== index) {
      issues.push({ path: issuePath(headerLine, name), message: "the column appears twice" });
    }
  });
  for (const name of REQUIRED_COLUMNS) {
    if (!columns.includes(name)) issues.push({ path: issuePath(headerLine, name), message: "missing required column" });
  }
  if (issues.length) return { rows: [], issues };
  if (!body.length) return { rows: [], issues: [{ path: issuePath(headerLine), message: "the file has no rows" }] };
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      rows: [],
      issues: [
        { path: issuePath(headerLine), message: `${body.length} rows; an import takes at most ${MAX_IMPORT_ROWS}` },
      ],
    };
  }

  const rows: ImportRow[] = [];
  const firstLineOf = new Map<string, number>();
  const firstLineOfId = new Map<string, number>();
  for (const parsed of body) {
    const line = startLine(parsed);
    if (parsed.record.length !== columns.length) {
      issues.push({
        path: issuePath(line),
        message: `has ${parsed.record.length} fields; the header has ${columns.length}`,
      });
      continue;
    }
    const rowIssues: FieldIssue[] = [];
    const cell = (column: string): string | undefined => {
      const index = columns.indexOf(column);
      return index < 0 ? undefined : restoreCell(parsed.record[index] ?? "").trim();
    };
    const fail = (column: string, message: string) => rowIssues.push({ path: issuePath(line, column), message });

    const required = <T>(column: (typeof REQUIRED_COLUMNS)[number], schema: z.ZodType<T>): T | undefined => {
      const value = cell(column);
      if (!value) {
        fail(column, "is required");
        return undefined;
      }
      const result = schema.safeParse(value);
      if (!result.success) fail(column, firstMessage(result));
      return result.success ? result.data : undefined;
    };
    const optional = <T>(column: (typeof OPTIONAL_COLUMNS)[number], schema: z.ZodType<T>): T | null | undefined => {
      const value = cell(column);
      if (value === undefined) return undefined;
      if (value === "") return null;
      const result = schema.safeParse(value);
      if (!result.success) fail(column, firstMessage(result));
      return result.success ? result.data : undefined;
    };
    const date = (column: "designatedOn" | "lastVerifiedOn"): string | undefined => {
      const value = optional(column, isoDate);
      const problem = value ? dateProblem(value, today) : undefined;
      if (problem) fail(column, problem);
      return value ?? undefined;
    };

    const ownerCell = cell("owner");
    const owner = ownerCell ? parseOwner(ownerCell) : undefined;
    if (!ownerCell) fail("owner", "is required");
    else if (!owner) fail("owner", OWNER_FORMAT);
    const role = required("role", roleCell);
    const misfit = role && owner ? roleProblem(role, owner) : undefined;
    if (misfit) fail("role", misfit);
    const name = required("name", contactNameSchema);
    const email = required("email", emailSchema);
    const stored = storedColumns(cell, fail);
    if (stored.id) {
      const first = firstLineOfId.get(stored.id);
      if (first !== undefined) fail("id", `repeats the contact on line ${first}; a contact is one row`);
      else firstLineOfId.set(stored.id, line);
    }
    // Addresses are unique among active contacts: a deactivated contact's row may repeat an active one's address.
    if (email && stored.active !== false) {
      const first = firstLineOf.get(email);
      if (first !== undefined) fail("email", `repeats the address on line ${first}; an address is one contact`);
      else firstLineOf.set(email, line);
    }
    const title = optional("title", contactTextSchema);
    const agency = optional("agency", contactTextSchema);
    const phone = optional("phone", phoneSchema);
    const language = optional("language", languageCell) ?? undefined;
    const designatedOn = date("designatedOn");
    const lastVerifiedOn = date("lastVerifiedOn");
    if (designatedOn && lastVerifiedOn && lastVerifiedOn < designatedOn) {
      fail("lastVerifiedOn", "is before the designation date");
    }

    if (rowIssues.length || !owner || !role || !name || !email) {
      issues.push(...rowIssues);
      continue;
    }
    rows.push({
      line,
      owner: ownerText(owner),
      role,
      name,
      email,
      title,
      agency,
      phone,
      language,
      designatedOn,
      lastVerifiedOn,
      stored,
    });
  }
  return { rows, issues };
}

/** The export's columns about the stored contact: each checked for its shape, blank meaning none. */
function storedColumns(
  cell: (column: string) => string | undefined,
  fail: (column: string, message: string) => void,
): StoredColumns {
  const read = <T>(column: (typeof IGNORED_COLUMNS)[number], schema: z.ZodType<T>): T | undefined => {
    const value = cell(column);
    if (!value) return undefined;
    const result = schema.safeParse(value);
    if (!result.success) fail(column, firstMessage(result));
    return result.success ? result.data : undefined;
  };
  return {
    id: read("id", contactIdCell),
    active: read("active", booleanCell),
    emailStatus: read("emailStatus", emailStatusCell),
    deactivatedOn: cell("deactivatedOn"),
    demo: read("demo", booleanCell),
  };
}

/** The contacts as CSV (RFC 4180, CRLF, UTF-8 with a BOM for spreadsheets), every cell neutralized. */
export function contactsToCsv(contacts: readonly ContactView[]): string {
  const records = contacts.map((contact) =>
    EXPORT_COLUMNS.map((column) => {
      const value = contact[column];
      return neutralizeCell(value === undefined ? "" : String(value));
    }),
  );
  return spreadsheetCsv(EXPORT_COLUMNS, records);
}
