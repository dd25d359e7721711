// The lifecycles of assistance requests and matches, with no storage: legal moves, their guards and their dates.
import type { Actor } from "../auth/actor.ts";
import { checkDayOfMove } from "../clock.ts";
import { Conflict, IllegalTransition, Invalid } from "../errors.ts";
import { capitalized, listed } from "../listed.ts";
import { illegalMoveWords } from "../move-words.ts";
import { addYears } from "./dates.ts";
import type {
  AssistanceMatch,
  AssistanceRequest,
  MatchStatus,
  RequestStatus,
  RequestTransitionRecord,
} from "./schemas.ts";
import { MATCH_STATUS_WORDS, MOVED_WORDS, REQUEST_STATUS_WORDS } from "./status-words.ts";
import { matchTransitions, requestTransitions } from "./transitions.ts";

/** The consent window: the State may object to circulation for this many working days after acknowledgement. */
export const CONSENT_WINDOW_WORKING_DAYS = 5;

/**
 * A request as a refusal names it mid-sentence (`capitalized` starts one with it): by its symbol, which the desk knows
 * it by, and its State's name where the caller read it ("assistance request S/AC.44/2026/3 of Gambia"); never by id.
 */
export const requestNamed = (request: Pick<AssistanceRequest, "symbol">, stateName?: string): string =>
  `assistance request ${request.symbol}${stateName ? ` of ${stateName}` : ""}`;

/** IllegalTransition with the moves' codes in `allowed` (for programs) and its sentence in the desk's words. */
function illegalMove(
  named: string,
  from: string,
  to: string,
  allowed: readonly string[],
  words: { status: string; to: string; allowed: readonly string[] },
): IllegalTransition {
  const refusal = new IllegalTransition(named, from, to, allowed);
  refusal.message = illegalMoveWords(named, words.status, words.to, words.allowed);
  return refusal;
}

/** `named`: the request in words (`requestNamed`). */
export function assertRequestTransition(named: string, from: RequestStatus, to: RequestStatus): void {
  const allowed = requestTransitions[from];
  if (allowed.includes(to)) return;
  throw illegalMove(named, from, to, allowed, {
    status: REQUEST_STATUS_WORDS[from],
    to: MOVED_WORDS[to],
    allowed: allowed.map((status) => MOVED_WORDS[status]),
  });
}

/** `named`: the match in words, by its offer and request (matches.ts). */
export function assertMatchTransition(named: string, from: MatchStatus, to: MatchStatus): void {
  const allowed = matchTransitions[from];
  if (allowed.includes(to)) return;
  throw illegalMove(named, from, to, allowed, {
    status: MATCH_STATUS_WORDS[from],
    to: MATCH_STATUS_WORDS[to],
    allowed: allowed.map((status) => MATCH_STATUS_WORDS[status]),
  });
}

/** A match that binds a provider: accepted, or already delivered. */
export const isBinding = (match: Pick<AssistanceMatch, "status">) =>
  match.status === "accepted" || match.status === "delivered";

/** The day a match was accepted, from its history. */
const acceptanceDay = (match: Pick<AssistanceMatch, "history">) =>
  match.history.find((move) => move.to === "accepted")?.on;

/** The day the State consented to circulation: recorded later, or with the request itself. */
const consentedOn = (request: AssistanceRequest) =>
  request.consentedToCirculation ? (request.consentedOn ?? request.receivedOn) : undefined;

/** A consent window as counted: its last day, and the holiday lists it skipped or found missing. */
export type ConsentWindowCount = Required<Pick<AssistanceRequest, "consentWindowClosesOn" | "consentWindowCounted">>;

/**
 * Counts the consent window of an acknowledgement on the given day, from the UN Headquarters holidays on record
 * (consent-window.ts builds it from the store; a type here, so that the console compiles this module without it).
 */
export type WorkingCalendar = (acknowledgedOn: string) => ConsentWindowCount;

interface MoveFields {
  on: string;
  note?: string | undefined;
  /** When the move is recorded (the clock's now). */
  at: string;
  by: Actor;
}

/** One move; an acknowledgement comes with the calendar its consent window is counted with. */
export type MoveInput = MoveFields &
  ({ to: "acknowledged"; calendar: WorkingCalendar } | { to: Exclude<RequestStatus, "acknowledged"> });

/** The move to `to`, whichever it is: an acknowledgement takes `calendar`, any other move leaves it. */
export const moveTo = (to: RequestStatus, fields: MoveFields, calendar: WorkingCalendar): MoveInput =>
  to === "acknowledged" ? { ...fields, to, calendar } : { ...fields, to };

/** The day a move happened must be real: not after today, not before the request or its previous move. */
export function checkMoveDate(
  request: { receivedOn: string; history: readonly { on: string }[] },
  on: string,
  today: string,
): void {
  checkDayOfMove(on, { today, previous: request.history.at(-1)?.on ?? request.receivedOn });
}

/**
 * Why a legal move is refused on the day `on`, as data (the console words it, moveRequest throws it): circulation
 * inside the consent window without the State's consent by that day; matched before its first binding match was
 * accepted, or with none; back to circulated while a match still binds.
 */
export type MoveRefusal =
  | { kind: "consent-window"; closesOn: string; consentedOn?: string | undefined }
  | { kind: "no-accepted-match" }
  | { kind: "accepted-later"; acceptedOn: string }
  | { kind: "still-bound" };

/** The guards of a legal move (its legality is assertRequestTransition's): undefined when they hold. */
export function moveRefusal(
  request: AssistanceRequest,
  to: RequestStatus,
  on: string,
  matches: readonly Pick<AssistanceMatch, "status" | "history">[],
): MoveRefusal | undefined {
  const from = request.status;
  if (to === "circulated" && from === "consent-window") {
    const closesOn = request.consentWindowClosesOn;
    const consent = consentedOn(request);
    if (!closesOn || on > closesOn || (consent && consent <= on)) return undefined;
    return { kind: "consent-window", closesOn, consentedOn: consent };
  }
  if (to === "matched") {
    // A request is matched from the day its first binding match was accepted (one with no dated acceptance: any day).
    const acceptedOn = matches
      .filter(isBinding)
      .map((match) => acceptanceDay(match) ?? on)
      .sort()[0];
    if (!acceptedOn) return { kind: "no-accepted-match" };
    if (acceptedOn > on) return { kind: "accepted-later", acceptedOn };
  }
  if (to === "circulated" && from === "matched" && matches.some(isBinding)) return { kind: "still-bound" };
  return undefined;
}

/**
 * How the window was counted, as the refusal's parenthesis goes on: the circulars whose holidays it skipped, the years
 * it counted weekends only; nothing for a request acknowledged before holidays were counted.
 */
function countedWords(counted: AssistanceRequest["consentWindowCounted"]): string {
  if (!counted) return "";
  const skipping = `skipping the UN Headquarters holidays of ${listed(counted.holidaysFrom)}`;
  const years = listed(counted.yearsNotOnRecord.map(String));
  if (counted.yearsNotOnRecord.length === 0) return `, ${skipping}`;
  if (counted.holidaysFrom.length === 0)
    return `, weekends only: the ${years} UN Headquarters holidays were not on record`;
  return `, ${skipping}, and weekends only in ${years}, whose UN Headquarters holidays were not on record`;
}

/** The API's 409 for a refused move, naming the days that decide it. */
function refusalConflict(request: AssistanceRequest, named: string, on: string, refusal: MoveRefusal): Conflict {
  switch (refusal.kind) {
    case "consent-window": {
      const { closesOn, consentedOn: consent } = refusal;
      const window =
        `the State's consent window closes at the end of ${closesOn} (${CONSENT_WINDOW_WORKING_DAYS} working days ` +
        `after acknowledgement on ${request.acknowledgedOn}${countedWords(request.consentWindowCounted)})`;
      return new Conflict(
        consent
          ? `${capitalized(named)} cannot be circulated on ${on}: the State consented to circulation only on ` +
              `${consent}, and ${window}. Circulate it on or after ${consent}`
          : `${capitalized(named)} cannot be circulated on ${on}: ${window}. ` +
              `Circulate it after ${closesOn}, or record that the State consented to circulation`,
        { consentWindowClosesOn: closesOn, ...(consent ? { consentedOn: consent } : {}) },
      );
    }
    case "no-accepted-match":
      return new Conflict(`${capitalized(named)} has no accepted match; accept a match to make it matched`);
    case "accepted-later":
      return new Conflict(
        `${capitalized(named)} cannot be matched on ${on}: its first accepted match was accepted only on ` +
          `${refusal.acceptedOn}. Date the move on or after ${refusal.acceptedOn}`,
        { acceptedOn: refusal.acceptedOn },
      );
    case "still-bound":
      return new Conflict(`${capitalized(named)} still has an accepted match; decline it to return to matchmaking`);
  }
}

/**
 * Applies one move to a request: checks it is legal and that its guards hold, and sets the dates it implies.
 * `matches` are the request's matches as stored (their statuses guard the moves into and out of `matched`); `named`,
 * the request as a refusal names it.
 */
export function moveRequest(
  request: AssistanceRequest,
  move: MoveInput,
  matches: readonly Pick<AssistanceMatch, "status" | "history">[],
  named: string = requestNamed(request),
): AssistanceRequest {
  const { status: from } = request;
  const { to, on } = move;
  assertRequestTransition(named, from, to);
  const refusal = moveRefusal(request, to, on, matches);
  if (refusal) throw refusalConflict(request, named, on, refusal);

  const record: RequestTransitionRecord = {
    from,
    to,
    on,
    at: move.at,
    by: move.by,
    ...(move.note ? { note: move.note } : {}),
  };
  const next: AssistanceRequest = { ...request, status: to, history: [...request.history, record], updatedAt: move.at };
  if (move.to === "acknowledged") Object.assign(next, { acknowledgedOn: on, ...move.calendar(on) });
  // A request back from matched keeps its first circulation: the follow-up counts from when providers first saw it.
  if (to === "circulated" && !request.circulatedOn) {
    next.circulatedOn = on;
    next.followUpDueOn = addYears(on, 1);
  }
  if (to === "fulfilled" || to === "withdrawn" || to === "closed-unmet") next.closedOn = on;
  return next;
}

/** Consent to circulation can be recorded while the request has not been circulated: afterwards it is moot. */
export const consentableStatuses: readonly RequestStatus[] = ["received", "acknowledged", "consent-window"];

/**
 * The request once the State's consent, received on `on`, is recorded by `by` at `at`; refused after circulation or
 * twice.
 */
export function withConsent(request: AssistanceRequest, on: string, at: string, by: Actor): AssistanceRequest {
  if (request.consentedToCirculation) {
    throw new Conflict(`${capitalized(requestNamed(request))} already has the State's consent to circulation`, {
      consentedOn: request.consentedOn,
    });
  }
  if (!consentableStatuses.includes(request.status)) {
    throw new Conflict(
      `${capitalized(requestNamed(request))} is ${REQUEST_STATUS_WORDS[request.status]}: consent to circulation can be recorded ` +
        `only before circulation (while it is ${listed(
          consentableStatuses.map((status) => REQUEST_STATUS_WORDS[status]),
          "or",
        )})`,
      { status: request.status },
    );
  }
  if (on < request.receivedOn) {
    throw new Invalid("The day of the consent is not possible", [
      { path: "body.on", message: `is before the request was received on ${request.receivedOn}` },
    ]);
  }
  return { ...request, consentedToCirculation: true, consentedOn: on, consentRecorded: { at, by }, updatedAt: at };
}
