// The audit trail: who changed what, when, through which route, with the before and after images.
// An entry is always written in the same transaction as the change it records.
import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { actorSchema } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { timelineKeyOf } from "../dossier/event-day.ts";
import { newId } from "../ids.ts";
import type { AuditAction } from "./actions.ts";
import { auditedOrganization, auditedState, trailKindOf } from "./subject.ts";

// Marked pure: a bundle that never reads an audit entry leaves the schema out, unbuilt (ADR 0039).
export const auditEntrySchema = /* @__PURE__ */ (() =>
  z.object({
    id: z.string(),
    at: z.iso.datetime(),
    actor: actorSchema,
    action: z.string().describe("What was done, e.g. state.update"),
    entity: z.object({ type: z.string(), id: z.string() }),
    route: z.string().optional().describe("The HTTP route that caused it, e.g. PATCH /states/{iso3}"),
    correlationId: z.string().optional(),
    reason: z.string().optional().describe("Why, for a correction (a void, a change of kind, a deactivation)"),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  }))();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * What the caller knows; the id and time are added here. Its action is one the trail declares (actions.ts); entries
 * read back keep the wider string, as the document has always said.
 */
export type AuditInput = Omit<AuditEntry, "id" | "at" | "action"> & { action: AuditAction };

/**
 * Request-scoped facts every audited write carries: set by the API router, or by a scheduled job; a correction adds
 * its reason, which every entry of its write then carries.
 */
export type AuditContext = Pick<AuditEntry, "actor" | "route" | "correlationId" | "reason">;

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

/**
 * The audit table's keys of an entry: by entity (table), by day, by State, by organization and by actor (indexes),
 * the kind a timeline filters on, and, for an entry on an owner's timeline, its place there by the event's day
 * (ADR 0020, ADR 0056, ADR 0063).
 */
export function auditKeys(entry: AuditEntry): Record<string, string> {
  const iso3 = auditedState(entry);
  const orgId = auditedOrganization(entry);
  const trailKind = trailKindOf(entry.action);
  return {
    pk: auditEntityKey(entry.entity),
    sk: `${entry.at}#${entry.id}`,
    day: entry.at.slice(0, 10),
    actorKey: auditActorKey(entry.actor),
    ...(iso3 ? { iso3 } : {}),
    ...(orgId ? { orgId } : {}),
    ...(trailKind ? { trailKind } : {}),
    ...(iso3 || orgId ? { timelineKey: timelineKeyOf(entry) } : {}),
  };
}

export const auditEntityKey = (entity: AuditEntry["entity"]) => `${entity.type}#${entity.id}`;
export const auditActorKey = (actor: Pick<AuditEntry["actor"], "id">) => actor.id;

export function auditPut(tableName: string, input: AuditInput, clock: Clock): TransactItem {
  const at = clock.now().toISOString();
  const entry: AuditEntry = { ...input, id: newId(clock), at };
  return {
    Put: {
      TableName: tableName,
      Item: { ...auditKeys(entry), ...entry },
      // An audit entry is never overwritten.
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}
