// When a request's one-year follow-up letter counts as written: derived from the State's letters in the send ledger,
// so sending the letter records nothing more. One rule for the follow-up audience, its letters and the report.

import { eachLimited } from "../concurrency.ts";
import type { MessageStatus } from "../correspondence/schemas.ts";
import type { Template } from "../templates/schemas.ts";
import { hasLeft } from "../waves/rest-of-letters.ts";
import type { AssistanceRequest } from "./schemas.ts";

type LetterKind = Template["kind"];

/** One of a State's letters: its wave's template kind, where it stands, and its date (the New York day written). */
export interface StateLetter {
  kind: LetterKind | undefined;
  status: MessageStatus;
  on: string;
}

/**
 * A State's letters that may be a follow-up written on or after `since` (the earliest day one of its follow-ups fell
 * due): those that left that day or later, oldest first. An earlier letter, or one that never left, counts for none.
 */
export type StateLettersOf = (iso3: string, since: string) => Promise<readonly StateLetter[]>;

const FOLLOW_UP_KIND: LetterKind = "assistance-follow-up";

/** Whether a letter left: sent, delivered or reported as spam (shared/waves/rest-of-letters.ts says why). */
export { hasLeft };

/**
 * The day the request's follow-up letter went: the first follow-up letter to its State that left, dated on or after
 * the day the follow-up fell due. An earlier follow-up letter answered another request's year, not this one's.
 */
export function followedUpOn(
  request: Pick<AssistanceRequest, "followUpDueOn">,
  letters: readonly StateLetter[],
): string | undefined {
  const dueOn = request.followUpDueOn;
  if (!dueOn) return undefined;
  return letters
    .filter((letter) => letter.kind === FOLLOW_UP_KIND && hasLeft(letter.status) && letter.on >= dueOn)
    .map((letter) => letter.on)
    .sort()[0];
}

/** Whether the request's follow-up letter is owed on `day`: due by then and not written. */
export const followUpOwed = (
  request: Pick<AssistanceRequest, "followUpDueOn">,
  day: string,
  letters: readonly StateLetter[],
): boolean => request.followUpDueOn !== undefined && request.followUpDueOn <= day && !followedUpOn(request, letters);

/** States read a few at a time: each is one Query, and the kinds of its letters a read or two each. */
const STATE_CONCURRENCY = 8;

/**
 * The letters of every State with a request whose follow-up fell due by `day`, each read from the earliest such due
 * day: a request not yet due cannot have been followed up, nor by a letter written before its due day.
 */
export async function lettersOfStatesDue(
  requests: readonly Pick<AssistanceRequest, "iso3" | "followUpDueOn">[],
  day: string,
  lettersOf: StateLettersOf,
): Promise<Map<string, readonly StateLetter[]>> {
  const since = new Map<string, string>();
  for (const { iso3, followUpDueOn: dueOn } of requests) {
    const earliest = since.get(iso3);
    if (dueOn !== undefined && dueOn <= day && (earliest === undefined || dueOn < earliest)) since.set(iso3, dueOn);
  }
  const letters = new Map<string, readonly StateLetter[]>();
  const states = [...since].sort(([a], [b]) => a.localeCompare(b));
  await eachLimited(states, STATE_CONCURRENCY, async ([iso3, from]) => {
    letters.set(iso3, await lettersOf(iso3, from));
  });
  return letters;
}

/**
 * The pending requests whose follow-up is owed on `day`, by State (in code order), each State's oldest first.
 * Only the States with a request due are read.
 */
export async function followUpsOwedBy(
  pending: readonly AssistanceRequest[],
  day: string,
  lettersOf: StateLettersOf,
): Promise<Map<string, AssistanceRequest[]>> {
  const letters = await lettersOfStatesDue(pending, day, lettersOf);
  const owed = new Map<string, AssistanceRequest[]>();
  for (const [iso3, ofState] of [...letters].sort(([a], [b]) => a.localeCompare(b))) {
    const requests = pending
      .filter((request) => request.iso3 === iso3 && followUpOwed(request, day, ofState))
      .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.id.localeCompare(b.id));
    if (requests.length) owed.set(iso3, requests);
  }
  return owed;
}
