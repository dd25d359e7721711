// Where a request stands, as its page says it: the consent window only while it can still matter, the matchmaking its
// status allows, and its history with the State's consent among the moves (the API keeps the consent in fields of its
// own, not in `history`). Pure (types only from the generated schema), tested in Node.
import { daysBetween } from "../../../shared/assistance/dates.ts";
import { isOpenToMatches } from "../../../shared/assistance/match-open.ts";
import type { components } from "../api/schema";
import { counted } from "../ui/counted.ts";
import { andList } from "../ui/word-list.ts";
import { REQUEST_STATUS_WORDS } from "./assistance-words.ts";

type Schemas = components["schemas"];
type AssistanceRequest = Schemas["AssistanceRequest"];
type RequestStatus = AssistanceRequest["status"];
type RequestMove = Schemas["AssistanceRequestMove"];

type ConsentFacts = Pick<
  AssistanceRequest,
  "status" | "consentWindowClosesOn" | "consentedToCirculation" | "consentedOn" | "receivedOn"
>;

/**
 * The consent window's standing after "consent window:", or nothing where it says nothing of use. The window's last
 * day is set at acknowledgement; it holds circulation back only while the request is in it, so an acknowledged request
 * is told when it would close (while that is still to come), and a request past it is told nothing.
 */
export function consentWindowWords(request: ConsentFacts, today: string): string {
  const { status, consentWindowClosesOn: closesOn } = request;
  if (request.consentedToCirculation) {
    return request.consentedOn
      ? `the State consented on ${request.consentedOn}`
      : "the State consented with its request";
  }
  if (!closesOn) return "";
  const left = daysBetween(today, closesOn);
  if (status === "consent-window")
    return left >= 0 ? `${counted(left, "day")} left (closes ${closesOn})` : `closed ${closesOn}`;
  return status === "acknowledged" && left >= 0 ? `would close on ${closesOn}` : "";
}

/** A part of the count's words: text, the circulars skipped, or a year not on record, which the page links. */
export type CountedPart = { text: string } | { circulars: string } | { yearNotOnRecord: number };

/**
 * How the window was counted, after its closing day, while the window's words say one (nothing without the API's
 * count): "skipping the UN Headquarters holidays of ST/IC/2025/23", or "weekends only: the 2026 UN Headquarters
 * holidays were not on record"; a window over two years may say both.
 */
export function windowCountedParts(
  request: ConsentFacts & Pick<AssistanceRequest, "consentWindowCounted">,
  today: string,
): CountedPart[] {
  const count = request.consentWindowCounted;
  if (!count || request.consentedToCirculation || consentWindowWords(request, today) === "") return [];
  const parts: CountedPart[] = [];
  if (count.holidaysFrom.length > 0) {
    parts.push({ text: "skipping the UN Headquarters holidays of " }, { circulars: andList(count.holidaysFrom) });
  }
  if (count.yearsNotOnRecord.length > 0) {
    if (parts.length > 0) parts.push({ text: "; " });
    parts.push({ text: "weekends only: the " });
    count.yearsNotOnRecord.forEach((year, at) => {
      if (at > 0) parts.push({ text: at === count.yearsNotOnRecord.length - 1 ? " and " : ", " });
      parts.push({ yearNotOnRecord: year });
    });
    parts.push({ text: " UN Headquarters holidays were not on record" });
  }
  return parts;
}

/** The count's words as one line, each year as its link reads. */
export const countedInWords = (parts: readonly CountedPart[]): string =>
  parts
    .map((part) => ("text" in part ? part.text : "circulars" in part ? part.circulars : String(part.yearNotOnRecord)))
    .join("");

/** The statuses that end a request: offers are matched to it no more. */
type EndedStatus = "fulfilled" | "withdrawn" | "closed-unmet";

const MATCHMAKING_ENDED = {
  fulfilled: "The request is fulfilled: its matchmaking is over, so no offers are ranked for it.",
  withdrawn: "The State withdrew the request: no offer will be matched to it, so none is ranked for it.",
  "closed-unmet": "The request was closed unmet: no offer will be matched to it, so none is ranked for it.",
} as const satisfies Record<EndedStatus, string>;

const hasEnded = (status: RequestStatus): status is EndedStatus => Object.hasOwn(MATCHMAKING_ENDED, status);

/** Whether the page ranks candidate offers for the request, and what it says of its matchmaking. */
export interface Matchmaking {
  ranked: boolean;
  words: string | undefined;
}

/**
 * Circulated to in progress, offers are matched (shared/assistance/match-open.ts); before circulation the ranking is a
 * preview; an ended request ranks none.
 */
export function matchmakingOf(status: RequestStatus): Matchmaking {
  if (isOpenToMatches(status)) return { ranked: true, words: undefined };
  if (hasEnded(status)) return { ranked: false, words: MATCHMAKING_ENDED[status] };
  return {
    ranked: true,
    words: `Offers are matched once the request is circulated (it is ${REQUEST_STATUS_WORDS[status]}).`,
  };
}

/** One line of a request's history: a move, or the State's consent (with the request itself, or received later). */
export type HistoryEntry =
  | { kind: "move"; on: string; move: RequestMove }
  | { kind: "consent"; on: string; withRequest: boolean };

/**
 * The moves and the consent, by day. The consent goes before the moves of its day: circulation on a day needs the
 * consent by that day, and the API keeps no hour for it.
 */
export function requestHistory(
  request: Pick<AssistanceRequest, "history" | "consentedToCirculation" | "consentedOn" | "receivedOn">,
): HistoryEntry[] {
  const moves: HistoryEntry[] = request.history.map((move) => ({ kind: "move", on: move.on, move }));
  if (!request.consentedToCirculation) return moves;
  const consent: HistoryEntry = {
    kind: "consent",
    on: request.consentedOn ?? request.receivedOn,
    withRequest: request.consentedOn === undefined,
  };
  const before = moves.filter((entry) => entry.on < consent.on);
  return [...before, consent, ...moves.slice(before.length)];
}

/** The consent as its history line says it. */
export const consentInHistory = (withRequest: boolean): string =>
  withRequest
    ? "The State's consent to circulation, given with the request"
    : "The State's consent to circulation received";
