// Use cases on assistance requests: record one, read and list them, move them through their lifecycle, feedback.
import type { AuditContext } from "../audit/audit-entry.ts";
import { type Clock, checkDayOfMove, deskToday } from "../clock.ts";
import type { Page } from "../dynamo/pagination.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { capitalized } from "../listed.ts";
import type { OrganizationRepository } from "../organizations/repository.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import { stateNamedInBody } from "../registry/states.ts";
import { retryOnObligationChange } from "../reporting/obligation-writes.ts";
import { earliest, latest } from "../reporting/obligations.ts";
import type { ReportingRepository } from "../reporting/repository.ts";
import type { Obligation } from "../reporting/schemas.ts";
import type { Versioned } from "../versioning.ts";
import { feedbackRepeated, sameFeedback } from "./feedback-content.ts";
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
import { checkMoveDate, moveRequest, requestNamed, withConsent } from "./workflow.ts";

export interface AssistanceDependencies {
  assistance: AssistanceRepository;
  registry: RegistryRepository;
  organizations: OrganizationRepository;
  reporting: ReportingRepository;
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

export const createRequest =
  (deps: Pick<AssistanceDependencies, "assistance" | "registry" | "clock">) =>
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
    await deps.assistance.write([
      ...deps.assistance.newRequest(request),
      deps.assistance.audit({
        ...audit,
        action: "assistance.request.create",
        entity: { type: "assistance-request", id: request.id },
        after: request,
      }),
    ]);
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
 * legal ones), dated no later than today and no earlier than its last move, and its guards must hold.
 */
export const transitionRequest =
  (deps: Pick<AssistanceDependencies, "assistance" | "registry" | "clock">) =>
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
    const next = moveRequest(
      request.value,
      { to: input.to, on, note: input.note, at: deps.clock.now().toISOString(), by: audit.actor },
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

// ISO dates sort as text.
/**
 * Feedback on a fulfilled request (resolution 2663 (2022), OP20). Feedback from the requesting State also fulfils
 * its `assistance-feedback` obligation, in the same transaction, conditional on the obligation as read.
 */
export const recordFeedback =
  (deps: AssistanceDependencies) =>
  async (
    id: string,
    input: NewAssistanceFeedback & { demo?: boolean; feedbackId?: string },
    audit: AuditContext,
  ): Promise<AssistanceFeedback> => {
    const receivedOn = input.receivedOn ?? deskToday(deps.clock);
    notInFuture(receivedOn, "body.receivedOn", deps.clock);
    const { request, feedback: recorded } = await requestFileOf(deps, id);
    if (request.value.status !== "fulfilled") {
      throw new Conflict(
        `${capitalized(requestNamed(request.value))} is ${REQUEST_STATUS_WORDS[request.value.status]}; feedback is ` +
          "recorded once it is fulfilled",
      );
    }
    if (request.value.closedOn && receivedOn < request.value.closedOn) {
      throw new Invalid("The feedback predates the fulfilment", [
        { path: "body.receivedOn", message: `is before the request was fulfilled on ${request.value.closedOn}` },
      ]);
    }
    const held = recorded.find((other) => sameFeedback(other, { ...input, receivedOn }));
    if (held) throw feedbackRepeated(held.id, held);
    const { iso3 } = request.value;
    const feedback: AssistanceFeedback = {
      id: input.feedbackId ?? newId(deps.clock),
      requestId: id,
      iso3,
      from: input.from,
      text: input.text,
      receivedOn,
      ...(input.demo ? { demo: true } : {}),
      recordedAt: deps.clock.now().toISOString(),
      recordedBy: audit.actor.id,
    };
    await retryOnObligationChange(async () => {
      let obligation: { before: Obligation; after: Obligation } | undefined;
      if (input.from === "requester") {
        const before = (await deps.reporting.obligations(iso3)).find((o) => o.kind === "assistance-feedback");
        if (!before) throw new NotFound("The assistance-feedback obligation of State", iso3);
        const dates = [receivedOn, ...[before.firstReceivedOn, before.lastReceivedOn].flatMap((on) => on ?? [])];
        obligation = {
          before,
          after: {
            ...before,
            status: "fulfilled",
            submissions: before.submissions + 1,
            firstReceivedOn: earliest(dates),
            lastReceivedOn: latest(dates),
          },
        };
      }
      await deps.assistance.write([
        deps.assistance.newFeedback(feedback),
        deps.assistance.requestIsIn(id, "fulfilled"),
        ...(obligation ? [deps.assistance.updateFeedbackObligation(obligation.before, obligation.after)] : []),
        deps.assistance.audit({
          ...audit,
          action: "assistance.feedback.record",
          entity: { type: "assistance-request", id },
          before: obligation ? { iso3, obligation: obligation.before } : undefined,
          after: obligation ? { iso3, feedback, obligation: obligation.after } : { iso3, feedback },
        }),
      ]);
    });
    return feedback;
  };
