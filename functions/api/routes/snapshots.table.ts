// The snapshots routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in snapshots.ts, loaded on the first request for one of them.
import { type RouteSummaries, routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

const TAG = "Snapshots";

export const snapshotTable = routeTable({
  takeSnapshot: {
    method: "POST",
    path: "/snapshots",
    tag: TAG,
    access: secretariatOnly,
  },
  listSnapshots: {
    method: "GET",
    path: "/snapshots",
    tag: TAG,
    access: everyone,
  },
  getSnapshot: {
    method: "GET",
    path: "/snapshots/{period}",
    tag: TAG,
    access: everyone,
  },
  exportSnapshot: {
    method: "GET",
    path: "/snapshots/{period}/export",
    tag: TAG,
    access: everyone,
  },
  diffSnapshots: {
    method: "GET",
    path: "/snapshots/{period}/diff",
    tag: TAG,
    access: everyone,
  },
  snapshotReport: {
    method: "GET",
    path: "/snapshots/{period}/report",
    tag: TAG,
    access: everyone,
  },
});

/** Each route's summary in the OpenAPI document: read by the document's writer only (functions/api/summaries.ts), so
 * no Lambda bundle carries it (ADR 0038). */
export const snapshotSummaries = {
  takeSnapshot: "Take the snapshot of an ended quarter (201), or get the one already stored (200): it never changes",
  listSnapshots: "The snapshots, oldest quarter first, without their figures",
  getSnapshot: "One quarter's snapshot with every figure, list and the change since the previous snapshot",
  exportSnapshot:
    "Every figure as a row (its code and name, its group, value, change): CSV, or JSON with the lists too",
  diffSnapshots: "What changed from an earlier quarter's snapshot (`against`) to this one: every figure and list",
  snapshotReport: "The snapshot as a self-contained HTML page with its charts (SVG, no script), readable printed",
} satisfies RouteSummaries<typeof snapshotTable>;
