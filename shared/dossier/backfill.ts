// Brings items written before their index keys existed in step with what writers set today: audit entries get their
// State, organization, actor and kind keys (the byState, byOrganization and byActor indexes) and their place on the
// timelines by the day their event happened (stateTimeline, organizationTimeline: ADR 0063), letters their owner key
// (gsi2, the timeline) and, for a letter sent again, its key in the sweep's index of resent letters (gsi3); then
// assistance requests recorded before ADR 0068 are put on their symbol's guard, which refuses another State's
// document under their symbol from then on. An operator's migration, so it may Scan (paged); requests never do
// (ADR 0022). Idempotent: an item already in step is not written; resumable: each page ends at a position the next
// run may start from.
import { ConditionalCheckFailedException } from "@aws-sdk/client-dynamodb";
import { type DynamoDBDocumentClient, ScanCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { assistanceRequestSchema } from "../assistance/schemas.ts";
import { auditEntrySchema, auditKeys } from "../audit/audit-entry.ts";
import { messageIndexKeys, resentLetterIndexKeys } from "../correspondence/ledger.ts";
import { messageSchema } from "../correspondence/schemas.ts";
import { requestOnSymbol, symbolGuardKey } from "../reporting/symbol-guard.ts";
import type { TableNames } from "../tables.ts";

/** The index keys an item should carry, by table: undefined for an item the step does not concern. */
type KeysOf = (item: Record<string, unknown>) => Record<string, string> | undefined;

/** What a step writes for one item it scanned: which item, what it sets there, and on what condition. */
interface BackfillWrite {
  key: Record<string, unknown>;
  set: Record<string, string>;
  /** Set only where the item has no such attribute yet: what an item the write may create is. */
  setIfAbsent?: Record<string, string>;
  condition: string;
  /** The condition failing means the item is in step already (not updated), not that the run must stop. */
  inStepWhenConditionFails?: true;
}

/** A step's write for one scanned item: undefined when the item needs none. */
type WriteOf = (item: Record<string, unknown>) => BackfillWrite | undefined;

export const BACKFILL_STEPS = ["audit", "letters", "request-symbols"] as const;
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

/** Sets on the scanned item itself the keys it lacks. */
const ownKeys =
  (keysOf: KeysOf): WriteOf =>
  (item) => {
    const keys = keysOf(item);
    const missing = keys ? missingKeys(item, keys) : {};
    if (!Object.keys(missing).length) return undefined;
    // Never recreate an item removed since the Scan read it.
    return { key: { pk: item.pk, sk: item.sk }, set: missing, condition: "attribute_exists(pk)" };
  };

const requestOnGuardSchema = assistanceRequestSchema.pick({ id: true, iso3: true, symbol: true, receivedOn: true });

/**
 * Puts the request on its symbol's guard, creating the guard where no document holds the symbol and keeping the
 * submission of one that does: a request recorded under another State's document before ADR 0068 is recorded as it
 * is, not refused (the rule holds for what is recorded from then on).
 */
const requestOnGuard: WriteOf = (item) => {
  const request = requestOnGuardSchema.safeParse(item);
  if (!request.success) return undefined;
  const { symbol } = request.data;
  return {
    key: symbolGuardKey(symbol),
    // What the request's recording sets on the guard since ADR 0068 (requestUnderSymbol), without its refusal.
    set: requestOnSymbol(request.data),
    setIfAbsent: { entity: "symbol", symbol },
    // A guard that names a request already holds this one: a request's symbol is its own (ASSISTANCE-SYMBOL#).
    condition: "attribute_not_exists(requestId)",
    inStepWhenConditionFails: true,
  };
};

/** Carries out one write: false when its condition found the item in step already. */
async function update(doc: DynamoDBDocumentClient, table: string, write: BackfillWrite): Promise<boolean> {
  const assignments = [
    ...Object.entries(write.set).map(([name, value]) => ({ name, value, ifAbsent: false })),
    ...Object.entries(write.setIfAbsent ?? {}).map(([name, value]) => ({ name, value, ifAbsent: true })),
  ];
  const set = assignments.map(({ ifAbsent }, index) =>
    ifAbsent ? `#k${index} = if_not_exists(#k${index}, :k${index})` : `#k${index} = :k${index}`,
  );
  try {
    await doc.send(
      new UpdateCommand({
        TableName: table,
        Key: write.key,
        UpdateExpression: `SET ${set.join(", ")}`,
        ConditionExpression: write.condition,
        ExpressionAttributeNames: Object.fromEntries(assignments.map(({ name }, index) => [`#k${index}`, name])),
        ExpressionAttributeValues: Object.fromEntries(assignments.map(({ value }, index) => [`:k${index}`, value])),
      }),
    );
    return true;
  } catch (error) {
    if (write.inStepWhenConditionFails && error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
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
  const steps: Record<BackfillStep, { table: string; writeOf: WriteOf; scan?: { filter: string; values: object } }> = {
    audit: { table: deps.tableNames.audit, writeOf: ownKeys(auditKeysOf) },
    // Only the ledger's messages, and only those without their owner key, or sent again without their resent key: the
    // desk table holds much else.
    letters: {
      table: deps.tableNames.desk,
      writeOf: ownKeys(letterKeysOf),
      scan: {
        filter:
          "entity = :message AND (attribute_not_exists(gsi2pk) OR " +
          "(attribute_exists(resentAt) AND attribute_not_exists(gsi3pk)))",
        values: { ":message": "message" },
      },
    },
    // Every request: whether its guard holds it is on the guard, which the Scan does not read.
    "request-symbols": {
      table: deps.tableNames.desk,
      writeOf: requestOnGuard,
      scan: { filter: "entity = :request", values: { ":request": "assistance-request" } },
    },
  };
  const result: BackfillResult = {
    audit: { scanned: 0, updated: 0 },
    letters: { scanned: 0, updated: 0 },
    "request-symbols": { scanned: 0, updated: 0 },
  };
  for (const step of BACKFILL_STEPS.slice(BACKFILL_STEPS.indexOf(from.step))) {
    const { table, writeOf, scan } = steps[step];
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
        const write = writeOf(item);
        if (write && (await update(deps.doc, table, write))) result[step].updated++;
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
