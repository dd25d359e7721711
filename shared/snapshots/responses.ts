// Response tracking: which States a letter reached in the quarter, and whether (and how soon) they then sent the
// submission the letter asks for.

import type * as z from "zod";
import { daysBetween } from "../assistance/dates.ts";
import type { MessageStatus } from "../correspondence/schemas.ts";
import type { SubmissionKind } from "../reporting/schemas.ts";
import type { letterKindSchema } from "../templates/schemas.ts";
import { deskDay } from "../zoned-time.ts";
import type { Quarter } from "./period.ts";
import { dayIsIn } from "./period.ts";
import type { ResponseRow, Snapshot } from "./schemas.ts";
import type { MessageFact, SubmissionFact } from "./source.ts";

type LetterKind = z.infer<typeof letterKindSchema>;

/**
 * The submissions each letter asks for. A point-of-contact update is answered by a contact's verification, an
 * offer update by the offer, an invitation to a briefing by attending: none is a submission, so those letters are
 * counted as not tracked. An assistance follow-up is answered through the request, not by a submission.
 */
export const LETTER_ASKS: Readonly<Record<LetterKind, readonly SubmissionKind[]>> = {
  "first-report-request": ["first-report"],
  "resolution-2663-letter": ["additional-information", "action-plan"],
  "effective-practices-invitation": ["effective-practices"],
  "point-of-contact-update": [],
  "provider-offer-update": [],
  "open-briefing-invitation": [],
  "assistance-follow-up": [],
  "outreach-letter": [],
  other: [],
};

/** A letter reached its recipient: SES took it and nothing bounced (a complaint means it arrived). */
const REACHED: readonly MessageStatus[] = ["sent", "delivered", "complained"];

export interface WaveLetters {
  waveId: string;
  letterKind: LetterKind | null;
  sendInstant: string;
  messages: readonly MessageFact[];
}

const STATE_OWNER = /^STATE:([A-Z]{3})$/;

function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (!sorted.length) return null;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

interface Letter {
  iso3: string;
  letterKind: LetterKind;
  waveId: string;
  sentOn: string;
}

/** One letter per State and letter kind: the first of that kind that reached the State in the quarter. */
function lettersOf(quarter: Quarter, waves: readonly WaveLetters[]): Letter[] {
  const first = new Map<string, Letter>();
  for (const wave of waves) {
    if (!wave.letterKind) continue;
    for (const message of wave.messages) {
      const iso3 = STATE_OWNER.exec(message.owner)?.[1];
      if (!iso3 || !REACHED.includes(message.status)) continue;
      const sentOn = deskDay(message.sentAt ?? wave.sendInstant);
      if (!dayIsIn(sentOn, quarter)) continue;
      const key = `${iso3}#${wave.letterKind}`;
      const seen = first.get(key);
      if (!seen || sentOn < seen.sentOn || (sentOn === seen.sentOn && wave.waveId < seen.waveId)) {
        first.set(key, { iso3, letterKind: wave.letterKind, waveId: wave.waveId, sentOn });
      }
    }
  }
  return [...first.values()].sort((a, b) => a.iso3.localeCompare(b.iso3) || a.letterKind.localeCompare(b.letterKind));
}

/** The States whose submissions response tracking needs: those a letter asking for a submission reached. */
export function statesToTrack(quarter: Quarter, waves: readonly WaveLetters[]): string[] {
  const letters = lettersOf(quarter, waves).filter((letter) => LETTER_ASKS[letter.letterKind].length);
  return [...new Set(letters.map((letter) => letter.iso3))];
}

/** Each letter is answered by the first submission of a kind it asks for received on or after the day it was sent. */
export function trackResponses(
  quarter: Quarter,
  waves: readonly WaveLetters[],
  submissions: readonly SubmissionFact[],
): Snapshot["responses"] {
  const letters = lettersOf(quarter, waves);
  const byState = new Map<string, SubmissionFact[]>();
  for (const submission of submissions) {
    byState.set(submission.iso3, [...(byState.get(submission.iso3) ?? []), submission]);
  }
  const rows: ResponseRow[] = letters.flatMap(({ iso3, letterKind, waveId, sentOn }) => {
    const asks = LETTER_ASKS[letterKind];
    if (!asks.length) return [];
    const answer = (byState.get(iso3) ?? [])
      .filter((submission) => asks.includes(submission.kind) && submission.receivedOn >= sentOn)
      .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn))[0];
    return [
      {
        iso3,
        letterKind,
        waveId,
        sentOn,
        asks: [...asks],
        ...(answer
          ? {
              respondedOn: answer.receivedOn,
              submissionKind: answer.kind,
              days: daysBetween(sentOn, answer.receivedOn),
            }
          : {}),
      },
    ];
  });

  const responded = rows.filter((row) => row.respondedOn !== undefined);
  const respondedStates = new Set(responded.map((row) => row.iso3));
  const kinds = Object.keys(LETTER_ASKS) as LetterKind[];
  return {
    letters: letters.length,
    tracked: rows.length,
    notTracked: letters.length - rows.length,
    responded: responded.length,
    notResponded: rows.length - responded.length,
    medianDays: median(responded.map((row) => row.days ?? 0)),
    byLetterKind: kinds.map((letterKind) => ({
      letterKind,
      asks: [...LETTER_ASKS[letterKind]],
      letters: letters.filter((letter) => letter.letterKind === letterKind).length,
      responded: responded.filter((row) => row.letterKind === letterKind).length,
    })),
    respondedStates: [...respondedStates].sort(),
    notRespondedStates: [...new Set(rows.map((row) => row.iso3))].filter((iso3) => !respondedStates.has(iso3)).sort(),
    rows,
  };
}
