// Routes of quarterly snapshots: take one on demand, list and read them, export, compare, and the HTML report.

import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { declareRoutes, type Route, routesOf } from "#shared/http/route.ts";
import { SNAPSHOT_CSV_COLUMNS, snapshotCsv } from "#shared/snapshots/csv.ts";
import { renderSnapshotReport } from "#shared/snapshots/report/render.ts";
import {
  figureRowSchema,
  newSnapshotRequestSchema,
  periodSchema,
  snapshotDiffSchema,
  snapshotSchema,
  snapshotSummarySchema,
} from "#shared/snapshots/schemas.ts";
import {
  compareSnapshots,
  getSnapshot,
  listSnapshots,
  type SnapshotDependencies,
  snapshotDependencies,
  snapshotExport,
  takeSnapshot,
} from "#shared/snapshots/snapshots.ts";
import type { TableDependencies } from "../api-handler.ts";
import { snapshotTable } from "./reports.tables.ts";

const byPeriod = z.strictObject({ period: periodSchema });

const exportSchema = z
  .object({
    period: periodSchema,
    asOf: z.iso.date(),
    computedAt: z.iso.datetime(),
    previousPeriod: periodSchema.nullable(),
    asOfComputation: z.array(z.string()),
    changeNote: z
      .string()
      .nullable()
      .describe(
        "Set when the previous quarter's snapshot was computed after this one: the changes then mix two moments " +
          "of computation (what was recorded in between counts in the previous quarter only)",
      ),
    figures: z.array(figureRowSchema),
    lists: z.array(z.object({ list: z.string(), group: z.string(), members: z.array(z.string()) })),
    groupNotes: z
      .array(
        z.object({
          iso3: z.string(),
          region: z.string(),
          words: z.string().describe("How the State is counted, in one plain sentence, as the report says it"),
          note: z
            .string()
            .describe(
              "The registry's research note on the case, with its sources (docs/data/member-states.SOURCES.md)",
            ),
        }),
      )
      .describe(
        "The States counted in a regional group's figures with a note on their group (e.g. the United States in " +
          "WEOG), by name; the CSV has no room for them: each of its rows is a figure",
      ),
  })
  .meta({ id: "SnapshotExport" });

/** The routes' schemas, joined to their data in snapshots.table.ts. */
export const declarations = declareRoutes(snapshotTable, {
  takeSnapshot: {
    body: newSnapshotRequestSchema,
    responses: [
      { status: 201, description: "Computed and stored now", schema: snapshotSchema },
      { status: 200, description: "Stored already; returned unchanged", schema: snapshotSchema },
    ],
  },
  listSnapshots: {
    query: pageQuerySchema,
    responses: [{ status: 200, description: "A page of snapshots", schema: pageSchema(snapshotSummarySchema) }],
  },
  getSnapshot: {
    params: byPeriod,
    responses: [{ status: 200, description: "The snapshot", schema: snapshotSchema }],
  },
  exportSnapshot: {
    params: byPeriod,
    query: z.strictObject({ format: z.enum(["csv", "json"]).describe("csv (text/csv) or json") }),
    responses: [
      {
        status: 200,
        description:
          `The figures as JSON (format=json); as text/csv with the columns ${SNAPSHOT_CSV_COLUMNS.join(",")} ` +
          "(each code beside its words), the note once, on the first row with a change (format=csv)",
        schema: exportSchema,
      },
    ],
  },
  diffSnapshots: {
    params: byPeriod,
    query: z.strictObject({
      against: periodSchema.describe(
        "An earlier stored quarter; a later one (or the quarter itself) is refused with 400, naming the question the " +
          "other way round",
      ),
    }),
    responses: [
      {
        status: 200,
        description: "Changes from `against` to `period`, forward in time",
        schema: snapshotDiffSchema,
      },
    ],
  },
  snapshotReport: {
    params: byPeriod,
    responses: [{ status: 200, description: "An HTML page", contentType: "text/html", schema: z.string() }],
  },
});

/** Register with `snapshotRoutes(snapshotDependencies(doc, tableNames, clock))` (shared/snapshots/snapshots.ts). */
export function snapshotRoutes(deps: SnapshotDependencies): Route[] {
  return routesOf(declarations, {
    async takeSnapshot({ body, audit }) {
      const { snapshot, created } = await takeSnapshot(deps)(body, audit);
      return {
        status: created ? 201 : 200,
        body: snapshot,
        headers: { location: `/snapshots/${snapshot.period}` },
      };
    },
    async listSnapshots({ query }) {
      return { body: await listSnapshots(deps)(pageRequestOf(query)) };
    },
    async getSnapshot({ params }) {
      return { body: await getSnapshot(deps)(params.period) };
    },
    async exportSnapshot({ params, query }) {
      const snapshot = await getSnapshot(deps)(params.period);
      const attachment = (extension: string) => ({
        "content-disposition": `attachment; filename="snapshot-${snapshot.period}.${extension}"`,
        "cache-control": "private, no-store",
      });
      if (query.format === "json") return { body: snapshotExport(snapshot), headers: attachment("json") };
      return {
        raw: { contentType: "text/csv; charset=utf-8", body: snapshotCsv(snapshot), headers: attachment("csv") },
      };
    },
    async diffSnapshots({ params, query }) {
      return { body: await compareSnapshots(deps)(params.period, query.against) };
    },
    async snapshotReport({ params }) {
      const snapshot = await getSnapshot(deps)(params.period);
      return {
        raw: {
          contentType: "text/html; charset=utf-8",
          body: renderSnapshotReport(snapshot),
          headers: { "cache-control": "private, no-store" },
        },
      };
    },
  });
}

/** The routes on the reports group's tables (functions/api/reports.ts). */
export function bindRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  return snapshotRoutes(snapshotDependencies(doc, tableNames, clock));
}
