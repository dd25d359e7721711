// DynamoDB access for the assistance mechanism: requests, offers, matches, feedback and reports (layout: keys.ts).
// Reads by id are strongly consistent Gets or partition Queries; lists are Queries on an index; never a Scan.
// Writes are built as guarded transaction items, so a use case composes one transaction with its audit entries.
import { type DynamoDBDocumentClient, GetCommand, type QueryCommandInput } from "@aws-sdk/lib-dynamodb";
import { type AuditInput, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { batchGetItems } from "../dynamo/batch-get.ts";
import { itemBytes, MAX_ITEM_BYTES } from "../dynamo/item-size.ts";
import { type Page, type PageRequest, queryEveryPage, queryPage } from "../dynamo/pagination.ts";
import { type GuardedWrite, writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { actingForOrganization } from "../organizations/acting-writes.ts";
import { obligationUpdate } from "../reporting/obligation-writes.ts";
import type { Obligation } from "../reporting/schemas.ts";
import { requestOffSymbol, requestUnderSymbol } from "../reporting/symbol-guard.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import {
  type AssistanceAudienceReads,
  assistanceAudienceReads,
  onIndex as onDeskIndex,
  toOffer,
  toRequest,
  versioned,
} from "./audience-reads.ts";
import { feedbackChangedMeanwhile, feedbackRepeated, feedbackStale, sameFeedback } from "./feedback-content.ts";
import { feedbackLinkRefused } from "./feedback-document.ts";
import {
  ALL_OFFERS,
  ALL_REPORTS,
  ALL_REQUESTS,
  FEEDBACK_PREFIX,
  feedbackContentKey,
  feedbackKey,
  MATCH_PREFIX,
  matchKey,
  matchPairKey,
  matchPointerKey,
  offerContentKey,
  offerIndexKeys,
  offerKey,
  offerProviderPartition,
  reportIndexKeys,
  reportKey,
  requestIndexKeys,
  requestKey,
  requestPartition,
  requestStatePartition,
  requestStatusPartition,
  requestSymbolKey,
} from "./keys.ts";
import { offerRepeated, sameOffer } from "./offer-content.ts";
import {
  type AssistanceFeedback,
  type AssistanceMatch,
  type AssistanceOffer,
  type AssistanceReport,
  type AssistanceReportSummary,
  type AssistanceRequest,
  assistanceFeedbackSchema,
  assistanceMatchSchema,
  assistanceReportSchema,
  assistanceReportSummarySchema,
  type FeedbackDocumentRef,
  type Provider,
  providerKey,
  type RequestStatus,
} from "./schemas.ts";

/** A request with everything kept in its partition. */
export interface RequestFile {
  request: Versioned<AssistanceRequest>;
  matches: Versioned<AssistanceMatch>[];
  /** Each at its version: one more at each correction, link, unlink and void (ADR 0072). */
  feedback: Versioned<AssistanceFeedback>[];
}

export interface ListRequestsQuery extends PageRequest {
  status?: RequestStatus | undefined;
  iso3?: string | undefined;
}

export interface ListOffersQuery extends PageRequest {
  provider?: Provider | undefined;
}

/** Another run holds the report's mail, or it was sent already. */
export type MailClaim = "claimed" | "taken";

const toMatch = versioned((raw) => assistanceMatchSchema.parse(raw));
/** Feedback still at `version`, as read: feedback from before it had versions holds none and is at its first. */
const feedbackAt = (version: number) =>
  `attribute_exists(pk) AND ${version === 1 ? "(version = :version OR attribute_not_exists(version))" : "version = :version"}`;
const toFeedback = (raw: Record<string, unknown>): Versioned<AssistanceFeedback> => ({
  value: assistanceFeedbackSchema.parse(raw),
  version: Number(raw.version ?? 1),
});

const requestItem = (request: AssistanceRequest, version: number) => ({
  ...requestKey(request.id),
  ...requestIndexKeys(request),
  entity: "assistance-request",
  version,
  ...request,
});

const offerItem = (offer: AssistanceOffer, version: number) => ({
  ...offerKey(offer.id),
  ...offerIndexKeys(offer.id, providerKey(offer.provider)),
  entity: "assistance-offer",
  version,
  ...offer,
});

const matchItem = (match: AssistanceMatch, version: number) => ({
  ...matchKey(match.requestId, match.id),
  entity: "assistance-match",
  version,
  ...match,
});

// Every report attribute but its rows, for the list.
const reportSummaryAttributes = Object.keys(assistanceReportSummarySchema.shape);

/**
 * One part of an assistance write, as data: a use case composes several with their audit entries and hands them to
 * `write`, which carries them out all or nothing, each with its condition and the domain error of its refusal.
 */
export type AssistanceChange =
  /** A new request and the guard of its symbol (Conflict naming the request that holds it). */
  | { kind: "new-request"; request: AssistanceRequest }
  /** The request at `expectedVersion` replaced (PreconditionFailed naming the current ETag, NotFound when absent). */
  | { kind: "replace-request"; next: AssistanceRequest; expectedVersion: number }
  /**
   * A correction of the request at `expectedVersion` (`before`, as read): replaced as `replace-request` is, and a new
   * symbol's guards taken (Conflict, DocumentRecorded) and the old ones let go; a new day said on the symbol's guard.
   */
  | { kind: "correct-request"; next: AssistanceRequest; expectedVersion: number; before: AssistanceRequest }
  /** Holds the write unless the request is (still) in `status` (Conflict). */
  | { kind: "request-is-in"; id: string; status: RequestStatus }
  /** Holds the write unless the request is still at `version`: its status decided what the write does (Conflict). */
  | { kind: "request-is-at"; id: string; version: number }
  /** The offer and the guard of its content (`offerRepeated` naming the offer that holds it). */
  | { kind: "new-offer"; offer: AssistanceOffer }
  /**
   * The offer at `expectedVersion` replaced; `before` is the offer as read at that version. A changed content moves
   * the guard: the new one taken (`offerRepeated` when another offer holds it), the old one let go.
   */
  | { kind: "replace-offer"; next: AssistanceOffer; expectedVersion: number; before: AssistanceOffer }
  /** The match and the guard allowing one match per request and offer (Conflict naming the match that holds it). */
  | { kind: "new-match"; match: AssistanceMatch }
  | { kind: "replace-match"; next: AssistanceMatch; expectedVersion: number }
  | { kind: "new-feedback"; feedback: AssistanceFeedback }
  /**
   * Feedback corrected (its text, its day; ADR 0071) or voided (ADR 0073) at `expectedVersion` (PreconditionFailed
   * otherwise, ADR 0072); `before` is the feedback as read at that version. Refused when another feedback of the
   * request says what it now says (`feedbackRepeated`); the guard of its content moves with it, or is let go when it is
   * voided.
   */
  | { kind: "replace-feedback"; next: AssistanceFeedback; expectedVersion: number; before: AssistanceFeedback }
  /**
   * The document feedback names, linked afterwards or unlinked (ADR 0070): from `before`, as read at `version` (none,
   * or that one), to `after`, at the next version. Refused (`feedbackLinkRefused`) when the feedback names another by
   * then, or none where one was read; `feedbackChangedMeanwhile` when it was corrected since; NotFound when it is not
   * the request's.
   */
  | {
      kind: "feedback-document";
      feedback: Pick<AssistanceFeedback, "id" | "requestId" | "receivedOn">;
      version: number;
      before: FeedbackDocumentRef | undefined;
      after: FeedbackDocumentRef | undefined;
    }
  /**
   * The requesting State's `assistance-feedback` obligation after feedback from it, as the reporting store keeps
   * obligations; the count read is checked (ObligationChanged).
   */
  | { kind: "feedback-obligation"; before: Obligation; after: Obligation }
  /** A report is written once: a second writer for the same period is refused with `ReportExists`. */
  | { kind: "new-report"; report: AssistanceReport }
  | { kind: "audit"; entry: AuditInput };

/**
 * What a request's correction moves on the guards, for both adapters: to another symbol (case aside), and whether the
 * symbol's guard must say the request again (a new symbol or a new day).
 */
export function correctionMoves({ next, before }: { next: AssistanceRequest; before: AssistanceRequest }) {
  const symbolMoved = next.symbol.toUpperCase() !== before.symbol.toUpperCase();
  return { symbolMoved, guardSaysAgain: symbolMoved || next.receivedOn !== before.receivedOn };
}

/** The changes' constructors, shared by both adapters so that use cases read the same whichever store they get. */
export const assistanceChanges = {
  newRequest: (request: AssistanceRequest): AssistanceChange[] => [{ kind: "new-request", request }],
  replaceRequest: (next: AssistanceRequest, expectedVersion: number): AssistanceChange => ({
    kind: "replace-request",
    next,
    expectedVersion,
  }),
  correctRequest: (next: AssistanceRequest, expectedVersion: number, before: AssistanceRequest): AssistanceChange => ({
    kind: "correct-request",
    next,
    expectedVersion,
    before,
  }),
  requestIsIn: (id: string, status: RequestStatus): AssistanceChange => ({ kind: "request-is-in", id, status }),
  requestIsAt: (id: string, version: number): AssistanceChange => ({ kind: "request-is-at", id, version }),
  newOffer: (offer: AssistanceOffer): AssistanceChange => ({ kind: "new-offer", offer }),
  replaceOffer: (next: AssistanceOffer, expectedVersion: number, before: AssistanceOffer): AssistanceChange => ({
    kind: "replace-offer",
    next,
    expectedVersion,
    before,
  }),
  newMatch: (match: AssistanceMatch): AssistanceChange[] => [{ kind: "new-match", match }],
  replaceMatch: (next: AssistanceMatch, expectedVersion: number): AssistanceChange => ({
    kind: "replace-match",
    next,
    expectedVersion,
  }),
  newFeedback: (feedback: AssistanceFeedback): AssistanceChange => ({ kind: "new-feedback", feedback }),
  replaceFeedback: (
    next: AssistanceFeedback,
    expectedVersion: number,
    before: AssistanceFeedback,
  ): AssistanceChange => ({
    kind: "replace-feedback",
    next,
    expectedVersion,
    before,
  }),
  linkFeedback: ({ value: feedback, version }: Versioned<AssistanceFeedback>, document: FeedbackDocumentRef) =>
    ({ kind: "feedback-document", feedback, version, before: undefined, after: document }) satisfies AssistanceChange,
  unlinkFeedback: ({ value: feedback, version }: Versioned<AssistanceFeedback>, document: FeedbackDocumentRef) =>
    ({ kind: "feedback-document", feedback, version, before: document, after: undefined }) satisfies AssistanceChange,
  updateFeedbackObligation: (before: Obligation, after: Obligation): AssistanceChange => ({
    kind: "feedback-obligation",
    before,
    after,
  }),
  newReport: (report: AssistanceReport): AssistanceChange => ({ kind: "new-report", report }),
  audit: (entry: AuditInput): AssistanceChange => ({ kind: "audit", entry }),
};

/**
 * The organizations a write acts for (acting-writes.ts): the providers of the offers it records or changes and of the
 * matches it proposes, each once (a transaction touches an item once; the demo seed records several offers of one
 * provider together). A proposal thus fails once its provider is retired, even one retired after its reading.
 */
export function organizationsActedFor(changes: readonly AssistanceChange[]): string[] {
  const providers = changes.flatMap((change) => {
    const provider =
      change.kind === "new-offer"
        ? change.offer.provider
        : change.kind === "replace-offer"
          ? change.next.provider
          : change.kind === "new-match"
            ? change.match.provider
            : undefined;
    return provider?.kind === "organization" ? [provider.id] : [];
  });
  return [...new Set(providers)];
}

/**
 * The assistance store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the
 * unit tests (test/support/in-memory/assistance.ts) both pass test/contracts/assistance.contract.ts.
 */
export interface AssistanceRepository extends AssistanceAudienceReads {
  /**
   * Carries out the changes all or nothing; the first refused one's domain error is thrown and nothing is kept. An
   * offer's write also touches its organization provider's item: OrganizationRetired once it is retired.
   */
  write(changes: AssistanceChange[]): Promise<void>;
  newRequest(request: AssistanceRequest): AssistanceChange[];
  replaceRequest(next: AssistanceRequest, expectedVersion: number): AssistanceChange;
  correctRequest(next: AssistanceRequest, expectedVersion: number, before: AssistanceRequest): AssistanceChange;
  requestIsIn(id: string, status: RequestStatus): AssistanceChange;
  requestIsAt(id: string, version: number): AssistanceChange;
  newOffer(offer: AssistanceOffer): AssistanceChange;
  replaceOffer(next: AssistanceOffer, expectedVersion: number, before: AssistanceOffer): AssistanceChange;
  newMatch(match: AssistanceMatch): AssistanceChange[];
  replaceMatch(next: AssistanceMatch, expectedVersion: number): AssistanceChange;
  newFeedback(feedback: AssistanceFeedback): AssistanceChange;
  replaceFeedback(next: AssistanceFeedback, expectedVersion: number, before: AssistanceFeedback): AssistanceChange;
  linkFeedback(feedback: Versioned<AssistanceFeedback>, document: FeedbackDocumentRef): AssistanceChange;
  unlinkFeedback(feedback: Versioned<AssistanceFeedback>, document: FeedbackDocumentRef): AssistanceChange;
  updateFeedbackObligation(before: Obligation, after: Obligation): AssistanceChange;
  newReport(report: AssistanceReport): AssistanceChange;
  audit(entry: AuditInput): AssistanceChange;

  getRequest(id: string): Promise<Versioned<AssistanceRequest> | undefined>;
  /** The request, its matches (in id order) and its feedback, read together. */
  requestFile(id: string): Promise<RequestFile | undefined>;
  /** By State (narrowed to a status), by status, or all; in the order received (day, then id). Paged. */
  listRequests(query: ListRequestsQuery): Promise<Page<Versioned<AssistanceRequest>>>;
  getOffer(id: string): Promise<Versioned<AssistanceOffer> | undefined>;
  /** The offers of these ids, by id, read together (the offers a request's matches name); unknown ids left out. */
  offersById(ids: readonly string[]): Promise<Map<string, AssistanceOffer>>;
  /** The ids among these that name an offer already (a seed adding only what is missing reads them at once). */
  existingOfferIds(ids: string[]): Promise<Set<string>>;
  /** All offers or one provider's, in id order. Paged. */
  listOffers(query: ListOffersQuery): Promise<Page<Versioned<AssistanceOffer>>>;
  getMatch(id: string): Promise<Versioned<AssistanceMatch> | undefined>;
  getReport(id: string): Promise<AssistanceReport | undefined>;
  /** Reports by id, oldest first, without their rows. */
  listReports(page: PageRequest): Promise<Page<AssistanceReportSummary>>;
  /**
   * Takes the report's e-mail for this run: from `pending`, or from a `sending` claim older than `staleBefore`;
   * `taken` when another run holds it or it was sent. Audited with `entry` when claimed.
   */
  claimReportMail(id: string, now: string, staleBefore: string, entry: AuditInput): Promise<MailClaim>;
  /** Records the sent e-mail; only the run that holds the claim (`claimedAt`) may (MailTaken otherwise). */
  markReportMailSent(
    id: string,
    claimedAt: string,
    messageId: string,
    sentAt: string,
    entry: AuditInput,
  ): Promise<void>;
  /** Gives the claim back after a failed send; nothing happens when another run took it over. */
  releaseReportMail(id: string, claimedAt: string, entry: AuditInput): Promise<void>;
}

export function assistanceRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): AssistanceRepository {
  const table = tableNames.desk;

  /** Every page of a Query, for the few reads that need all of a partition (a request's file, all offers). */
  const queryAll = (input: QueryCommandInput) => queryEveryPage(doc, input);

  const onIndex = (index: string, partition: string) => onDeskIndex(table, index, partition);
  const audienceReads = assistanceAudienceReads(doc, tableNames);

  function newItem(Item: Record<string, unknown>, onConditionFailed?: GuardedWrite["onConditionFailed"]): GuardedWrite {
    return {
      item: { Put: { TableName: table, Item, ConditionExpression: "attribute_not_exists(pk)" } },
      ...(onConditionFailed ? { onConditionFailed } : {}),
    };
  }

  function replaceItem(
    Item: Record<string, unknown>,
    expectedVersion: number,
    entity: string,
    id: string,
  ): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item,
          ConditionExpression: "version = :expected",
          ExpressionAttributeValues: { ":expected": expectedVersion },
        },
      },
      onConditionFailed: (stored) =>
        stored
          ? new PreconditionFailed(`${entity} ${id}`, Number(stored.version), expectedVersion)
          : new NotFound(entity, id),
    };
  }

  async function getItem(Key: Record<string, string>) {
    const result = await doc.send(new GetCommand({ TableName: table, Key, ConsistentRead: true }));
    return result.Item;
  }

  /**
   * The offer items of these ids (each once), whole or only the attributes `projection` names: consistent batch reads
   * of 100 keys, asking again for what DynamoDB left unprocessed.
   */
  async function offerItems(ids: readonly string[], projection?: string): Promise<Record<string, unknown>[]> {
    return batchGetItems(doc, table, [...new Set(ids)].map(offerKey), {
      consistent: true,
      ...(projection ? { projection } : {}),
    });
  }

  /** The guard keeping a symbol to one request (case aside): Conflict naming the request that holds it. */
  function requestSymbolGuard(request: AssistanceRequest): GuardedWrite {
    return newItem(
      { ...requestSymbolKey(request.symbol), entity: "assistance-symbol", symbol: request.symbol, id: request.id },
      (stored) => new Conflict(`The request ${request.symbol} is already recorded`, { requestId: stored?.id ?? null }),
    );
  }

  function auditWrite(input: AuditInput): GuardedWrite {
    return { item: auditPut(tableNames.audit, input, clock) };
  }

  /** Moves the report's e-mail status; a failed condition means another run holds it (or it was sent). */
  function mailUpdate(id: string, update: string, condition: string, values: Record<string, string>): GuardedWrite {
    const names: Record<string, string> = { "#mail": "mail" };
    for (const name of ["status", "claimedAt", "messageId", "sentAt"]) {
      if (`${update} ${condition}`.includes(`#${name}`)) names[`#${name}`] = name;
    }
    return {
      item: {
        Update: {
          TableName: table,
          Key: reportKey(id),
          UpdateExpression: update,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      onConditionFailed: () => new MailTaken(id),
    };
  }

  /** The DynamoDB items of one change, each with the condition that carries its rule. */
  function guardedWrites(change: AssistanceChange): GuardedWrite[] {
    switch (change.kind) {
      case "new-request": {
        const { request } = change;
        return [newItem(requestItem(request, 1)), requestSymbolGuard(request), requestUnderSymbol(table, request)];
      }
      case "correct-request": {
        const { next, expectedVersion, before } = change;
        const writes = [
          replaceItem(requestItem(next, expectedVersion + 1), expectedVersion, "Assistance request", next.id),
        ];
        const { symbolMoved, guardSaysAgain } = correctionMoves(change);
        if (symbolMoved) {
          writes.push(
            requestSymbolGuard(next),
            {
              item: {
                Delete: {
                  TableName: table,
                  Key: requestSymbolKey(before.symbol),
                  ConditionExpression: "id = :id",
                  ExpressionAttributeValues: { ":id": before.id },
                },
              },
            },
            requestOffSymbol(table, before),
          );
        }
        if (guardSaysAgain) writes.push(requestUnderSymbol(table, next));
        return writes;
      }
      case "replace-request":
        return [
          replaceItem(
            requestItem(change.next, change.expectedVersion + 1),
            change.expectedVersion,
            "Assistance request",
            change.next.id,
          ),
        ];
      case "request-is-in":
        return [
          {
            item: {
              ConditionCheck: {
                TableName: table,
                Key: requestKey(change.id),
                ConditionExpression: "#status = :status",
                ExpressionAttributeNames: { "#status": "status" },
                ExpressionAttributeValues: { ":status": change.status },
              },
            },
            onConditionFailed: () => new Conflict(`Assistance request ${change.id} is no longer ${change.status}`),
          },
        ];
      case "request-is-at":
        return [
          {
            item: {
              ConditionCheck: {
                TableName: table,
                Key: requestKey(change.id),
                ConditionExpression: "version = :version",
                ExpressionAttributeValues: { ":version": change.version },
              },
            },
            onConditionFailed: () =>
              new Conflict(`Assistance request ${change.id} changed while this was written; send it again`),
          },
        ];
      case "new-offer":
        return [
          newItem(offerItem(change.offer, 1), () => new Conflict(`Offer ${change.offer.id} exists already`)),
          offerContentGuard(change.offer, "create"),
        ];
      case "replace-offer": {
        const { next, expectedVersion, before } = change;
        const replaced = replaceItem(offerItem(next, expectedVersion + 1), expectedVersion, "Offer", next.id);
        if (sameOffer(next, before)) return [replaced];
        // Let go without a condition: an offer recorded before the guards holds none, and no other offer can hold
        // what this one says, since the use case refuses a second offer saying it (a store from before the guards
        // that held one anyway would lose only that guard, not the reading that refuses a repeat).
        const release: GuardedWrite = { item: { Delete: { TableName: table, Key: offerContentKey(before) } } };
        return [replaced, offerContentGuard(next, "update"), release];
      }
      case "new-match": {
        const { match } = change;
        return [
          newItem(matchItem(match, 1)),
          newItem({ ...matchPointerKey(match.id), entity: "assistance-match-pointer", requestId: match.requestId }),
          newItem(
            { ...matchPairKey(match.requestId, match.offerId), entity: "assistance-match-pair", matchId: match.id },
            (stored) =>
              new Conflict(`Offer ${match.offerId} is already matched to request ${match.requestId}`, {
                matchId: stored?.matchId ?? null,
              }),
          ),
        ];
      }
      case "replace-match":
        return [
          replaceItem(
            matchItem(change.next, change.expectedVersion + 1),
            change.expectedVersion,
            "Match",
            change.next.id,
          ),
        ];
      case "new-feedback": {
        const { feedback } = change;
        return [
          newItem(
            { ...feedbackKey(feedback.requestId, feedback.id), entity: "assistance-feedback", version: 1, ...feedback },
            () => new Conflict(`Feedback ${feedback.id} exists already`),
          ),
          feedbackContentGuard(feedback),
        ];
      }
      case "replace-feedback": {
        const { next, expectedVersion, before } = change;
        const corrected: GuardedWrite = {
          item: {
            Put: {
              TableName: table,
              Item: {
                ...feedbackKey(next.requestId, next.id),
                entity: "assistance-feedback",
                version: expectedVersion + 1,
                ...next,
              },
              ConditionExpression: feedbackAt(expectedVersion),
              ExpressionAttributeValues: { ":version": expectedVersion },
            },
          },
          onConditionFailed: (current) =>
            current
              ? feedbackStale(before, Number(current.version ?? 1), expectedVersion)
              : new NotFound("Feedback", next.id),
        };
        // The old guard let go without a condition, as an offer's is: feedback recorded before the guards holds none.
        const release: GuardedWrite = {
          item: { Delete: { TableName: table, Key: feedbackContentKey(before.requestId, before) } },
        };
        // Voided, it holds no words (ADR 0073): it lets go of its guard once, when it is voided, and never takes one.
        if (next.voided) return before.voided ? [corrected] : [corrected, release];
        if (sameFeedback(next, before)) return [corrected];
        return [corrected, feedbackContentGuard(next), release];
      }
      case "feedback-document": {
        const { feedback, version, before, after } = change;
        return [
          {
            item: {
              Update: {
                TableName: table,
                Key: feedbackKey(feedback.requestId, feedback.id),
                UpdateExpression: after
                  ? "SET #document = :after, version = :next"
                  : "SET version = :next REMOVE #document",
                ConditionExpression: `${feedbackAt(version)} AND ${
                  before ? "#document.submissionId = :before" : "attribute_not_exists(#document)"
                }`,
                ExpressionAttributeNames: { "#document": "document" },
                ExpressionAttributeValues: {
                  ":version": version,
                  ":next": version + 1,
                  ...(after ? { ":after": after } : {}),
                  ...(before ? { ":before": before.submissionId } : {}),
                },
              },
            },
            onConditionFailed: (current) => {
              if (!current) return new NotFound("Feedback", feedback.id);
              const held = assistanceFeedbackSchema.safeParse(current).data?.document;
              return held?.submissionId === before?.submissionId
                ? feedbackChangedMeanwhile(feedback)
                : feedbackLinkRefused(feedback, before, held?.symbol);
            },
          },
        ];
      }
      case "feedback-obligation":
        // Laid out as the reporting repository keeps obligations: the count is the obligation's version.
        return [obligationUpdate(table, change.before, change.after)];
      case "new-report":
        return [reportWrite(change.report)];
      case "audit":
        return [auditWrite(change.entry)];
    }
  }

  /** The guard of what `feedback` says, taken by it unless another feedback of the request holds it already. */
  function feedbackContentGuard(feedback: AssistanceFeedback): GuardedWrite {
    return newItem(
      {
        ...feedbackContentKey(feedback.requestId, feedback),
        entity: "assistance-feedback-content",
        feedbackId: feedback.id,
      },
      (stored) => feedbackRepeated(String(stored?.feedbackId), feedback),
    );
  }

  /** The guard of what `offer` says, taken by it unless another offer holds it already. */
  function offerContentGuard(offer: AssistanceOffer, write: "create" | "update"): GuardedWrite {
    return {
      item: {
        Put: {
          TableName: table,
          Item: { ...offerContentKey(offer), entity: "assistance-offer-content", offerId: offer.id },
          ConditionExpression: "attribute_not_exists(pk) OR offerId = :id",
          ExpressionAttributeValues: { ":id": offer.id },
        },
      },
      // The offer holding the guard says what this one says (the guard is that content).
      onConditionFailed: (stored) => offerRepeated(String(stored?.offerId), offer, write),
    };
  }

  function reportWrite(report: AssistanceReport): GuardedWrite {
    const item = { ...reportKey(report.id), ...reportIndexKeys(report.id), entity: "assistance-report", ...report };
    const bytes = itemBytes(item);
    if (bytes > MAX_ITEM_BYTES) {
      throw new Invalid(
        `Report ${report.id} would take about ${bytes} bytes, more than one item may hold (${MAX_ITEM_BYTES}); ` +
          `it lists ${report.requests.length} pending requests`,
      );
    }
    return newItem(item, () => new ReportExists(report.id));
  }

  /** The changes' items, then the item of each organization an offer acts for (refused once it is retired). */
  function write(changes: AssistanceChange[]): Promise<void> {
    const acting = organizationsActedFor(changes).map((id) => actingForOrganization(table, id));
    return writeTransaction(doc, [...changes.flatMap(guardedWrites), ...acting]);
  }

  return {
    ...assistanceChanges,
    write,

    // ---- requests ----

    async getRequest(id: string): Promise<Versioned<AssistanceRequest> | undefined> {
      const item = await getItem(requestKey(id));
      return item ? toRequest(item) : undefined;
    },

    /** The request, its matches and its feedback: one consistent Query of its partition. */
    async requestFile(id: string): Promise<RequestFile | undefined> {
      const items = await queryAll({
        TableName: table,
        KeyConditionExpression: "pk = :pk",
        ExpressionAttributeValues: { ":pk": requestPartition(id) },
        ConsistentRead: true,
      });
      const head = items.find((item) => item.sk === "REQUEST");
      if (!head) return undefined;
      const sk = (item: Record<string, unknown>) => String(item.sk);
      return {
        request: toRequest(head),
        matches: items.filter((item) => sk(item).startsWith(MATCH_PREFIX)).map(toMatch),
        feedback: items.filter((item) => sk(item).startsWith(FEEDBACK_PREFIX)).map(toFeedback),
      };
    },

    /**
     * By status through gsi1, by State through gsi2 (narrowed to a status by a filter on that Query: a State has
     * few requests), otherwise all through gsi3; always in the order received. Never a Scan.
     */
    listRequests({ status, iso3, limit, cursor }: ListRequestsQuery): Promise<Page<Versioned<AssistanceRequest>>> {
      const [index, partition] = iso3
        ? ["gsi2", requestStatePartition(iso3)]
        : status
          ? ["gsi1", requestStatusPartition(status)]
          : ["gsi3", ALL_REQUESTS];
      const filtered = Boolean(iso3 && status);
      const input = onIndex(index, partition);
      return queryPage(
        doc,
        filtered
          ? {
              ...input,
              FilterExpression: "#status = :status",
              ExpressionAttributeNames: { "#status": "status" },
              ExpressionAttributeValues: { ...input.ExpressionAttributeValues, ":status": status },
            }
          : input,
        { limit, cursor, scope: `assistance-requests:${partition}:${filtered ? status : ""}` },
        toRequest,
      );
    },

    pendingRequests: audienceReads.pendingRequests,

    // ---- offers ----

    async getOffer(id: string): Promise<Versioned<AssistanceOffer> | undefined> {
      const item = await getItem(offerKey(id));
      return item ? toOffer(item) : undefined;
    },

    async offersById(ids: readonly string[]): Promise<Map<string, AssistanceOffer>> {
      const items = await offerItems(ids);
      return new Map(items.map((item) => toOffer(item).value).map((offer) => [offer.id, offer]));
    },

    async existingOfferIds(ids: string[]): Promise<Set<string>> {
      return new Set((await offerItems(ids, "id")).map((item) => String(item.id)));
    },

    listOffers({ provider, limit, cursor }: ListOffersQuery): Promise<Page<Versioned<AssistanceOffer>>> {
      const input = provider
        ? onIndex("gsi2", offerProviderPartition(providerKey(provider)))
        : onIndex("gsi1", ALL_OFFERS);
      const partition = String(input.ExpressionAttributeValues?.[":partition"]);
      return queryPage(doc, input, { limit, cursor, scope: `assistance-offers:${partition}` }, toOffer);
    },

    allOffers: audienceReads.allOffers,

    // ---- matches ----

    async getMatch(id: string): Promise<Versioned<AssistanceMatch> | undefined> {
      const pointer = await getItem(matchPointerKey(id));
      if (typeof pointer?.requestId !== "string") return undefined;
      const item = await getItem(matchKey(pointer.requestId, id));
      return item ? toMatch(item) : undefined;
    },

    // ---- reports ----

    async getReport(id: string): Promise<AssistanceReport | undefined> {
      const item = await getItem(reportKey(id));
      return item ? assistanceReportSchema.parse(item) : undefined;
    },

    /** Reports by id, oldest first, without their rows. */
    listReports(page: PageRequest): Promise<Page<AssistanceReportSummary>> {
      const names = Object.fromEntries(reportSummaryAttributes.map((name, index) => [`#a${index}`, name]));
      return queryPage(
        doc,
        {
          ...onIndex("gsi1", ALL_REPORTS),
          ExpressionAttributeNames: names,
          ProjectionExpression: Object.keys(names).join(", "),
        },
        { ...page, scope: "assistance-reports" },
        (raw) => assistanceReportSummarySchema.parse(raw),
      );
    },

    /**
     * Takes the report's e-mail for this run: from `pending`, or from a `sending` claim older than `staleBefore`
     * (its run died before it could finish). Returns `taken` when another run holds it or it was sent.
     */
    async claimReportMail(id: string, now: string, staleBefore: string, entry: AuditInput): Promise<MailClaim> {
      try {
        await writeTransaction(doc, [
          mailUpdate(
            id,
            "SET #mail.#status = :sending, #mail.#claimedAt = :now",
            "#mail.#status = :pending OR (#mail.#status = :sending AND #mail.#claimedAt < :stale)",
            { ":sending": "sending", ":pending": "pending", ":now": now, ":stale": staleBefore },
          ),
          auditWrite(entry),
        ]);
        return "claimed";
      } catch (error) {
        if (error instanceof MailTaken) return "taken";
        throw error;
      }
    },

    /** Records the sent e-mail; only the run that holds the claim (`claimedAt`) may. */
    async markReportMailSent(id: string, claimedAt: string, messageId: string, sentAt: string, entry: AuditInput) {
      await writeTransaction(doc, [
        mailUpdate(
          id,
          "SET #mail.#status = :sent, #mail.#messageId = :messageId, #mail.#sentAt = :sentAt",
          "#mail.#status = :sending AND #mail.#claimedAt = :claimedAt",
          {
            ":sent": "sent",
            ":sending": "sending",
            ":messageId": messageId,
            ":sentAt": sentAt,
            ":claimedAt": claimedAt,
          },
        ),
        auditWrite(entry),
      ]);
    },

    /** Gives the claim back after a failed send, so the scheduler's retry can send it. */
    async releaseReportMail(id: string, claimedAt: string, entry: AuditInput): Promise<void> {
      try {
        await writeTransaction(doc, [
          mailUpdate(
            id,
            "SET #mail.#status = :pending REMOVE #mail.#claimedAt",
            "#mail.#status = :sending AND #mail.#claimedAt = :claimedAt",
            { ":pending": "pending", ":sending": "sending", ":claimedAt": claimedAt },
          ),
          auditWrite(entry),
        ]);
      } catch (error) {
        // Another run took it over meanwhile: nothing of ours to give back.
        if (!(error instanceof MailTaken)) throw error;
      }
    },
  };
}

/** The report of this period is stored already. */
export class ReportExists extends Conflict {
  constructor(readonly reportId: string) {
    super(`Report ${reportId} exists already`);
  }
}

/** The report's e-mail is held by another run, or sent. */
export class MailTaken extends Conflict {
  constructor(reportId: string) {
    super(`The e-mail of report ${reportId} is being sent or was sent`);
  }
}
