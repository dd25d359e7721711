// The snapshots routes as data: method, path, who may call them (functions/api/access.ts); their schemas and handlers are
// in snapshots.ts, loaded on the first request for one of them.
import { routeTable } from "#shared/http/route.ts";
import { everyone, secretariatOnly } from "../access.ts";

const TAG = "Snapshots";

export const snapshotTable = routeTable({
  takeSnapshot: {
    method: "POST",
    path: "/snapshots",
    summary: "Take the snapshot of an ended quarter (201), or get the one already stored (200): it never changes",
    tag: TAG,
    access: secretariatOnly,
  },
  listSnapshots: {
    method: "GET",
    path: "/snapshots",
    summary: "The snapshots, oldest quarter first, without their figures",
    tag: TAG,
    access: everyone,
  },
  getSnapshot: {
    method: "GET",
    path: "/snapshots/{period}",
    summary: "One quarter's snapshot with every figure, list and the change since the previous snapshot",
    tag: TAG,
    access: everyone,
  },
  exportSnapshot: {
    method: "GET",
    path: "/snapshots/{period}/export",
    summary: "Every figure as a row (figure, group, value, change): CSV, or JSON with the lists too",
    tag: TAG,
    access: everyone,
  },
  diffSnapshots: {
    method: "GET",
    path: "/snapshots/{period}/diff",
    summary: "What changed from the `against` quarter's snapshot to this one: every figure and list",
    tag: TAG,
    access: everyone,
  },
  snapshotReport: {
    method: "GET",
    path: "/snapshots/{period}/report",
    summary: "The snapshot as a self-contained HTML page with its charts (SVG, no script), readable printed",
    tag: TAG,
    access: everyone,
  },
});
