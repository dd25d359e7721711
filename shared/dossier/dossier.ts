// Use cases of the dossier: a State's and an organization's timeline, an organization's letters and the audit trail
// (by State, organization, entity, actor or day), read by index (ADR 0020, ADR 0056).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditEntry } from "../audit/audit-entry.ts";
import type { Actor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { ownerText } from "../contacts/schemas.ts";
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import { getOrganization } from "../organizations/organizations.ts";
import { type OrganizationRepository, organizationRepository } from "../organizations/repository.ts";
import { type RegistryRepository, registryRepository } from "../registry/repository.ts";
import { getState } from "../registry/states.ts";
import type { TableNames } from "../tables.ts";
import { type AuditTrail, auditTrail, type Period } from "./audit-trail.ts";
import type { AuditQuery, TimelineEntry } from "./schemas.ts";
import { type LettersRequest, type TimelineReader, type TimelineRequest, timelineReader } from "./timeline.ts";

export interface DossierDependencies {
  registry: RegistryRepository;
  organizations: OrganizationRepository;
  trail: AuditTrail;
  timelines: TimelineReader;
}

export function dossierDependencies(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock) {
  return {
    registry: registryRepository(doc, tableNames, clock),
    organizations: organizationRepository(doc, tableNames, clock),
    trail: auditTrail(doc, tableNames, clock),
    timelines: timelineReader(doc, tableNames),
  };
}

const groupsOf = (reader: Actor | undefined) => (reader?.kind === "user" ? reader.groups : []);

export const stateTimeline =
  (deps: DossierDependencies) =>
  async (iso3: string, request: Omit<TimelineRequest, "groups">, reader: Actor | undefined, page: PageRequest) => {
    const owner = { kind: "state", iso3 } as const;
    const timeline = await deps.timelines.timeline(owner, { ...request, groups: groupsOf(reader) }, page);
    // Entries are written about registered States only, so a page with entries proves the State; an empty one
    // (an unknown code, or a State with nothing in the period) is checked: one command less on most pages (ADR 0022).
    if (!timeline.items.length) await getState(deps.registry)(iso3);
    return timeline;
  };

/** Everything about an organization, newest first: its record, contacts, offers, matches and letters. */
export const organizationTimeline =
  (deps: DossierDependencies) =>
  async (id: string, request: Omit<TimelineRequest, "groups">, reader: Actor | undefined, page: PageRequest) => {
    const owner = { kind: "organization", id } as const;
    const timeline = await deps.timelines.timeline(owner, { ...request, groups: groupsOf(reader) }, page);
    // As a State's: entries name registered organizations only, so only an empty page is checked.
    if (!timeline.items.length) await getOrganization(deps)(id);
    return timeline;
  };

/** The letters written to an organization's points of contact, newest first; 404 for an unknown organization. */
export const organizationLetters =
  (deps: DossierDependencies) =>
  async (id: string, period: Period, reader: Actor | undefined, page: PageRequest): Promise<Page<TimelineEntry>> => {
    const request: LettersRequest = { ...period, groups: groupsOf(reader) };
    const letters = await deps.timelines.letters(ownerText({ kind: "organization", id }), request, page);
    // As a State's timeline: letters are written to registered organizations only, so only an empty page is checked.
    if (!letters.items.length) await getOrganization(deps)(id);
    return letters;
  };

export const stateAudit =
  (deps: DossierDependencies) =>
  async (iso3: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>> => {
    await getState(deps.registry)(iso3);
    return deps.trail.ofState(iso3, period, page);
  };

/** Every audited write about an organization, newest first; 404 for an unknown organization. */
export const organizationAudit =
  (deps: DossierDependencies) =>
  async (id: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>> => {
    await getOrganization(deps)(id);
    return deps.trail.ofOrganization(id, period, page);
  };

/** By entity (and actor) through the table's key, by actor through its index, else day by day. */
export const auditEntries =
  (deps: DossierDependencies) =>
  (query: Omit<AuditQuery, "limit" | "cursor">, page: PageRequest): Promise<Page<AuditEntry>> => {
    const period = { from: query.from, to: query.to };
    if (query.entity) return deps.trail.ofEntity(query.entity, query.actor, period, page);
    if (query.actor) return deps.trail.ofActor(query.actor, period, page);
    return deps.trail.ofDays(period, page);
  };

export type { TimelineEntry };
