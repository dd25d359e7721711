// Brings items written before their index keys existed in step with what writers set today: audit entries get their
// State, organization, actor and kind keys (the byState, byOrganization and byActor indexes) and their place on the
// timelines by the day their event happened (stateTimeline, organizationTimeline: ADR 0063), letters their owner key
// (gsi2, the timeline) and, for a letter sent again, its key in the sweep's index of resent letters (gsi3). An
// operator's migration, so it may Scan (paged); requests never do (ADR 0022). Idempotent: an item whose keys already
// agree is not written; resumable: each page ends at a position the next run may start from.
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { auditEntrySchema, auditKeys } from "../audit/audit-entry.ts";
import { messageIndexKeys, resentLetterIndexKeys } from "../correspondence/ledger.ts";
import { messageSchema } from "../correspondence/schemas.ts";
import type { TableNames } from "../tables.ts";

/** The index keys an item should carry, by table: undefined for an item the step does not concern. */
type KeysOf = (item: Record<string, unknown>) => Record<string, string> | undefined;

export const BACKFILL_STEPS = ["audit", "letters"] as const;
export type BackfillStep = (typeof BACKFILL_STEPS)[number];

/** Where a run stands: the step and the last key its Scan returned (absent: the step's start). */
export interface BackfillPosition {
  step: BackfillStep;
  after?: Record<string, unknown> | undefined;
}

export interface BackfillProgress {
  step: BackfillStep;
  scanned: number;
  updated: number;
  /** Where to start again if the run stops now; undefined once the last step is done. */
  next: BackfillPosition | undefined;
}

export type BackfillResult = Record<BackfillStep, { scanned: number; updated: number }>;

/** Items a Scan page examines: small enough that a stop loses little, large enough for few round trips. */
const SCAN_PAGE = 500;

const auditKeysOf: KeysOf = (item) => {
  const entry = auditEntrySchema.safeParse(item);
  if (!entry.success) return undefined;
  // Only the index keys; the table's own key (pk, sk) and the day were always written.
  const { pk: _pk, sk: _sk, day: _day, ...indexKeys } = auditKeys(entry.data);
  return indexKeys;
};

const letterKeysOf: KeysOf = (item) => {
  if (item.entity !== "message") return undefined;
  const message = messageSchema.safeParse(item);
  if (!message.success) return undefined;
  const { gsi2pk, gsi2sk } = messageIndexKeys(message.data);
  return { gsi2pk, gsi2sk, ...(message.data.resentAt === undefined ? {} : resentLetterIndexKeys(message.data)) };
};

/** The keys an item lacks or holds with another value. */
function missingKeys(item: Record<string, unknown>, keys: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(keys).filter(([name, value]) => item[name] !== value));
}

export function encodePosition(position: BackfillPosition): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

export function decodePosition(text: string): BackfillPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw new Error(`not a position this command printed: ${text}`);
  }
  const step = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>).step : undefined;
  const after = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>).after : undefined;
  const known = BACKFILL_STEPS.find((name) => name === step);
  if (!known || (after !== undefined && (after === null || typeof after !== "object"))) {
    throw new Error(`not a position this command printed: ${text}`);
  }
  return { step: known, after: after as Record<string, unknown> | undefined };
}

export async function backfillIndexKeys(
  deps: { doc: DynamoDBDocumentClient; tableNames: TableNames },
  from: BackfillPosition = { step: "audit" },
  onPage: (progress: BackfillProgress) => void = () => {},
  pageSize = SCAN_PAGE,
): Promise<BackfillResult> {
  const steps: Record<BackfillStep, { table: string; keysOf: KeysOf; scan?: { filter: string; values: object } }> = {
    audit: { table: deps.tableNames.audit, keysOf: auditKeysOf },
    // Only the ledger's messages, and only those without their owner key, or sent again without their resent key: the
    // desk table holds much else.
    letters: {
      table: deps.tableNames.desk,
      keysOf: letterKeysOf,
      scan: {
        filter:
          "entity = :message AND (attribute_not_exists(gsi2pk) OR " +
          "(attribute_exists(resentAt) AND attribute_not_exists(gsi3pk)))",
        values: { ":message": "message" },
      },
    },
  };
  const result: BackfillResult = { audit: { scanned: 0, updated: 0 }, letters: { scanned: 0, updated: 0 } };
  for (const step of BACKFILL_STEPS.slice(BACKFILL_STEPS.indexOf(from.step))) {
    const { table, keysOf, scan } = steps[step];
    let startKey = step === from.step ? from.after : undefined;
    do {
      const page = await deps.doc.send(
        new ScanCommand({
          TableName: table,
          Limit: pageSize,
          ExclusiveStartKey: startKey,
          ...(scan ? { FilterExpression: scan.filter, ExpressionAttributeValues: scan.values } : {}),
        }),
      );
      for (const item of page.Items ?? []) {
        const keys = keysOf(item);
        const missing = keys ? missingKeys(item, keys) : {};
        if (!Object.keys(missing).length) continue;
        const names = Object.keys(missing);
        await deps.doc.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: item.pk, sk: item.sk },
            UpdateExpression: `SET ${names.map((_, index) => `#k${index} = :k${index}`).join(", ")}`,
            // Never recreate an item removed since the Scan read it.
            ConditionExpression: "attribute_exists(pk)",
            ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#k${index}`, name])),
            ExpressionAttributeValues: Object.fromEntries(names.map((name, index) => [`:k${index}`, missing[name]])),
          }),
        );
        result[step].updated++;
      }
      result[step].scanned += page.ScannedCount ?? 0;
      startKey = page.LastEvaluatedKey;
      const nextStep = BACKFILL_STEPS[BACKFILL_STEPS.indexOf(step) + 1];
      const next: BackfillPosition | undefined = startKey
        ? { step, after: startKey }
        : nextStep
          ? { step: nextStep }
          : undefined;
      onPage({ step, ...result[step], next });
    } while (startKey);
  }
  return result;
}
