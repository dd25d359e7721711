// The records and assistance groups' route tables, imported from here by their entry points and route modules alike.
// A split bundle (ADR 0038) writes a chunk per set of importers, so each table imported directly was a chunk of its
// own that every cold start read; imported from here, the group's tables share one chunk (ADR 0040).
export { assistanceTable } from "./assistance.table.ts";
export { calendarTable } from "./calendar.table.ts";
export { contactTable } from "./contacts.table.ts";
export { matrixTable } from "./matrix.table.ts";
export { organizationTable } from "./organizations.table.ts";
export { searchTable } from "./search.table.ts";
export { stateTable } from "./states.table.ts";
export { submissionTable } from "./submissions.table.ts";
