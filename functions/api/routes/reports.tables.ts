// The reports group's route tables, imported from here by its entry point and by its route modules alike.
// A split bundle (ADR 0038) writes a chunk per set of importers, so each table imported directly was a chunk of its
// own that every cold start read; imported from here, the group's tables share one chunk (ADR 0040).
export { calendarFeedTable } from "./calendar-feeds.table.ts";
export { programmeTable } from "./programme.table.ts";
export { snapshotTable } from "./snapshots.table.ts";
