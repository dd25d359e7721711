// Use cases on assistance requests: record one, read and list them, move them through their lifecycle, feedback.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { HolidayStore } from "../calendar/store.ts";
import { type Clock, checkDayOfMove, deskToday } from "../clock.ts";
import type { Page } from "../dynamo/pagination.ts";
import { Conflict, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { capitalized } from "../listed.ts";
import type { OrganizationRepository } from "../organizations/repository.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import { stateNamedInBody } from "../registry/states.ts";
import { DocumentRecorded } from "../reporting/document-recorded.ts";
import { retryOnObligationChange } from "../reporting/obligation-writes.ts";
import { obligationIn } from "../reporting/obligations.ts";
import type { ReportingRepository } from "../reporting/repository.ts";
import { allSubmissions, obligationAfter, whereRecorded } from "../reporting/submissions.ts";
import type { Versioned } from "../versioning.ts";
import { consentWindowCalendar } from "./consent-window.ts";
import { feedbackRepeated, sameFeedback } from "./feedback-content.ts";
import {
  documentLinkedAlready,
  feedbackDocument,
  providerNamesNoDocument,
  refuseOtherDay,
} from "./feedback-document.ts";
import { FEEDBACK_OPENS_WORDS, standing, takesFeedback } from "./feedback-open.ts";
import type { AssistanceRepository, ListRequestsQuery, RequestFile } from "./repository.ts";
import type {
  AssistanceFeedback,
  AssistanceRequest,
  NewAssistanceFeedback,
  NewAssistanceRequest,
  RequestConsentInput,
  RequestTransitionInput,
} from "./schemas.ts";
import { REQUEST_STATUS_WORDS } from "./status-words.ts";
import { checkMoveDate, type MoveInput, moveRequest, requestNamed, withConsent } from "./workflow.ts";

export interface AssistanceDependencies {
  assistance: AssistanceRepository;
  registry: RegistryRepository;
  organizations: OrganizationRepository;
  reporting: ReportingRepository;
  /** The UN Headquarters holidays on record, which an acknowledgement's consent window skips. */
  holidays: Pick<HolidayStore, "getYears">;
  clock: Clock;
}

/** A day given by a caller cannot be after today. */
export function notInFuture(day: string, path: string, clock: Clock): void {
  checkDayOfMove(day, { today: deskToday(clock), path, refusal: "The date is in the future" });
}

/** The State's name as the registry has it; its code for one the registry lacks (a refusal still names it). */
export async function stateNameOf(deps: Pick<AssistanceDependencies, "registry">, iso3: string): Promise<string> {
  return (await deps.registry.getStates([iso3]))[0]?.value.name ?? iso3;
}

export async function requestFileOf(
  deps: Pick<AssistanceDependencies, "assistance">,
  id: string,
): Promise<RequestFile> {
  const file = await deps.assistance.requestFile(id);
  if (!file) throw new NotFound("Assistance request", id);
  return file;
}

/**
 * A request's symbol refused, said at `body.symbol` with where it is recorded: another request's hold on it (a
 * Conflict naming that request) as a document's, and another State's document's; any other error as it came.
 */
export async function symbolRefusalInWords(
  deps: Pick<AssistanceDependencies, "assistance" | "registry" | "reporting">,
  symbol: string,
  error: unknown,
): Promise<unknown> {
  const requestId = error instanceof Conflict && !(error instanceof DocumentRecorded) && error.details.requestId;
  const holder = typeof requestId === "string" ? await deps.assistance.getRequest(requestId) : undefined;
  const refusal =
    holder && typeof requestId === "string"
      ? new DocumentRecorded(symbol, { iso3: holder.value.iso3, requestId, receivedOn: holder.value.receivedOn })
      : error;
  return whereRecorded(deps, refusal);
}

/**
 * Records a request under its symbol: refused (409 at `body.symbol`, in words) when another request holds the symbol,
 * or a document of another State's (ADR 0068); a document of the requesting State's may share it.
 */
export const createRequest =
  (deps: Pick<AssistanceDependencies, "assistance" | "registry" | "reporting" | "clock">) =>
  async (
    input: NewAssistanceRequest & { demo?: boolean },
    audit: AuditContext,
  ): Promise<Versioned<AssistanceRequest>> => {
    notInFuture(input.receivedOn, "body.receivedOn", deps.clock);
    // A State the body names that does not exist is the body's fault (422 at its field), as a contact's owner is.
    await stateNamedInBody(deps.registry)(input.iso3, "body.iso3");
    const now = deps.clock.now().toISOString();
    const request: AssistanceRequest = {
      ...input,
      id: newId(deps.clock),
      status: "received",
      history: [],
      createdAt: now,
      createdBy: audit.actor.id,
      updatedAt: now,
    };
    await deps.assistance
      .write([
        ...deps.assistance.newRequest(request),
        deps.assistance.audit({
          ...audit,
          action: "assistance.request.create",
          entity: { type: "assistance-request", id: request.id },
          after: request,
        }),
      ])
      .catch(async (error: unknown) => {
        throw await symbolRefusalInWords(deps, input.symbol, error);
      });
    return { value: request, version: 1 };
  };

export const getRequest =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  async (id: string): Promise<Versioned<AssistanceRequest>> => {
    const request = await deps.assistance.getRequest(id);
    if (!request) throw new NotFound("Assistance request", id);
    return request;
  };

export const listRequests =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  (query: ListRequestsQuery): Promise<Page<Versioned<AssistanceRequest>>> =>
    deps.assistance.listRequests(query);

/**
 * Moves a request, if it is still at `expectedVersion`: the move must be legal from its status (409 naming the
 * legal ones), dated no later than today and no earlier than its last move, and its guards must hold. An
 * acknowledgement counts the consent window with the holidays on record for its year and the next.
 */
export const transitionRequest =
  (deps: Pick<AssistanceDependencies, "assistance" | "registry" | "holidays" | "clock">) =>
  async (
    id: string,
    expectedVersion: number,
    input: RequestTransitionInput,
    audit: AuditContext,
  ): Promise<Versioned<AssistanceRequest>> => {
    const { request, matches } = await requestFileOf(deps, id);
    const named = requestNamed(request.value, await stateNameOf(deps, request.value.iso3));
    if (request.version !== expectedVersion) {
      throw new PreconditionFailed(capitalized(named), request.version, expectedVersion);
    }
    const on = input.on ?? deskToday(deps.clock);
    const fields = { on, note: input.note, at: deps.clock.now().toISOString(), by: audit.actor };
    const move: MoveInput =
      input.to === "acknowledged"
        ? { ...fields, to: input.to, calendar: await consentWindowCalendar(deps.holidays, on) }
        : { ...fields, to: input.to };
    const next = moveRequest(
      request.value,
      move,
      matches.map((match) => match.value),
      named,
    );
    checkMoveDate(request.value, on, deskToday(deps.clock));
    await deps.assistance.write([
      deps.assistance.replaceRequest(next, request.version),
      deps.assistance.audit({
        ...audit,
        action: "assistance.request.transition",
        entity: { type: "assistance-request", id },
        before: { iso3: request.value.iso3, status: request.value.status },
        after: { iso3: next.iso3, status: next.status, on, ...(input.note ? { note: input.note } : {}) },
      }),
    ]);
    return { value: next, version: request.version + 1 };
  };

/**
 * Records the State's consent to circulation, at any time before circulation, with how it came (the reason); the
 * request keeps its status, and circulation inside the consent window is then allowed. Audited.
 */
export const recordConsent =
  (deps: Pick<AssistanceDependencies, "assistance" | "clock">) =>
  async (
    id: string,
    expectedVersion: number,
    input: RequestConsentInput,
    audit: AuditContext,
  ): Promise<Versioned<AssistanceRequest>> => {
    const { request } = await requestFileOf(deps, id);
    if (request.version !== expectedVersion) {
      throw new PreconditionFailed(capitalized(requestNamed(request.value)), request.version, expectedVersion);
    }
    const on = input.on ?? deskToday(deps.clock);
    notInFuture(on, "body.on", deps.clock);
    const next = withConsent(request.value, on, deps.clock.now().toISOString(), audit.actor);
    await deps.assistance.write([
      deps.assistance.replaceRequest(next, request.version),
      deps.assistance.audit({
        ...audit,
        action: "assistance.request.consent",
        entity: { type: "assistance-request", id },
        reason: input.reason,
        before: { iso3: request.value.iso3, consentedToCirculation: false, status: request.value.status },
        after: { iso3: next.iso3, consentedToCirculation: true, consentedOn: on, status: next.status },
      }),
    ]);
    return { value: next, version: request.version + 1 };
  };

/**
 * Feedback on the assistance process (resolution 2663 (2022), OP20; ADR 0064): on a request once it has been
 * circulated, whatever became of it since, or once it is withdrawn; dated the day it was received, from the request's
 * receipt to today. The requesting State's note counts towards its `assistance-feedback` obligation in the same
 * transaction, unless it names by `symbol` the State's document it was recorded as already: it is linked to that
 * document and counted there, once. Either way the write holds the requester's obligation as read (its revision moves),
 * so that a note recorded or a document voided meanwhile is read again rather than counted wrong; and the request as
 * read, whose status let the feedback in.
 */
export const recordFeedback =
  (deps: Omit<AssistanceDependencies, "holidays">) =>
  async (
    id: string,
    input: NewAssistanceFeedback & { demo?: boolean; feedbackId?: string },
    audit: AuditContext,
  ): Promise<Versioned<AssistanceFeedback>> => {
    if (input.symbol !== undefined && input.from !== "requester") throw providerNamesNoDocument();
    const feedbackId = input.feedbackId ?? newId(deps.clock);
    return retryOnObligationChange(async () => {
      const file = await requestFileOf(deps, id);
      const { request } = file;
      const recorded = standing(file.feedback.map(({ value }) => value));
      const { iso3 } = request.value;
      // The State's name is read only for words that need it: a refusal, a document named.
      if (!takesFeedback(request.value.status)) {
        const stateName = await stateNameOf(deps, iso3);
        throw new Conflict(
          `${capitalized(requestNamed(request.value, stateName))} is ${REQUEST_STATUS_WORDS[request.value.status]}; ` +
            `feedback on the assistance process is recorded ${FEEDBACK_OPENS_WORDS}`,
        );
      }
      const document =
        input.symbol === undefined
          ? undefined
          : feedbackDocument(
              input.symbol,
              ...(await Promise.all([allSubmissions(deps, iso3), stateNameOf(deps, iso3)])),
            );
      if (document) refuseOtherDay(document, input.receivedOn);
      const receivedOn = input.receivedOn ?? document?.receivedOn ?? deskToday(deps.clock);
      checkDayOfMove(receivedOn, {
        today: deskToday(deps.clock),
        previous: request.value.receivedOn,
        previousIs: "the request was received",
        path: "body.receivedOn",
        refusal: "The feedback's received date is not possible",
      });
      const linked = document && recorded.find((other) => other.document?.submissionId === document.id);
      if (linked) throw documentLinkedAlready(document, linked);
      const held = recorded.find((other) => sameFeedback(other, { ...input, receivedOn }));
      if (held) throw feedbackRepeated(held.id, held);
      const feedback: AssistanceFeedback = {
        id: feedbackId,
        requestId: id,
        iso3,
        from: input.from,
        text: input.text,
        receivedOn,
        ...(document ? { document: { submissionId: document.id, symbol: document.symbol } } : {}),
        ...(input.demo ? { demo: true } : {}),
        recordedAt: deps.clock.now().toISOString(),
        recordedBy: audit.actor.id,
      };
      const read =
        input.from === "requester"
          ? obligationIn(await deps.reporting.obligations(iso3), iso3, "assistance-feedback")
          : undefined;
      // A note that counts as the document it names leaves the obligation as it was; the write still holds it as read.
      const obligation = read && { before: read, after: document ? read : obligationAfter(read, receivedOn) };
      const counted = document ? undefined : obligation;
      await deps.assistance.write([
        deps.assistance.newFeedback(feedback),
        deps.assistance.requestIsAt(id, request.version),
        ...(obligation ? [deps.assistance.updateFeedbackObligation(obligation.before, obligation.after)] : []),
        deps.assistance.audit({
          ...audit,
          action: "assistance.feedback.record",
          entity: { type: "assistance-request", id },
          before: counted ? { iso3, obligation: counted.before } : undefined,
          after: counted ? { iso3, feedback, obligation: counted.after } : { iso3, feedback },
        }),
      ]);
      return { value: feedback, version: 1 };
    });
  };
