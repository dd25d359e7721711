// The audit trail's filters (GET /audit: one record, one actor, a span of days) as the page's URL keeps them, so a link
// to "this State's audit trail" (`#/audit?entity=state:MLI`) opens it filtered. Pure, tested in Node
// (test/unit/console-audit-trail.test.ts).
import { href } from "../routes.ts";

export const AUDIT_FILTERS = ["entity", "actor", "from", "to"] as const;
export type AuditFilter = (typeof AUDIT_FILTERS)[number];
export type AuditFilters = Partial<Record<AuditFilter, string>>;

/**
 * How many days the API reads when neither a record nor an actor is named and no first day is given, and the most it
 * reads so (shared/dossier/audit-trail.ts; not imported, as that module reads DynamoDB: a unit test keeps them equal).
 */
export const DEFAULT_SPAN_DAYS = 31;
export const MAX_SPAN_DAYS = 366;

/** Entries a page of the trail holds. */
export const AUDIT_PAGE_SIZE = "50";

/**
 * A record as the trail keys it, `<type>:<id>`. A State's and a matrix's ids are ISO codes, kept in capitals: `state:mli`
 * names nothing, and would answer an empty trail rather than Mali's.
 */
export function entityKey(typed: string): string {
  const text = typed.trim();
  const match = /^(state|matrix):([A-Za-z]{3})$/.exec(text);
  return match ? `${match[1]}:${match[2]?.toUpperCase()}` : text;
}

/** The filters a URL's query names (blank ones left out). */
export function auditFiltersOf(query: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of AUDIT_FILTERS) {
    const value = query.get(name)?.trim();
    if (value) filters[name] = name === "entity" ? entityKey(value) : value;
  }
  return filters;
}

/** The filters as a URL's query, in the form's order. */
export function auditQueryOf(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const name of AUDIT_FILTERS) {
    const value = filters[name]?.trim();
    if (value) query.set(name, name === "entity" ? entityKey(value) : value);
  }
  return query;
}

/** The page of the trail with these filters: `auditTrailHref({ entity: "state:MLI" })` is Mali's. */
export const auditTrailHref = (filters: AuditFilters = {}): string => href.audit(auditQueryOf(filters));

/** GET /audit's query for one page: the filters, the page's size, and where the last page ended. */
export function auditApiQuery(filters: AuditFilters, cursor?: string) {
  return { ...filters, limit: AUDIT_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
}

/** The span of days in words, as the API reads it: a record's or an actor's entries are read from the first. */
function spanWords({ entity, actor, from, to }: AuditFilters): string {
  if (from) return `from ${from} to ${to ?? "today"}`;
  if (entity || actor) return to ? `up to ${to}` : "";
  return to ? `of the ${DEFAULT_SPAN_DAYS} days to ${to}` : `of the last ${DEFAULT_SPAN_DAYS} days`;
}

/**
 * What the list holds, in one line: "Entries about state:MLI by local-secretariat from 2026-11-01 to today, newest
 * first". `actorName` is the actor's username where an entry gave it (the filter holds an id).
 */
export function coverageWords(filters: AuditFilters, actorName?: string): string {
  const about = filters.entity ? `about ${filters.entity}` : "";
  const by = filters.actor ? `by ${actorName ?? filters.actor}` : "";
  const scope = [about, by].filter(Boolean).join(" ");
  const span = spanWords(filters);
  return `${scope ? `Entries ${scope}` : "Every entry"}${span ? ` ${span}` : ""}, newest first (times in UTC).`;
}
