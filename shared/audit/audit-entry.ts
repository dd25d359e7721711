// The audit trail: who changed what, when, through which route, with the before and after images.
// An entry is always written in the same transaction as the change it records.
import type { TransactWriteCommandInput } from "@aws-sdk/lib-dynamodb";
import * as z from "zod";
import { actorSchema } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { newId } from "../ids.ts";

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actor: actorSchema,
  action: z.string().describe("What was done, e.g. state.update"),
  entity: z.object({ type: z.string(), id: z.string() }),
  route: z.string().optional().describe("The HTTP route that caused it, e.g. PATCH /states/{iso3}"),
  correlationId: z.string().optional(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** What the caller knows; the id and time are added here. */
export type AuditInput = Omit<AuditEntry, "id" | "at">;

/** Request-scoped facts every audited write carries: set by the API router, or by a scheduled job. */
export type AuditContext = Pick<AuditEntry, "actor" | "route" | "correlationId">;

type TransactItem = NonNullable<TransactWriteCommandInput["TransactItems"]>[number];

export function auditPut(tableName: string, input: AuditInput, clock: Clock): TransactItem {
  const at = clock.now().toISOString();
  const entry: AuditEntry = { ...input, id: newId(clock), at };
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: `${entry.entity.type}#${entry.entity.id}`,
        sk: `${at}#${entry.id}`,
        day: at.slice(0, 10),
        ...entry,
      },
      // An audit entry is never overwritten.
      ConditionExpression: "attribute_not_exists(pk)",
    },
  };
}
