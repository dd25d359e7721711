// What a snapshot reads, through the other modules' repositories and key layouts: every read a Query on a key or an
// index, or a (Batch)Get by key, many at once; never a Scan, so POST /snapshots may run it as the schedule does.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { assistanceAudienceReads } from "../assistance/audience-reads.ts";
import { ALL_REQUESTS } from "../assistance/keys.ts";
import { listProviders } from "../assistance/offers.ts";
import { type AssistanceRequest, assistanceRequestSchema, type ProviderSummary } from "../assistance/schemas.ts";
import { type Clock, deskToday } from "../clock.ts";
import { eachLimited } from "../concurrency.ts";
import { POC_ROLES, staleBefore } from "../contacts/poc-coverage.ts";
import { contactRepository } from "../contacts/repository.ts";
import { type Contact, emailStatusSchema } from "../contacts/schemas.ts";
import { wavePartition } from "../correspondence/ledger.ts";
import { type MessageStatus, messageStatusSchema } from "../correspondence/schemas.ts";
import { type UnreachedReason, unreachedReasonSchema } from "../correspondence/unreached.ts";
import { BATCH_GET_KEYS, batchGetItems } from "../dynamo/batch-get.ts";
import { everyPage } from "../dynamo/every-page.ts";
import { type Page, type PageRequest, queryEveryPage } from "../dynamo/pagination.ts";
import { versionKey } from "../matrix/repository.ts";
import { type MatrixVersion, matrixVersionSchema } from "../matrix/schemas.ts";
import { dayOfMove } from "../matrix/workflow.ts";
import { registryRepository } from "../registry/repository.ts";
import type { State } from "../registry/schemas.ts";
import { obligationStatusPartition } from "../reporting/obligation-writes.ts";
import { reportingRepository } from "../reporting/repository.ts";
import { type Obligation, type ObligationKind, obligationSchema, type Submission } from "../reporting/schemas.ts";
import type { TableNames } from "../tables.ts";
import { templateRepository } from "../templates/repository.ts";
import type { Template } from "../templates/schemas.ts";
import { waveRepository } from "../waves/repository.ts";
import type { Wave } from "../waves/schemas.ts";
import type { ContactImage } from "./contacts-as-of.ts";
import { matrixHeadKey } from "./keys.ts";

/** Partitions read at once: enough to hide round trips, few enough not to throttle a table. */
const READ_CONCURRENCY = 16;
/** Items per Query page where every page is read anyway: fewer round trips (DynamoDB still stops at 1 MB). */
const PAGE_SIZE = 1000;

export type SubmissionFact = Pick<Submission, "iso3" | "kind" | "receivedOn">;

/** A ledger message without its letter: what the counts and response tracking need. */
export interface MessageFact {
  recipient: string;
  owner: string;
  status: MessageStatus;
  sentAt?: string | undefined;
}

/** An owner a wave could not reach at all (correspondence/unreached.ts), as the snapshot lists it. */
export interface UnreachedFact {
  owner: string;
  reason: UnreachedReason;
}

/** A version counts on a day if the Committee had approved it by then: the approval's date, or its New York day. */
const approvedBy = (version: MatrixVersion, lastDay: string) =>
  version.approved !== undefined && dayOfMove(version.approved) <= lastDay;

const allPages = <T>(list: (page: PageRequest) => Promise<Page<T>>) => everyPage(list, PAGE_SIZE);

/** `task` over every item, READ_CONCURRENCY at a time, results in the items' order. */
async function mapLimited<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  await eachLimited(
    items.map((item, index) => ({ item, index })),
    READ_CONCURRENCY,
    async ({ item, index }) => {
      results[index] = await task(item);
    },
  );
  return results;
}

/**
 * What a snapshot is computed from (ADR 0026: the interface is the contract; only the DynamoDB reader below, over the
 * stores' adapters, implements it so far).
 */
export interface SnapshotSource {
  memberStates(): Promise<State[]>;
  fulfilledObligations(kind: ObligationKind): Promise<Obligation[]>;
  submissionsOf(codes: readonly string[]): Promise<SubmissionFact[]>;
  pocContacts(): Promise<Contact[]>;
  contactImages(ids: readonly string[]): Promise<Map<string, ContactImage[]>>;
  approvedMatricesOn(codes: readonly string[], lastDay: string): Promise<MatrixVersion[]>;
  requestsReceivedBy(lastDay: string): Promise<AssistanceRequest[]>;
  providers(): Promise<ProviderSummary[]>;
  waves(): Promise<Wave[]>;
  templates(ids: readonly string[]): Promise<Template[]>;
  messagesOfWaves(ids: readonly string[]): Promise<Map<string, MessageFact[]>>;
  unreachedOfWaves(ids: readonly string[]): Promise<Map<string, UnreachedFact[]>>;
}

export function snapshotSource(doc: DynamoDBDocumentClient, tableNames: TableNames, clock: Clock): SnapshotSource {
  const table = tableNames.desk;
  const registry = registryRepository(doc, tableNames, clock);
  const reporting = reportingRepository(doc, tableNames, clock);
  const contacts = contactRepository(doc, tableNames, clock);
  // Offers only (the providers' figures): the two reads of the audiences, not the assistance writes (ADR 0014).
  const assistance = assistanceAudienceReads(doc, tableNames);
  const waves = waveRepository(doc, tableNames, clock);
  const templates = templateRepository(doc, tableNames, clock);

  /** Items by key, 100 keys per BatchGetItem, the batches at once; keys DynamoDB leaves unprocessed are asked again. */
  async function batchGet(keys: readonly Record<string, string>[]): Promise<Record<string, unknown>[]> {
    const batches: Record<string, string>[][] = [];
    for (let start = 0; start < keys.length; start += BATCH_GET_KEYS)
      batches.push(keys.slice(start, start + BATCH_GET_KEYS));
    const pages = await mapLimited(batches, (batch) => batchGetItems(doc, table, batch));
    return pages.flat();
  }

  /** Every message of the wave without its letter: one projected Query of the wave's partition. */
  async function messagesOf(waveId: string): Promise<MessageFact[]> {
    const items = await queryEveryPage(doc, {
      TableName: table,
      KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
      ExpressionAttributeValues: { ":pk": wavePartition(waveId), ":prefix": "MESSAGE#" },
      ExpressionAttributeNames: { "#recipient": "recipient", "#owner": "owner", "#status": "status" },
      ProjectionExpression: "#recipient, #owner, #status, sentAt",
    });
    return items.map((item) => ({
      recipient: String(item.recipient),
      owner: String(item.owner),
      status: messageStatusSchema.parse(item.status),
      sentAt: typeof item.sentAt === "string" ? item.sentAt : undefined,
    }));
  }

  return {
    /** Every Member State (the all-States index). */
    async memberStates(): Promise<State[]> {
      return (await allPages((page) => registry.listStates(page))).map((state) => state.value);
    },

    /** The obligations of a kind that some submission has fulfilled, with their dates (the obligation index). */
    async fulfilledObligations(kind: ObligationKind): Promise<Obligation[]> {
      const items = await queryEveryPage(doc, {
        TableName: table,
        IndexName: "gsi1",
        KeyConditionExpression: "gsi1pk = :partition",
        ExpressionAttributeValues: { ":partition": obligationStatusPartition(kind, "fulfilled") },
      });
      return items.map((item) => obligationSchema.parse(item));
    },

    /** The submissions of these States: one Query on each State's partition. */
    async submissionsOf(codes: readonly string[]): Promise<SubmissionFact[]> {
      const perState = await mapLimited(codes, (iso3) => allPages((page) => reporting.listSubmissions(iso3, page)));
      return perState.flat().map(({ value: { iso3, kind, receivedOn } }) => ({ iso3, kind, receivedOn }));
    },

    /** Every capital and mission point of contact, active or not (the by-role index). */
    async pocContacts(): Promise<Contact[]> {
      const cutoff = staleBefore(deskToday(clock));
      const perRole = await Promise.all(
        POC_ROLES.map((role) => allPages((page) => contacts.listContacts({ role }, page, cutoff))),
      );
      return perRole.flat().map((contact) => contact.value);
    },

    /**
     * The audited images of these contacts (every write of one contact is audited with its after image, ADR 0005):
     * when each was written, with the verification and e-mail status it recorded. One Query per contact's trail.
     */
    async contactImages(ids: readonly string[]): Promise<Map<string, ContactImage[]>> {
      const trails = await mapLimited(ids, (id) =>
        queryEveryPage(doc, {
          TableName: tableNames.audit,
          KeyConditionExpression: "pk = :pk",
          ExpressionAttributeValues: { ":pk": `contact#${id}` },
          ExpressionAttributeNames: {
            "#at": "at",
            "#after": "after",
            "#verified": "lastVerifiedOn",
            "#email": "emailStatus",
          },
          ProjectionExpression: "#at, #after.#verified, #after.#email",
        }),
      );
      return new Map(
        ids.map((id, index) => [
          id,
          (trails[index] ?? []).flatMap((item) => {
            const after = (item.after ?? {}) as Record<string, unknown>;
            const status = emailStatusSchema.safeParse(after.emailStatus);
            return typeof item.at === "string"
              ? [
                  {
                    at: item.at,
                    lastVerifiedOn: typeof after.lastVerifiedOn === "string" ? after.lastVerifiedOn : undefined,
                    emailStatus: status.success ? status.data : undefined,
                  },
                ]
              : [];
          }),
        ]),
      );
    },

    /**
     * Each State's matrix as approved on the last day of the period (New York): the latest approved version, or,
     * while that was approved after the day, the approved version it was drafted from, and so on back. Heads and
     * versions are read by BatchGetItem, a round of keys at a time.
     */
    async approvedMatricesOn(codes: readonly string[], lastDay: string): Promise<MatrixVersion[]> {
      const heads = await batchGet(codes.map(matrixHeadKey));
      let wanted = heads.flatMap((head) =>
        typeof head.approvedVersion === "number" ? [{ iso3: String(head.iso3), version: head.approvedVersion }] : [],
      );
      const found: MatrixVersion[] = [];
      while (wanted.length) {
        const versions = (await batchGet(wanted.map(({ iso3, version }) => versionKey(iso3, version)))).map((item) =>
          matrixVersionSchema.parse(item),
        );
        found.push(...versions.filter((version) => approvedBy(version, lastDay)));
        // Each step goes to an earlier version, so the walk ends.
        wanted = versions.flatMap((version) =>
          !approvedBy(version, lastDay) && version.basedOn !== undefined && version.basedOn < version.version
            ? [{ iso3: version.iso3, version: version.basedOn }]
            : [],
        );
      }
      return found;
    },

    /** Every assistance request received by the end of `lastDay`, whatever its status now (the all-requests index). */
    async requestsReceivedBy(lastDay: string): Promise<AssistanceRequest[]> {
      const items = await queryEveryPage(doc, {
        TableName: table,
        IndexName: "gsi3",
        // Sorted by `<receivedOn>#<id>`: every key of that day sorts before the next character after `#`.
        KeyConditionExpression: "gsi3pk = :partition AND gsi3sk < :after",
        ExpressionAttributeValues: { ":partition": ALL_REQUESTS, ":after": `${lastDay}$` },
      });
      return items.map((item) => assistanceRequestSchema.parse(item));
    },

    /** Every assistance provider with its offers summed up, staleness judged on the clock's day. */
    providers(): Promise<ProviderSummary[]> {
      return listProviders({ assistance, registry, clock })();
    },

    /** Every wave (the all-waves index). */
    async waves(): Promise<Wave[]> {
      return (await allPages((page) => waves.list(page))).map((wave) => wave.value);
    },

    /** The templates by id; an id with no template is left out. */
    async templates(ids: readonly string[]): Promise<Template[]> {
      const found = await mapLimited([...new Set(ids)], (id) => templates.get(id));
      return found.flatMap((template) => (template ? [template.value] : []));
    },

    /** The messages of many waves, a few waves at a time. */
    async messagesOfWaves(ids: readonly string[]): Promise<Map<string, MessageFact[]>> {
      return new Map(await mapLimited(ids, async (id) => [id, await messagesOf(id)] as const));
    },

    /** The owners each wave could not reach: one projected Query of each wave's partition. */
    async unreachedOfWaves(ids: readonly string[]): Promise<Map<string, UnreachedFact[]>> {
      return new Map(
        await mapLimited(ids, async (id) => {
          const items = await queryEveryPage(doc, {
            TableName: table,
            KeyConditionExpression: "pk = :pk AND begins_with(sk, :prefix)",
            ExpressionAttributeValues: { ":pk": wavePartition(id), ":prefix": "UNREACHED#" },
            ExpressionAttributeNames: { "#owner": "owner", "#reason": "reason" },
            ProjectionExpression: "#owner, #reason",
          });
          const facts = items.map((item) => ({
            owner: String(item.owner),
            reason: unreachedReasonSchema.parse(item.reason),
          }));
          return [id, facts] as const;
        }),
      );
    },
  };
}
