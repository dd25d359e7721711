// Loads N times the demo data set into a table set, so the benchmark can time a quarterly snapshot as data grows.
//
// 1x is what `npm start` seeds (the 193 States, organizations, demo submissions, contacts and assistance), plus what
// the demo lacks and a snapshot reads: an approved matrix for every third State, and a quarter of correspondence
// (three waves to the States' points of contact, with their ledgers) and nine waves of earlier quarters. Nx adds
// N-1 copies of every submission, contact, assistance request (with its matches and feedback), offer and wave with
// its messages, under new ids, written with BatchWriteItem. The 193 States stay 193: more data is more documents,
// people, requests and letters per State, as the years add them. Copies are rows for reading, not use-case
// writes: they carry no guard items (symbols, e-mail addresses) and do not move the obligations' counts.
// The use cases run once per data set: a load given an earlier load's `base` writes the 1x items as they were
// stored, with BatchWriteItem, which takes seconds where the use cases take tens of them.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { seedDemoAssistance } from "#shared/assistance/seed-demo.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { type Clock, deskToday, fixedClock } from "#shared/clock.ts";
import { eachLimited } from "#shared/concurrency.ts";
import { POC_ROLES, staleBefore } from "#shared/contacts/poc-coverage.ts";
import { contactRepository } from "#shared/contacts/repository.ts";
import type { Contact } from "#shared/contacts/schemas.ts";
import { seedDemoContacts } from "#shared/contacts/seed-demo.ts";
import { messageKey, messageStatusPartition, ownerLettersPartition } from "#shared/correspondence/ledger.ts";
import type { Message, MessageStatus } from "#shared/correspondence/schemas.ts";
import { newId } from "#shared/ids.ts";
import { matrixFields } from "#shared/matrix/field-catalogue.ts";
import { editMatrix, transitionMatrix } from "#shared/matrix/matrix.ts";
import { matrixRepository } from "#shared/matrix/repository.ts";
import type { CellChange } from "#shared/matrix/schemas.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { publicStatus } from "#shared/reporting/public-status.ts";
import { seedDemoSubmissions } from "#shared/reporting/seed-demo.ts";
import type { Period } from "#shared/snapshots/schemas.ts";
import type { TableNames } from "#shared/tables.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { batchWrite, everyItem } from "./table-items.ts";

/** The quarter the data set is built around. */
export const SCALE_PERIOD: Period = "2025-Q4";
/** When the quarterly schedule takes it: 00:30 on 1 January in New York. Take the snapshot with this clock. */
export const SCALE_NOW = "2026-01-01T05:30:00.000Z";

const audit = { actor: systemActor("snapshot-scale") };
const WRITE_CONCURRENCY = 8;
/** Entities copied N-1 times; everything else (States, obligations, guards, organizations) exists once. */
const COPIED = new Set([
  "submission",
  "contact",
  "assistance-request",
  "assistance-offer",
  "assistance-match",
  "assistance-feedback",
]);

/** FNV-1a, so every run builds the same data set. */
function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
  return value;
}

/** Every id is 26 Crockford characters (shared/ids.ts and the demo seeds' ids), standing alone or after a `#`. */
const ID = /(?<![0-9A-Z])[0-9A-HJKMNP-TV-Z]{26}(?![0-9A-Z])/g;

/** Copy `k` of every item: each id replaced by a new one everywhere it appears (keys, index keys, references). */
function copiesOf(items: readonly Record<string, unknown>[], k: number, clock: Clock): Record<string, unknown>[] {
  const renamed = new Map(items.map((item) => [String(item.id), newId(clock)]));
  return items.map((item) => {
    const copy = JSON.parse(JSON.stringify(item).replace(ID, (id) => renamed.get(id) ?? id));
    if (typeof copy.symbol === "string") copy.symbol = `${copy.symbol}/C${k}`;
    if (typeof copy.email === "string") copy.email = `c${k}.${copy.email}`;
    return copy;
  });
}

/** An approved matrix for every third State, approved in mid-2025 so it counts at the end of the quarter. */
async function seedMatrices(doc: DynamoDBDocumentClient, tableNames: TableNames): Promise<number> {
  const clock = fixedClock("2025-06-02T14:00:00.000Z");
  const deps = {
    matrix: matrixRepository(doc, tableNames, clock),
    registry: registryRepository(doc, tableNames, clock),
    clock,
  };
  const source = { document: "S/AC.44/DEMO/MATRIX" };
  const states = loadMemberStates().filter((_, index) => index % 3 === 0);
  await eachLimited(states, WRITE_CONCURRENCY, async ({ iso3 }) => {
    const cells: CellChange[] = matrixFields.flatMap((field): CellChange[] => {
      const h = hash(`${iso3}:${field.id}`) % 10;
      if (h < 5) return [{ fieldId: field.id, value: "X", source }];
      if (h < 6) return [{ fieldId: field.id, value: "?", source }];
      if (h < 7) return [{ fieldId: field.id, value: "NA" }];
      return [];
    });
    const draft = await editMatrix(deps)(iso3, 0, { cells }, audit);
    const shared = await transitionMatrix(deps)(iso3, draft.revision, { to: "shared-with-state" }, audit);
    await transitionMatrix(deps)(iso3, shared.revision, { to: "approved" }, audit);
  });
  return states.length;
}

const LETTERS = [
  { templateId: "scale-first-report", kind: "first-report-request" },
  { templateId: "scale-2663", kind: "resolution-2663-letter" },
  { templateId: "scale-contacts", kind: "point-of-contact-update" },
] as const;

/** Mostly delivered; a few bounces, complaints, skips and letters with no delivery event yet. */
function statusOf(key: string): MessageStatus {
  const h = hash(key) % 100;
  return h < 85 ? "delivered" : h < 90 ? "bounced" : h < 95 ? "sent" : h < 98 ? "skipped" : "complained";
}

/** Copy `k`'s correspondence: three waves in the quarter with a letter to each recipient, nine before it. */
function correspondence(k: number, recipients: Record<(typeof LETTERS)[number]["kind"], Contact[]>, now: string) {
  const waves: Wave[] = [];
  const messages: Message[] = [];
  const wave = (id: string, templateId: string, sendInstant: string): Wave => ({
    id,
    templateId,
    audience: "all-states",
    sendAt: sendInstant.slice(0, 16),
    timeZone: "UTC",
    sendInstant,
    notAfter: new Date(Date.parse(sendInstant) + 14 * 86_400_000).toISOString(),
    status: "completed",
    createdAt: now,
    updatedAt: now,
  });
  LETTERS.forEach(({ templateId, kind }, index) => {
    const sendInstant = new Date(Date.UTC(2025, 9 + index, 10 + (k % 15), 14, k % 60)).toISOString();
    const current = wave(`scale-c${k}-${kind}`, templateId, sendInstant);
    waves.push(current);
    for (const [position, contact] of recipients[kind].entries()) {
      const status = statusOf(`${current.id}:${contact.id}`);
      messages.push({
        waveId: current.id,
        recipient: contact.id,
        contactId: contact.id,
        owner: contact.owner,
        email: `c${k}.${contact.email}`,
        status,
        ...(status === "skipped" ? { skipReason: "suppressed" as const } : {}),
        notAfter: current.notAfter,
        claims: status === "skipped" ? 0 : 1,
        ...(status === "skipped" ? {} : { sentAt: new Date(Date.parse(sendInstant) + position * 1000).toISOString() }),
        createdAt: now,
        updatedAt: now,
      });
    }
    for (let quarter = 1; quarter <= 3; quarter++) {
      const earlier = new Date(Date.UTC(2025, 9 + index - 3 * quarter, 10 + (k % 15), 14)).toISOString();
      waves.push(wave(`scale-c${k}-${kind}-q${quarter}`, templateId, earlier));
    }
  });
  return { waves, messages };
}

/** A message as the ledger stores it: its key and its status index. */
const messageItem = (message: Message) => ({
  ...messageKey(message),
  gsi1pk: messageStatusPartition(message.waveId, message.status),
  gsi1sk: message.recipient,
  gsi2pk: ownerLettersPartition(message.owner),
  gsi2sk: `${message.createdAt}#${message.waveId}#${message.recipient}`,
  entity: "message",
  ...message,
});

/** The 1x data set before its correspondence, as the use cases stored it: every item of the desk table. */
export interface ScaleBase {
  items: readonly Record<string, unknown>[];
  /** States with an approved matrix. */
  matrices: number;
}

export interface ScaleLoad {
  factor: number;
  period: Period;
  /** Items written per entity (the 1x seeds and the copies). */
  items: Record<string, number>;
  /** What the next load may start from instead of running the use cases again. */
  base: ScaleBase;
}

/** The demo seeds, the matrices and the letters' templates, through the use cases; then every item read back. */
async function seedBase(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): Promise<ScaleBase> {
  const now = clock.now().toISOString();
  await seedRegistry(doc, tableNames, clock);
  await seedDemoSubmissions(doc, tableNames, clock);
  await seedDemoContacts(doc, tableNames, clock);
  await seedDemoAssistance(doc, tableNames, clock);
  const matrices = await seedMatrices(doc, tableNames);
  const templates = templateRepository(doc, tableNames, clock);
  const variant = { subject: "Letter", text: "Text", html: "<p>Text</p>" };
  for (const { templateId, kind } of LETTERS) {
    const template = { id: templateId, kind, fallbackLanguage: "en" as const, variants: { en: variant } };
    await templates.create({ ...template, createdAt: now, updatedAt: now }, audit);
  }
  return { items: await everyItem(doc, tableNames.desk), matrices };
}

/** Each letter's recipients: the active points of contact, all of them or some States'. */
async function recipientsOf(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock) {
  const contacts = contactRepository(doc, tableNames, clock);
  const pocs: Contact[] = [];
  for (const role of POC_ROLES) {
    let cursor: string | undefined;
    do {
      const page = await contacts.listContacts(
        { role, active: true },
        { limit: 1000, cursor },
        staleBefore(deskToday(clock)),
      );
      pocs.push(...page.items.map((contact) => contact.value));
      cursor = page.cursor;
    } while (cursor);
  }
  const nonReporting = new Set<string>(publicStatus.nonReportingStates.map((iso3) => `STATE:${iso3}`));
  return {
    "first-report-request": pocs.filter((contact) => nonReporting.has(contact.owner)),
    "resolution-2663-letter": pocs,
    "point-of-contact-update": pocs.filter((contact) => hash(contact.owner) % 3 === 0),
  };
}

/**
 * Loads `factor` times the demo data set into fresh tables (`factor` a whole number, 1 or more). Take the snapshot
 * of SCALE_PERIOD with a clock at SCALE_NOW. Without `base`, the 1x data set goes through the use cases (tens of
 * seconds); with the `base` of an earlier load, its items are written as they were stored, with BatchWriteItem.
 */
export async function loadSnapshotScale(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  factor: number,
  base?: ScaleBase,
): Promise<ScaleLoad> {
  if (!Number.isInteger(factor) || factor < 1)
    throw new RangeError(`factor must be a whole number >= 1, not ${factor}`);
  const clock = fixedClock(SCALE_NOW);
  const now = clock.now().toISOString();
  let seeded = base;
  if (seeded) await batchWrite(doc, tableNames.desk, seeded.items);
  else seeded = await seedBase(doc, tableNames, clock);
  const recipients = await recipientsOf(doc, tableNames, clock);

  const originals = seeded.items.filter((item) => COPIED.has(String(item.entity)));
  const items: Record<string, number> = { matrix: seeded.matrices };
  const count = (entity: string, n: number) => {
    items[entity] = (items[entity] ?? 0) + n;
  };
  for (const item of originals) count(String(item.entity), 1);

  // Copy 0 is the 1x correspondence; copies 1..N-1 add to everything. Waves go through their repository (a
  // dozen per copy); messages, by the thousand, as the ledger lays them out; all of it at once.
  const waves: Wave[] = [];
  const rows: Record<string, unknown>[] = [];
  for (let k = 0; k < factor; k++) {
    const letters = correspondence(k, recipients, now);
    const copies = k === 0 ? [] : copiesOf(originals, k, clock);
    waves.push(...letters.waves);
    rows.push(...copies, ...letters.messages.map(messageItem));
    for (const copy of copies) count(String(copy.entity), 1);
    count("wave", letters.waves.length);
    count("message", letters.messages.length);
  }
  const repository = waveRepository(doc, tableNames, clock);
  await Promise.all([
    eachLimited(waves, WRITE_CONCURRENCY, async (wave) => {
      await repository.create(wave, audit);
    }),
    batchWrite(doc, tableNames.desk, rows),
  ]);
  return { factor, period: SCALE_PERIOD, items, base: seeded };
}
