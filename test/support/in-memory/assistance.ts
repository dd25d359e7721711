// The assistance store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/assistance.contract.ts). A write's changes are carried out on a draft, each refused as the
// adapter's condition would refuse it, and kept only when all pass. Not honoured: DynamoDB's item size limit on a
// report (no in-memory use case builds a report that large).

import {
  feedbackChangedMeanwhile,
  feedbackRepeated,
  feedbackStale,
  sameFeedback,
} from "#shared/assistance/feedback-content.ts";
import { feedbackLinkRefused } from "#shared/assistance/feedback-document.ts";
import {
  ALL_OFFERS,
  ALL_REQUESTS,
  offerContentKey,
  offerProviderPartition,
  requestStatePartition,
  requestStatusPartition,
} from "#shared/assistance/keys.ts";
import { offerRepeated, sameOffer } from "#shared/assistance/offer-content.ts";
import {
  type AssistanceChange,
  type AssistanceRepository,
  assistanceChanges,
  correctionMoves,
  type MailClaim,
  MailTaken,
  organizationsActedFor,
  ReportExists,
} from "#shared/assistance/repository.ts";
import {
  type AssistanceFeedback,
  type AssistanceMatch,
  type AssistanceOffer,
  type AssistanceReport,
  type AssistanceRequest,
  assistanceReportSummarySchema,
  providerKey,
} from "#shared/assistance/schemas.ts";
import { pendingRequestStatuses } from "#shared/assistance/transitions.ts";
import type { AuditInput } from "#shared/audit/audit-entry.ts";
import type { Clock } from "#shared/clock.ts";
import { Conflict, NotFound, PreconditionFailed } from "#shared/errors.ts";
import { nextRevision, ObligationChanged, unchangedSince } from "#shared/reporting/obligation-writes.ts";
import type { Obligation } from "#shared/reporting/schemas.ts";
import { requestOnSymbol, symbolHeld } from "#shared/reporting/symbol-guard.ts";
import type { Versioned } from "#shared/versioning.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import type { InMemoryOrganizations } from "./organizations.ts";
import { pageOf, sortedBy } from "./paging.ts";
import { type InMemorySymbolGuards, inMemorySymbolGuards } from "./symbol-guards.ts";

export interface InMemoryAssistance extends AssistanceRepository {
  /** Its audit trail (`audit` is the store's constructor of an audit change). */
  readonly trail: InMemoryAudit;
  /** A State's obligation as the registry's seed leaves it, for feedback from the requester to fulfil. */
  givenObligation(obligation: Obligation): void;
  /** An offer as a store written before the guards of offers' contents holds it: without its guard. */
  givenOfferRecordedBeforeGuards(offer: AssistanceOffer): void;
  /** The obligation as the last write left it. */
  obligation(iso3: string, kind: Obligation["kind"]): Obligation | undefined;
}

interface Holdings {
  requests: Map<string, Versioned<AssistanceRequest>>;
  /** Request symbols (upper case) to the request holding each. */
  symbols: Map<string, string>;
  offers: Map<string, Versioned<AssistanceOffer>>;
  /** Guards of offers' contents (their key's pk) to the offer holding each. */
  contents: Map<string, string>;
  matches: Map<string, Versioned<AssistanceMatch>>;
  /** `<requestId> <offerId>` to the match holding the pair. */
  pairs: Map<string, string>;
  feedback: Map<string, Versioned<AssistanceFeedback>>;
  obligations: Map<string, Obligation>;
  reports: Map<string, AssistanceReport>;
  entries: AuditInput[];
}

const copy = <T>(value: T): T => structuredClone(value);
const receivedOrder = ({ value }: Versioned<AssistanceRequest>) => `${value.receivedOn}#${value.id}`;
const obligationKey = (iso3: string, kind: string) => `${iso3}#${kind}`;

function replaced<T extends { id: string }>(
  map: Map<string, Versioned<T>>,
  next: T,
  expectedVersion: number,
  entity: string,
): void {
  const stored = map.get(next.id);
  if (!stored) throw new NotFound(entity, next.id);
  if (stored.version !== expectedVersion)
    throw new PreconditionFailed(`${entity} ${next.id}`, stored.version, expectedVersion);
  map.set(next.id, { value: copy(next), version: expectedVersion + 1 });
}

/** The items a change writes or checks, as the adapter lays them out (one key per item). */
function itemsOf(change: AssistanceChange): string[] {
  switch (change.kind) {
    case "new-request":
      return [`request ${change.request.id}`, `symbol ${change.request.symbol.toUpperCase()}`];
    case "replace-request":
      return [`request ${change.next.id}`];
    case "correct-request": {
      const { next, before } = change;
      const moved = correctionMoves(change).symbolMoved;
      return [
        `request ${next.id}`,
        ...(moved ? [`symbol ${next.symbol.toUpperCase()}`, `symbol ${before.symbol.toUpperCase()}`] : []),
      ];
    }
    case "request-is-in":
    case "request-is-at":
      return [`request ${change.id}`];
    case "new-offer":
      return [`offer ${change.offer.id}`, `content ${offerContentKey(change.offer).pk}`];
    case "replace-offer": {
      const { next, before } = change;
      if (sameOffer(next, before)) return [`offer ${next.id}`];
      return [`offer ${next.id}`, `content ${offerContentKey(next).pk}`, `content ${offerContentKey(before).pk}`];
    }
    case "new-match":
      return [`match ${change.match.id}`, `pair ${change.match.requestId} ${change.match.offerId}`];
    case "replace-match":
      return [`match ${change.next.id}`];
    case "new-feedback":
    case "feedback-document":
      return [`feedback ${change.feedback.id}`];
    case "replace-feedback":
      return [`feedback ${change.next.id}`];
    case "feedback-obligation":
      return [`obligation ${obligationKey(change.before.iso3, change.before.kind)}`];
    case "new-report":
      return [`report ${change.report.id}`];
    case "audit":
      return [];
  }
}

/** The guard of what `offer` says, taken by it unless another offer holds it (as the adapter's condition). */
function takeContent(draft: Holdings, offer: AssistanceOffer, write: "create" | "update"): void {
  const key = offerContentKey(offer).pk;
  const holder = draft.contents.get(key);
  if (holder !== undefined && holder !== offer.id) throw offerRepeated(holder, offer, write);
  draft.contents.set(key, offer.id);
}

function apply(draft: Holdings, change: AssistanceChange): void {
  switch (change.kind) {
    case "new-request": {
      const { request } = change;
      if (draft.requests.has(request.id)) throw new Conflict(`Assistance request ${request.id} exists already`);
      const holder = draft.symbols.get(request.symbol.toUpperCase());
      if (holder) throw new Conflict(`The request ${request.symbol} is already recorded`, { requestId: holder });
      draft.requests.set(request.id, { value: copy(request), version: 1 });
      draft.symbols.set(request.symbol.toUpperCase(), request.id);
      return;
    }
    case "replace-request":
      replaced(draft.requests, change.next, change.expectedVersion, "Assistance request");
      return;
    case "correct-request": {
      const { next, expectedVersion, before } = change;
      replaced(draft.requests, next, expectedVersion, "Assistance request");
      if (!correctionMoves(change).symbolMoved) return;
      const [from, to] = [before.symbol.toUpperCase(), next.symbol.toUpperCase()];
      const holder = draft.symbols.get(to);
      if (holder) throw new Conflict(`The request ${next.symbol} is already recorded`, { requestId: holder });
      draft.symbols.delete(from);
      draft.symbols.set(to, next.id);
      return;
    }
    case "request-is-in":
      if (draft.requests.get(change.id)?.value.status !== change.status) {
        throw new Conflict(`Assistance request ${change.id} is no longer ${change.status}`);
      }
      return;
    case "request-is-at":
      if (draft.requests.get(change.id)?.version !== change.version) {
        throw new Conflict(`Assistance request ${change.id} changed while this was written; send it again`);
      }
      return;
    case "new-offer": {
      const { offer } = change;
      if (draft.offers.has(offer.id)) throw new Conflict(`Offer ${offer.id} exists already`);
      takeContent(draft, offer, "create");
      draft.offers.set(offer.id, { value: copy(offer), version: 1 });
      return;
    }
    case "replace-offer": {
      const { next, expectedVersion, before } = change;
      replaced(draft.offers, next, expectedVersion, "Offer");
      if (sameOffer(next, before)) return;
      takeContent(draft, next, "update");
      draft.contents.delete(offerContentKey(before).pk);
      return;
    }
    case "new-match": {
      const { match } = change;
      const pair = `${match.requestId} ${match.offerId}`;
      const holder = draft.pairs.get(pair);
      if (holder) {
        throw new Conflict(`Offer ${match.offerId} is already matched to request ${match.requestId}`, {
          matchId: holder,
        });
      }
      if (draft.matches.has(match.id)) throw new Conflict(`Match ${match.id} exists already`);
      draft.matches.set(match.id, { value: copy(match), version: 1 });
      draft.pairs.set(pair, match.id);
      return;
    }
    case "replace-match":
      replaced(draft.matches, change.next, change.expectedVersion, "Match");
      return;
    case "new-feedback": {
      const { feedback } = change;
      if (draft.feedback.has(feedback.id)) throw new Conflict(`Feedback ${feedback.id} exists already`);
      const held = [...draft.feedback.values()].find(
        ({ value: other }) => !other.voided && other.requestId === feedback.requestId && sameFeedback(other, feedback),
      );
      if (held) throw feedbackRepeated(held.value.id, feedback);
      draft.feedback.set(feedback.id, { value: copy(feedback), version: 1 });
      return;
    }
    case "replace-feedback": {
      const { next, expectedVersion, before } = change;
      const held = draft.feedback.get(next.id);
      if (held?.value.requestId !== next.requestId) throw new NotFound("Feedback", next.id);
      if (held.version !== expectedVersion) throw feedbackStale(before, held.version, expectedVersion);
      // Voided feedback holds no words, as the adapter's guards hold none for it (ADR 0073).
      const repeated =
        !next.voided &&
        [...draft.feedback.values()].find(
          ({ value: other }) =>
            !other.voided && other.id !== next.id && other.requestId === next.requestId && sameFeedback(other, next),
        );
      if (repeated) throw feedbackRepeated(repeated.value.id, next);
      draft.feedback.set(next.id, { value: copy(next), version: expectedVersion + 1 });
      return;
    }
    case "feedback-document": {
      const { feedback, version, before, after } = change;
      const held = draft.feedback.get(feedback.id);
      if (held?.value.requestId !== feedback.requestId) throw new NotFound("Feedback", feedback.id);
      if (held.value.document?.submissionId !== before?.submissionId) {
        throw feedbackLinkRefused(feedback, before, held.value.document?.symbol);
      }
      if (held.version !== version) throw feedbackChangedMeanwhile(feedback);
      const { document: _, ...rest } = held.value;
      draft.feedback.set(feedback.id, {
        value: after ? { ...rest, document: copy(after) } : rest,
        version: version + 1,
      });
      return;
    }
    case "feedback-obligation": {
      const { before, after } = change;
      const key = obligationKey(before.iso3, before.kind);
      if (!unchangedSince(before, draft.obligations.get(key))) throw new ObligationChanged(before.iso3, before.kind);
      draft.obligations.set(key, { ...copy(after), revision: nextRevision(before) });
      return;
    }
    case "new-report":
      if (draft.reports.has(change.report.id)) throw new ReportExists(change.report.id);
      draft.reports.set(change.report.id, copy(change.report));
      return;
    case "audit":
      draft.entries.push(change.entry);
      return;
  }
}

/**
 * `organizations`, when given, is the organizations store whose item an offer's write touches, as the adapter's
 * transaction does (acting-writes.ts); without it, no write is checked against an organization. `symbols` are the
 * symbols' guards a new request takes its place on, shared with the reporting store that is to see it.
 */
export function inMemoryAssistance(
  clock: Clock,
  audit: InMemoryAudit = inMemoryAudit(clock),
  organizations?: Pick<InMemoryOrganizations, "actingFor">,
  symbols: InMemorySymbolGuards = inMemorySymbolGuards(),
): InMemoryAssistance {
  let held: Holdings = {
    requests: new Map(),
    symbols: new Map(),
    offers: new Map(),
    contents: new Map(),
    matches: new Map(),
    pairs: new Map(),
    feedback: new Map(),
    obligations: new Map(),
    reports: new Map(),
    entries: [],
  };

  /** Carries out the changes on copies of what is held; only a write that passes whole is kept. */
  function transact(changes: readonly AssistanceChange[]): void {
    const draft: Holdings = {
      requests: new Map(held.requests),
      symbols: new Map(held.symbols),
      offers: new Map(held.offers),
      contents: new Map(held.contents),
      matches: new Map(held.matches),
      pairs: new Map(held.pairs),
      feedback: new Map(held.feedback),
      obligations: new Map(held.obligations),
      reports: new Map(held.reports),
      entries: [],
    };
    const touched = changes.flatMap(itemsOf);
    const twice = touched.find((item, index) => touched.indexOf(item) !== index);
    // DynamoDB refuses a transaction with two operations on one item (ValidationException): so does memory.
    if (twice) throw new Error(`A write may touch ${twice} once only`);
    for (const change of changes) apply(draft, copy(change));
    // The symbols' guards are the reporting store's too: checked with the changes, written once all have passed.
    // A request recorded, or corrected to another symbol or day: the guard of its (new) symbol says it.
    const underSymbols = changes.flatMap((change) => {
      if (change.kind === "new-request") return [change.request];
      return change.kind === "correct-request" && correctionMoves(change).guardSaysAgain ? [change.next] : [];
    });
    const offSymbols = changes.flatMap((change) =>
      change.kind === "correct-request" && correctionMoves(change).symbolMoved ? [change.before] : [],
    );
    for (const request of underSymbols) {
      const guard = symbols.get(request.symbol.toUpperCase());
      if (guard?.submissionId !== undefined && guard.iso3 !== request.iso3) {
        throw symbolHeld(request.symbol, { ...guard }, "request");
      }
    }
    // After the changes' own items, as the adapter lists them.
    const acted = organizations ? organizationsActedFor(changes).map((id) => organizations.actingFor(id)) : [];
    for (const count of acted) count();
    for (const entry of draft.entries) audit.record(entry);
    for (const request of offSymbols) {
      const key = request.symbol.toUpperCase();
      const { requestId: _id, requestIso3: _iso3, requestReceivedOn: _on, ...document } = symbols.get(key) ?? {};
      symbols.set(key, document);
    }
    for (const request of underSymbols) {
      const key = request.symbol.toUpperCase();
      symbols.set(key, { ...symbols.get(key), ...requestOnSymbol(request) });
    }
    held = { ...draft, entries: [] };
  }

  /** Moves the report's e-mail if `allowed` holds for it as stored; MailTaken otherwise (or when there is none). */
  function moveMail(
    id: string,
    allowed: (mail: AssistanceReport["mail"]) => boolean,
    next: AssistanceReport["mail"],
    entry: AuditInput,
  ) {
    const report = held.reports.get(id);
    if (!report || !allowed(report.mail)) throw new MailTaken(id);
    held.reports.set(id, { ...report, mail: copy(next) });
    audit.record(entry);
  }

  const requestsWhere = (chosen: (request: AssistanceRequest) => boolean) =>
    sortedBy(
      [...held.requests.values()].filter(({ value }) => chosen(value)),
      receivedOrder,
    );

  const repository: AssistanceRepository = {
    ...assistanceChanges,
    write: async (changes) => transact(changes),

    getRequest: async (id) => {
      const found = held.requests.get(id);
      return found && copy(found);
    },

    requestFile: async (id) => {
      const request = held.requests.get(id);
      if (!request) return undefined;
      return {
        request: copy(request),
        matches: sortedBy(
          [...held.matches.values()].filter(({ value }) => value.requestId === id),
          ({ value }) => value.id,
        ).map(copy),
        feedback: sortedBy(
          [...held.feedback.values()].filter(({ value }) => value.requestId === id),
          ({ value }) => value.id,
        ).map(copy),
      };
    },

    // The scope names the index partition the adapter would query, so a cursor is bound to the same listing.
    listRequests: async ({ status, iso3, limit, cursor }) => {
      const partition = iso3 ? requestStatePartition(iso3) : status ? requestStatusPartition(status) : ALL_REQUESTS;
      const filtered = Boolean(iso3 && status);
      const chosen = requestsWhere(
        (request) =>
          (iso3 === undefined || request.iso3 === iso3) && (status === undefined || request.status === status),
      );
      return pageOf(chosen, receivedOrder, {
        limit,
        cursor,
        scope: `assistance-requests:${partition}:${filtered ? status : ""}`,
      });
    },

    pendingRequests: async () =>
      pendingRequestStatuses.flatMap((status) =>
        requestsWhere((request) => request.status === status).map(({ value }) => copy(value)),
      ),

    getOffer: async (id) => {
      const found = held.offers.get(id);
      return found && copy(found);
    },

    offersById: async (ids) =>
      new Map(ids.flatMap((id) => held.offers.get(id) ?? []).map(({ value }) => [value.id, copy(value)])),

    existingOfferIds: async (ids) => new Set(ids.filter((id) => held.offers.has(id))),

    listOffers: async ({ provider, limit, cursor }) => {
      const partition = provider ? offerProviderPartition(providerKey(provider)) : ALL_OFFERS;
      const chosen = [...held.offers.values()].filter(
        ({ value }) => provider === undefined || providerKey(value.provider) === providerKey(provider),
      );
      return pageOf(
        sortedBy(chosen, ({ value }) => value.id),
        ({ value }) => value.id,
        { limit, cursor, scope: `assistance-offers:${partition}` },
      );
    },

    allOffers: async () => sortedBy(held.offers.values(), ({ value }) => value.id).map(({ value }) => copy(value)),

    getMatch: async (id) => {
      const found = held.matches.get(id);
      return found && copy(found);
    },

    getReport: async (id) => {
      const found = held.reports.get(id);
      return found && copy(found);
    },

    listReports: async (page) =>
      pageOf(
        sortedBy(held.reports.values(), (report) => report.id).map((report) =>
          assistanceReportSummarySchema.parse(report),
        ),
        (summary) => summary.id,
        { ...page, scope: "assistance-reports" },
      ),

    claimReportMail: async (id, now, staleBefore, entry): Promise<MailClaim> => {
      try {
        moveMail(
          id,
          (mail) =>
            mail.status === "pending" ||
            (mail.status === "sending" && mail.claimedAt !== undefined && mail.claimedAt < staleBefore),
          { ...(held.reports.get(id)?.mail ?? { status: "pending" }), status: "sending", claimedAt: now },
          entry,
        );
        return "claimed";
      } catch (error) {
        if (error instanceof MailTaken) return "taken";
        throw error;
      }
    },

    markReportMailSent: async (id, claimedAt, messageId, sentAt, entry) => {
      moveMail(
        id,
        (mail) => mail.status === "sending" && mail.claimedAt === claimedAt,
        { ...(held.reports.get(id)?.mail ?? { status: "pending" }), status: "sent", messageId, sentAt },
        entry,
      );
    },

    releaseReportMail: async (id, claimedAt, entry) => {
      try {
        const { claimedAt: _released, ...rest } = held.reports.get(id)?.mail ?? { status: "pending" };
        moveMail(
          id,
          (mail) => mail.status === "sending" && mail.claimedAt === claimedAt,
          { ...rest, status: "pending" },
          entry,
        );
      } catch (error) {
        // Another run took it over meanwhile: nothing of ours to give back.
        if (!(error instanceof MailTaken)) throw error;
      }
    },
  };

  return {
    ...repository,
    trail: audit,
    givenOfferRecordedBeforeGuards: (offer) => {
      held.offers.set(offer.id, { value: copy(offer), version: 1 });
    },
    givenObligation: (obligation) => {
      held.obligations.set(obligationKey(obligation.iso3, obligation.kind), copy(obligation));
    },
    obligation: (iso3, kind) => {
      const found = held.obligations.get(obligationKey(iso3, kind));
      return found && copy(found);
    },
  };
}
