// The audit trail's filters as the page's URL keeps them, so a link opens it filtered: a State's or an organization's
// whole trail (`#/audit?state=MLI`: GET /states/{iso3}/audit, GET /organizations/{id}/audit), one record
// (`#/audit?entity=state:MLI`), one actor, a span of days (GET /audit). Pure, tested in Node
// (test/unit/console-audit-trail*.test.ts).
import { possessive } from "../../../shared/possessive.ts";
import type { components } from "../api/schema";
import { href } from "../routes.ts";
import { NO_NAMES, type OwnerNames } from "./provider-names.ts";

type Problem = components["schemas"]["Problem"];

export const AUDIT_FILTERS = ["state", "organization", "entity", "actor", "from", "to"] as const;
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

const ISO3 = /^[A-Za-z]{3}$/;

/**
 * A record as the trail keys it, `<type>:<id>`. A State's and a matrix's ids are ISO codes, kept in capitals: `state:mli`
 * names nothing, and would answer an empty trail rather than Mali's.
 */
export function entityKey(typed: string): string {
  const text = typed.trim();
  const match = /^(state|matrix):([A-Za-z]{3})$/.exec(text);
  return match ? `${match[1]}:${match[2]?.toUpperCase()}` : text;
}

/**
 * Each filter as the API and the owner names key it: a State's code in capitals, an organization's id in lower case
 * (the API reads both so); anything else the API refuses is kept as typed, for its own words at the field.
 */
const NORMAL_FORMS: Readonly<Record<AuditFilter, (text: string) => string>> = {
  state: (text) => (ISO3.test(text) ? text.toUpperCase() : text),
  organization: (text) => text.toLowerCase(),
  entity: entityKey,
  actor: (text) => text,
  from: (text) => text,
  to: (text) => text,
};

function normalFilters(read: (name: AuditFilter) => string | undefined): AuditFilters {
  const filters: AuditFilters = {};
  for (const name of AUDIT_FILTERS) {
    const value = read(name)?.trim();
    if (value) filters[name] = NORMAL_FORMS[name](value);
  }
  return filters;
}

/** The filters a URL's query names (blank ones left out). */
export const auditFiltersOf = (query: URLSearchParams): AuditFilters =>
  normalFilters((name) => query.get(name) ?? undefined);

/** The filters as a URL's query, in the form's order. */
export function auditQueryOf(filters: AuditFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(normalFilters((name) => filters[name]))) query.set(name, value);
  return query;
}

/** The page of the trail with these filters: `auditTrailHref({ state: "MLI" })` is Mali's whole trail. */
export const auditTrailHref = (filters: AuditFilters = {}): string => href.audit(auditQueryOf(filters));

/** Whose whole trail the filters name, if any: a State's or an organization's. */
export type AuditOwner = { kind: "state"; iso3: string } | { kind: "organization"; id: string };

export function ownerOf({ state, organization }: AuditFilters): AuditOwner | undefined {
  if (state) return { kind: "state", iso3: state };
  if (organization) return { kind: "organization", id: organization };
  return undefined;
}

/** The owner's name, its code until the names are read (or for one the desk does not know). */
export const ownerName = (owner: AuditOwner, names: OwnerNames): string =>
  owner.kind === "state"
    ? (names.get(`STATE:${owner.iso3}`) ?? owner.iso3)
    : (names.get(`ORG:${owner.id}`) ?? owner.id);

/**
 * What the API cannot answer: a State's or an organization's whole trail is read by days only (its routes take `from`
 * and `to`), and is one owner's. Such filters are refused at the fields they conflict on, never read with some
 * dropped, so the list never holds less, or other, than the form says.
 */
export function conflictOf(filters: AuditFilters): Problem | undefined {
  const owner = ownerOf(filters);
  if (!owner) return undefined;
  const whose = owner.kind === "state" ? "the State" : "the organization";
  const errors = [
    ...(filters.state && filters.organization
      ? [{ path: "query.organization", message: "name a State or an organization, not both: a trail is one owner's" }]
      : []),
    ...(filters.entity
      ? [
          {
            path: "query.entity",
            message: `${possessive(whose)} whole trail is read by days only: clear the record or ${whose}`,
          },
        ]
      : []),
    ...(filters.actor
      ? [
          {
            path: "query.actor",
            message: `${possessive(whose)} whole trail is read by days only: clear the actor or ${whose}`,
          },
        ]
      : []),
  ];
  return errors.length
    ? { type: "about:blank", title: "These filters do not go together", status: 400, errors }
    : undefined;
}

/**
 * The API's refusal of an owner's trail at the owner's field: it names the route's path parameter (`params.iso3`,
 * `params.id`), or, for an owner it does not know, no field at all (404).
 */
export function refusalAtFields(problem: Problem, filters: AuditFilters): Problem {
  const owner = ownerOf(filters);
  if (!owner) return problem;
  const field = owner.kind === "state" ? "query.state" : "query.organization";
  const named = problem.errors?.filter((error) => error.path.startsWith("params"));
  if (named?.length) {
    return {
      ...problem,
      errors: problem.errors?.map((error) => (named.includes(error) ? { ...error, path: field } : error)),
    };
  }
  if (problem.status === 404)
    return { ...problem, errors: [{ path: field, message: problem.detail ?? problem.title }] };
  return problem;
}

interface PeriodPage {
  from?: string;
  to?: string;
  limit: string;
  cursor?: string;
}

/** Which route reads one page of the trail, and its query: an owner's by days only, else GET /audit's filters. */
export type AuditRead =
  | { route: "state"; iso3: string; query: PeriodPage }
  | { route: "organization"; id: string; query: PeriodPage }
  | { route: "audit"; query: PeriodPage & { entity?: string; actor?: string } };

export function auditRead(filters: AuditFilters, cursor?: string): AuditRead {
  const { from, to, entity, actor } = filters;
  const query: PeriodPage = {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    limit: AUDIT_PAGE_SIZE,
    ...(cursor ? { cursor } : {}),
  };
  const owner = ownerOf(filters);
  if (owner?.kind === "state") return { route: "state", iso3: owner.iso3, query };
  if (owner?.kind === "organization") return { route: "organization", id: owner.id, query };
  return { route: "audit", query: { ...(entity ? { entity } : {}), ...(actor ? { actor } : {}), ...query } };
}

/** The page's heading: whose trail it is, by name. */
export function trailTitle(filters: AuditFilters, names: OwnerNames = NO_NAMES): string {
  const owner = ownerOf(filters);
  return owner ? `Audit trail of ${ownerName(owner, names)}` : "Audit trail";
}

/** The span of days in words, as the API reads it: an owner's, a record's or an actor's entries from the first. */
function spanWords({ state, organization, entity, actor, from, to }: AuditFilters): string {
  if (from) return `from ${from} to ${to ?? "today"}`;
  if (state || organization || entity || actor) return to ? `up to ${to}` : "";
  return to ? `of the ${DEFAULT_SPAN_DAYS} days to ${to}` : `of the last ${DEFAULT_SPAN_DAYS} days`;
}

/** What an owner's whole trail holds: every record the audit keys to it (shared/audit/subject.ts). */
function ownerScope(owner: AuditOwner, names: OwnerNames): string {
  const name = ownerName(owner, names);
  return owner.kind === "state"
    ? `Every entry about ${name}: its record and submissions, its contacts, matrix and assistance`
    : `Every entry about ${name}: its record, its contacts, its assistance offers and the matches on them`;
}

/**
 * What the list holds, in one line: "Entries about state:MLI by local-secretariat from 2026-11-01 to today, newest
 * first". `actorName` is the actor's username where an entry gave it (the filter holds an id).
 */
export function coverageWords(filters: AuditFilters, actorName?: string, names: OwnerNames = NO_NAMES): string {
  const owner = ownerOf(filters);
  const about = filters.entity ? `about ${filters.entity}` : "";
  const by = filters.actor ? `by ${actorName ?? filters.actor}` : "";
  const scope = [about, by].filter(Boolean).join(" ");
  const what = owner ? ownerScope(owner, names) : scope ? `Entries ${scope}` : "Every entry";
  const span = spanWords(filters);
  // An owner's scope is a list: the span follows it after a comma.
  return `${what}${span ? `${owner ? "," : ""} ${span}` : ""}, newest first (times in UTC).`;
}
