// Routes of quarterly snapshots: take one on demand, list and read them, export, compare, and the HTML report.
import * as z from "zod";
import { pageQuerySchema, pageRequestOf, pageSchema } from "#shared/http/pagination-query.ts";
import { defineRoute, type Route } from "#shared/http/route.ts";
import { snapshotCsv } from "#shared/snapshots/csv.ts";
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
  snapshotExport,
  takeSnapshot,
} from "#shared/snapshots/snapshots.ts";
import { everyone, secretariatOnly } from "../access.ts";

const TAG = "Snapshots";

const byPeriod = z.strictObject({ period: periodSchema });

const exportSchema = z
  .object({
    period: periodSchema,
    asOf: z.iso.date(),
    computedAt: z.iso.datetime(),
    previousPeriod: periodSchema.nullable(),
    asOfComputation: z.array(z.string()),
    figures: z.array(figureRowSchema),
    lists: z.array(z.object({ list: z.string(), group: z.string(), members: z.array(z.string()) })),
  })
  .meta({ id: "SnapshotExport" });

/** Register with `snapshotRoutes(snapshotDependencies(doc, tableNames, clock))` (shared/snapshots/snapshots.ts). */
export function snapshotRoutes(deps: SnapshotDependencies): Route[] {
  return [
    defineRoute({
      method: "POST",
      path: "/snapshots",
      operationId: "takeSnapshot",
      summary: "Take the snapshot of an ended quarter (201), or get the one already stored (200): it never changes",
      tag: TAG,
      access: secretariatOnly,
      body: newSnapshotRequestSchema,
      responses: [
        { status: 201, description: "Computed and stored now", schema: snapshotSchema },
        { status: 200, description: "Stored already; returned unchanged", schema: snapshotSchema },
      ],
      async handle({ body, audit }) {
        const { snapshot, created } = await takeSnapshot(deps)(body, audit);
        return {
          status: created ? 201 : 200,
          body: snapshot,
          headers: { location: `/snapshots/${snapshot.period}` },
        };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/snapshots",
      operationId: "listSnapshots",
      summary: "The snapshots, oldest quarter first, without their figures",
      tag: TAG,
      access: everyone,
      query: pageQuerySchema,
      responses: [{ status: 200, description: "A page of snapshots", schema: pageSchema(snapshotSummarySchema) }],
      async handle({ query }) {
        return { body: await listSnapshots(deps)(pageRequestOf(query)) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/snapshots/{period}",
      operationId: "getSnapshot",
      summary: "One quarter's snapshot with every figure, list and the change since the previous snapshot",
      tag: TAG,
      access: everyone,
      params: byPeriod,
      responses: [{ status: 200, description: "The snapshot", schema: snapshotSchema }],
      async handle({ params }) {
        return { body: await getSnapshot(deps)(params.period) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/snapshots/{period}/export",
      operationId: "exportSnapshot",
      summary: "Every figure as a row (figure, group, value, change): CSV, or JSON with the lists too",
      tag: TAG,
      access: everyone,
      params: byPeriod,
      query: z.strictObject({ format: z.enum(["csv", "json"]).describe("csv (text/csv) or json") }),
      responses: [
        {
          status: 200,
          description:
            "The figures as JSON (format=json); as text/csv with the columns figure,group,value,change (format=csv)",
          schema: exportSchema,
        },
      ],
      async handle({ params, query }) {
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
    }),
    defineRoute({
      method: "GET",
      path: "/snapshots/{period}/diff",
      operationId: "diffSnapshots",
      summary: "What changed from the `against` quarter's snapshot to this one: every figure and list",
      tag: TAG,
      access: everyone,
      params: byPeriod,
      query: z.strictObject({ against: periodSchema.describe("The earlier (or any other) stored quarter") }),
      responses: [{ status: 200, description: "Changes from `against` to `period`", schema: snapshotDiffSchema }],
      async handle({ params, query }) {
        return { body: await compareSnapshots(deps)(params.period, query.against) };
      },
    }),
    defineRoute({
      method: "GET",
      path: "/snapshots/{period}/report",
      operationId: "snapshotReport",
      summary: "The snapshot as a self-contained HTML page with its charts (SVG, no script), readable printed",
      tag: TAG,
      access: everyone,
      params: byPeriod,
      responses: [{ status: 200, description: "An HTML page", contentType: "text/html", schema: z.string() }],
      async handle({ params }) {
        const snapshot = await getSnapshot(deps)(params.period);
        return {
          raw: {
            contentType: "text/html; charset=utf-8",
            body: renderSnapshotReport(snapshot),
            headers: { "cache-control": "private, no-store" },
          },
        };
      },
    }),
  ];
}
