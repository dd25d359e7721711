// The audit trail of the in-memory stores: the entries the DynamoDB adapters would put in the audit table, kept in
// a list, each written in the same step as the change it records.
import type { AuditEntry, AuditInput } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import { newId } from "#shared/ids.ts";

export interface InMemoryAudit {
  readonly entries: readonly AuditEntry[];
  record(input: AuditInput): void;
  /** The actions recorded against one entity, sorted (entries at one instant have no order of their own). */
  actionsOf(entity: AuditEntry["entity"]): string[];
}

export function inMemoryAudit(clock: Clock): InMemoryAudit {
  const entries: AuditEntry[] = [];
  return {
    entries,
    record: (input) => {
      entries.push(structuredClone({ ...input, id: newId(clock), at: clock.now().toISOString() }));
    },
    actionsOf: (entity) =>
      entries
        .filter((entry) => entry.entity.type === entity.type && entry.entity.id === entity.id)
        .map((entry) => entry.action)
        .sort(),
  };
}
