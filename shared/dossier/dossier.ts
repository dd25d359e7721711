// Use cases of the dossier: a State's timeline and the audit trail, read by index (ADR 0020).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { AuditEntry } from "../audit/audit-entry.ts";
import type { Actor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import type { Page, PageRequest } from "../dynamo/pagination.ts";
import { type RegistryRepository, registryRepository } from "../registry/repository.ts";
import { getState } from "../registry/states.ts";
import type { TableNames } from "../tables.ts";
import { type AuditTrail, auditTrail, type Period } from "./audit-trail.ts";
import type { AuditQuery, TimelineEntry } from "./schemas.ts";
import { type TimelineReader, type TimelineRequest, timelineReader } from "./timeline.ts";

export interface DossierDependencies {
  registry: RegistryRepository;
  trail: AuditTrail;
  timelines: TimelineReader;
}

export function dossierDependencies(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock) {
  return {
    registry: registryRepository(doc, tableNames, clock),
    trail: auditTrail(doc, tableNames, clock),
    timelines: timelineReader(doc, tableNames),
  };
}

export const stateTimeline =
  (deps: DossierDependencies) =>
  async (iso3: string, request: Omit<TimelineRequest, "groups">, reader: Actor | undefined, page: PageRequest) => {
    const groups = reader?.kind === "user" ? reader.groups : [];
    const timeline = await deps.timelines.timeline(iso3, { ...request, groups }, page);
    // Entries are written about registered States only, so a page with entries proves the State; an empty one
    // (an unknown code, or a State with nothing in the period) is checked: one command less on most pages (ADR 0022).
    if (!timeline.items.length) await getState(deps.registry)(iso3);
    return timeline;
  };

export const stateAudit =
  (deps: DossierDependencies) =>
  async (iso3: string, period: Period, page: PageRequest): Promise<Page<AuditEntry>> => {
    await getState(deps.registry)(iso3);
    return deps.trail.ofState(iso3, period, page);
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
