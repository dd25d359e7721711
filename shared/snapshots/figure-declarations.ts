// Every figure and list of a snapshot, declared once. From this table derive: the figure part of each group's schema
// (and so the OpenAPI document), the flat rows the CSV and JSON exports write, how the change between two snapshots
// is computed, the labels of the report's change table and each figure's name in words (the diff serves it).
// docs/how-to/add-a-snapshot-figure.md says how to add one.
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { messageStatusSchema } from "../correspondence/schemas.ts";
import { type CoverageCounts, coverageSchema } from "../matrix/schemas.ts";
import { regionSchema } from "../registry/schemas.ts";
import { submissionKindSchema } from "../reporting/schemas.ts";
import { letterKindSchema } from "../templates/schemas.ts";

export const count = /* @__PURE__ */ z.number().int().min(0);
export const iso3 = /* @__PURE__ */ z.string().regex(/^[A-Z]{3}$/);
export const stateList = /* @__PURE__ */ z
  .array(iso3)
  .describe("ISO 3166-1 alpha-3 codes, sorted; `states` names them");
const share = /* @__PURE__ */ z
  .number()
  .min(0)
  .max(1)
  .nullable()
  .describe("A fraction from 0 to 1 (4 decimals); null when 0/0");
const region = { region: regionSchema, regionName: z.string() };
/** Shared by the correspondence group and each of its waves. */
export const byStatus = /* @__PURE__ */ z.record(messageStatusSchema, count).describe("Messages by ledger status");

/** A number, exported as one row in the group `all`; its change is to - from, to 4 decimals. */
interface FigureEntry {
  kind: "figure";
  schema: z.ZodType<number | null>;
  /** The figure in words, wherever it is shown (the diff between two quarters). */
  name: string;
  /** Its line in the report's change table (its name); a figure without one is in the diff and the exports only. */
  label?: string;
  /** A fraction from 0 to 1: the diff says which, so that a page shows it as a percentage. */
  share?: true;
}

/** Codes of States (or providers), exported with their members; its change is who entered and who left. */
interface ListEntry {
  kind: "list";
  schema: z.ZodType<string[]>;
  name: string;
  label?: string;
}

/** One figure broken down by a fixed key (an age bucket, a ledger status): exported and diffed per key. */
interface ByKeyEntry {
  kind: "by-key";
  /** The figure it breaks down: its rows are named `<group>.<figure>`, their group is the key. */
  figure: string;
  schema: z.ZodType<Record<string, number>>;
}

/** Rows per regional group or letter kind: each row's named figures, exported and diffed in the row's group. */
interface ByRowEntry {
  kind: "by-row";
  groupField: string;
  figures: readonly string[];
  schema: z.ZodType<Record<string, unknown>[]>;
}

/** The matrix's cell counts: overall, by paragraph, by paragraph and category, by category. */
interface CoverageEntry {
  kind: "coverage";
  schema: typeof coverageSchema;
}

export type FigureDeclaration = FigureEntry | ListEntry | ByKeyEntry | ByRowEntry | CoverageEntry;

/**
 * A figure's or list's words: a string is its name and its line in the report's change table; `{ name }` names it
 * where it is shown, with no line in the report.
 */
type Words = string | { name: string };
const wordsOf = (words: Words) => (typeof words === "string" ? { name: words, label: words } : { name: words.name });
const figure = <S extends z.ZodType<number | null>>(schema: S, words: Words) =>
  ({ kind: "figure", schema, ...wordsOf(words) }) as const;
/** A fraction from 0 to 1 (`share`), marked so. */
const shareFigure = (ratio: string, words: Words) =>
  ({ kind: "figure", schema: share.describe(ratio), share: true, ...wordsOf(words) }) as const;
const list = <S extends z.ZodType<string[]>>(schema: S, words: Words) =>
  ({ kind: "list", schema, ...wordsOf(words) }) as const;
const byKey = <S extends z.ZodType<Record<string, number>>>(figure: string, schema: S) =>
  ({ kind: "by-key", figure, schema }) as const;
/** The row's group field and figures are checked against the row's own schema. */
const byRow = <Row extends z.ZodObject>(
  groupField: keyof z.infer<Row> & string,
  row: Row,
  figures: readonly (keyof z.infer<Row> & string)[],
) => ({ kind: "by-row", groupField, figures, schema: z.array(row) }) as const;
const coverage = (schema: typeof coverageSchema) => ({ kind: "coverage", schema }) as const;

const pocCounts = { current: count, stale: count, unreachable: count, missing: count };

/**
 * Each group's figures, lists and breakdowns, in the order of its schema. The exports and the diff take each group's
 * overall figures first, then its breakdowns, then (separately) its lists, all in this order.
 */
export const snapshotFigures = {
  reporting: {
    memberStates: figure(count, { name: "Member States" }),
    reported: figure(
      count.describe("States whose first national report was received by the end of the period"),
      "States that have submitted a first national report",
    ),
    nonReporting: figure(count, "Non-reporting States"),
    reportedStates: list(stateList, { name: "States that have submitted a first national report" }),
    nonReportingStates: list(stateList, "Non-reporting States"),
    byRegion: byRow(
      "region",
      z.object({ ...region, memberStates: count, reported: count, nonReporting: count, nonReportingStates: stateList }),
      ["memberStates", "reported", "nonReporting"],
    ),
  },
  additionalInformation: {
    states: figure(
      count.describe("States that had provided additional information by the end of the period"),
      "States that have given additional information",
    ),
    documents: figure(
      count.describe("Additional-information documents received by the end of the period"),
      "Additional-information documents",
    ),
    stateList: list(stateList, "States that have given additional information"),
    byRegion: byRow("region", z.object({ ...region, states: count }), ["states"]),
  },
  actionPlans: {
    plans: figure(
      count.describe("Voluntary national implementation action plans received by the end of the period"),
      "Action plans",
    ),
    states: figure(count.describe("States that had submitted at least one"), "States with an action plan"),
    stateList: list(stateList, "States with an action plan"),
    byRegion: byRow("region", z.object({ ...region, plans: count, states: count }), ["plans", "states"]),
  },
  pointOfContact: {
    current: figure(pocCounts.current, "Points of contact: current"),
    stale: figure(pocCounts.stale, "Points of contact: stale"),
    unreachable: figure(pocCounts.unreachable, "Points of contact: unreachable"),
    missing: figure(pocCounts.missing, "Points of contact: missing"),
    currentStates: list(stateList, "States with a current point of contact"),
    staleStates: list(stateList, "States whose point of contact is stale"),
    unreachableStates: list(stateList, "States whose point of contact is unreachable"),
    missingStates: list(stateList, "States with no point of contact"),
    byRegion: byRow("region", z.object({ ...region, ...pocCounts }), ["current", "stale", "unreachable", "missing"]),
  },
  matrix: {
    states: figure(
      count.describe("States with a matrix approved by the end of the period"),
      "States with an approved matrix",
    ),
    stateList: list(stateList, "States with an approved matrix"),
    coverage: coverage(
      coverageSchema.describe("The cells of those approved matrices, added up. Counts only, never a score"),
    ),
  },
  assistance: {
    received: figure(
      count.describe("Requests received during the period"),
      "Assistance requests received in the quarter",
    ),
    pending: figure(
      count.describe("Requests received by the end of the period and not fulfilled, withdrawn or closed then"),
      "Pending assistance requests",
    ),
    byAge: byKey(
      "pending",
      z
        .object({ "under-6-months": count, "6-to-12-months": count, "12-to-24-months": count, "over-24-months": count })
        .describe("Pending requests by age at the end of the period: under 6 months, 6-12, 12-24, over 24"),
    ),
    matched: figure(
      count.describe("Pending requests that were matched or in progress at the end of the period"),
      "Pending requests matched",
    ),
    matchedShare: shareFigure("matched / pending", { name: "Share of pending requests matched" }),
    providers: figure(count.describe("Providers (States and organizations) with an offer"), "Assistance providers"),
    staleProviders: figure(
      count.describe("Providers none of whose offers was updated within 12 months"),
      "Providers with stale offers",
    ),
    staleProviderList: list(
      z.array(z.string()).describe("state:<iso3> or organization:<id>, sorted"),
      "Providers with stale offers",
    ),
  },
  correspondence: {
    waves: figure(
      count.describe("Waves whose send time fell in the period (cancelled and draft waves left out)"),
      "Correspondence waves",
    ),
    messages: figure(count, "Letters in the ledger"),
    byStatus: byKey("messages", byStatus),
    attempted: figure(count.describe("Letters handed to SES: sent + delivered + bounced + complained"), {
      name: "Letters handed to SES",
    }),
    bounced: figure(count, "Letters bounced"),
    bounceRate: shareFigure("bounced / attempted", { name: "Share of letters bounced" }),
  },
  responses: {
    letters: figure(count.describe("Letters that reached a State in the period, one per State and letter kind"), {
      name: "Letters that reached a State",
    }),
    tracked: figure(count.describe("Of those, letters asking for a submission"), "Letters asking for a submission"),
    notTracked: figure(count.describe("Letters that ask for no submission (e.g. a point-of-contact update)"), {
      name: "Letters asking for no submission",
    }),
    responded: figure(
      count.describe("Tracked letters answered by the submission asked for, received by computedAt"),
      "Letters answered by the submission asked for",
    ),
    notResponded: figure(count, { name: "Letters not yet answered by the submission asked for" }),
    medianDays: figure(
      z.number().min(0).nullable().describe("Median days from letter to submission; null with no response"),
      { name: "Median days from letter to submission" },
    ),
    byLetterKind: byRow(
      "letterKind",
      z.object({ letterKind: letterKindSchema, asks: z.array(submissionKindSchema), letters: count, responded: count }),
      ["letters", "responded"],
    ),
    respondedStates: list(stateList, "States that answered a letter"),
    notRespondedStates: list(stateList, { name: "States that have not answered a letter" }),
  },
} as const satisfies Record<string, Record<string, FigureDeclaration>>;

export type FigureGroup = keyof typeof snapshotFigures;
export const figureGroups = Object.keys(snapshotFigures) as FigureGroup[];

/** A group's declared fields as a zod shape: each declaration's schema under its name. */
type ShapeOf<T> = { [K in keyof T]: T[K] extends { schema: infer S } ? S : never };

/** A group's declared fields as zod shape, for its schema (shared/snapshots/schemas.ts). */
export function figureShape<G extends FigureGroup>(group: G): ShapeOf<(typeof snapshotFigures)[G]> {
  const declared: Record<string, FigureDeclaration> = snapshotFigures[group];
  return Object.fromEntries(Object.entries(declared).map(([name, entry]) => [name, entry.schema])) as ShapeOf<
    (typeof snapshotFigures)[G]
  >;
}

/** Every declaration with its group and name, in the table's order. */
export const declaredFigures: readonly { group: FigureGroup; name: string; entry: FigureDeclaration }[] =
  figureGroups.flatMap((group) =>
    Object.entries(snapshotFigures[group] as Record<string, FigureDeclaration>).map(([name, entry]) => ({
      group,
      name,
      entry,
    })),
  );

/** The matrix's cell counts in words, in the rows' order (the coverage's rows in the diff and the exports). */
export const MATRIX_CELLS = {
  X: "Matrix cells marked X (measure found)",
  "?": "Matrix cells marked ? (reference incomplete)",
  NA: "Matrix cells marked NA",
  blank: "Matrix cells left blank",
  fields: "Matrix fields",
} as const satisfies Record<keyof CoverageCounts, string>;

/**
 * Every figure's and list's name by its row name (`reporting.reported`, `matrix.X`): a breakdown's rows are named for
 * the figure they break down, which the group declares overall.
 */
export const figureNames: Readonly<Record<string, string>> = Object.fromEntries([
  ...declaredFigures.flatMap(({ group, name, entry }) =>
    entry.kind === "figure" || entry.kind === "list" ? [[`${group}.${name}`, entry.name]] : [],
  ),
  ...Object.entries(MATRIX_CELLS).map(([cell, words]) => [`matrix.${cell}`, words]),
]);

/** The figures that are fractions from 0 to 1, by row name (`assistance.matchedShare`). */
export const shareFigures: ReadonlySet<string> = new Set(
  declaredFigures.flatMap(({ group, name, entry }) =>
    entry.kind === "figure" && entry.share ? [`${group}.${name}`] : [],
  ),
);

const labelled = (kind: "figure" | "list") =>
  Object.fromEntries(
    declaredFigures.flatMap(({ group, name, entry }) =>
      entry.kind === kind && "label" in entry && entry.label ? [[`${group}.${name}`, entry.label]] : [],
    ),
  ) as Record<string, string>;

/** The overall figures the report's change table names, in the table's order; the others keep their code. */
export const figureLabels = labelled("figure");
/** The lists the report's change table names. */
export const listLabels = labelled("list");
