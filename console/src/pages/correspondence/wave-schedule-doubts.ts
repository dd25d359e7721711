// Why scheduling a wave asks first: what its page cautions about the people it writes to. Other waves send the same
// letter to the same audience (the API's sameLetter: their recipients have it, or will), and the template's letters
// are not written to the wave's audience (the composer's own caution, audience-fit.ts). Pure, tested in Node.
import { listed } from "../../../../shared/listed.ts";
import type { components } from "../../api/schema";
import { counted } from "../../ui/counted.ts";
import { audienceCaution } from "./audience-fit.ts";
import { utcText } from "./time.ts";
import type { Audience, WaveStatus } from "./wave-facts.ts";

type Template = components["schemas"]["Template"];
export type SameLetterWave = components["schemas"]["AudiencePreview"]["sameLetter"][number];

/** The question asked before scheduling a wave its page cautions about, and its answers. */
export const SCHEDULE_QUESTION = {
  question: "Schedule this wave all the same?",
  yes: "Yes, schedule it all the same",
  no: "Keep it a draft",
} as const;

const SAME_LETTER_WHEN: Partial<Record<WaveStatus, string>> = {
  scheduled: "scheduled, sends",
  dispatching: "sending since",
  completed: "sent",
};

/**
 * When another wave of the same letter sends, or sent: "scheduled, sends 2026-12-06 11:58 UTC"; a halted one, how many
 * letters it sent first ("halted after sending 60 letters, 2026-12-06 16:49 UTC").
 */
export function sameLetterWhen(wave: SameLetterWave): string {
  if (wave.status === "halted" && wave.lettersWritten) {
    return `halted after sending ${counted(wave.lettersWritten, "letter")}, ${utcText(wave.sendInstant)}`;
  }
  return `${SAME_LETTER_WHEN[wave.status] ?? wave.status} ${utcText(wave.sendInstant)}`;
}

/** A wave as staff name it: its description, else (none given) its id. */
export const waveName = (wave: Pick<SameLetterWave, "id" | "description">): string => wave.description ?? wave.id;

/** What the wave's page cautions about the wave's recipients, as it reads now. */
export interface ScheduleFacts {
  sameLetter: readonly SameLetterWave[];
  /** The wave's template, when read (its kind says whom its letters are written to). */
  template: Pick<Template, "id" | "kind"> | undefined;
  audience: Audience;
}

/**
 * The follow-up audience writes to each State owed its follow-up once, whichever wave dispatches first (ADR 0059); to
 * any other audience a second wave of the letter writes again.
 */
const writesOnce = (audience: Audience) => audience === "states-with-follow-up-due";

/** What the other waves of the same letter mean for this wave's recipients. */
export const sameLetterConsequence = (audience: Audience): string =>
  writesOnce(audience)
    ? "Each State owed its follow-up gets one letter: whichever wave dispatches first writes to it, and the other " +
      "leaves it out."
    : "Their recipients have it, or will: this wave writes to them again.";

/** Each caution that stands against scheduling, in words, naming the other waves; none: schedule without asking. */
export function scheduleDoubts({ sameLetter, template, audience }: ScheduleFacts): string[] {
  const caution = template ? audienceCaution(template, audience) : undefined;
  const others = sameLetter.map((wave) => `“${waveName(wave)}” (${sameLetterWhen(wave)})`);
  const inOthers = others.length === 1 ? "another wave" : `${others.length} other waves`;
  return [
    ...(others.length > 0 && !writesOnce(audience)
      ? [`This letter also goes to this audience in ${inOthers}: ${listed(others)}. ${sameLetterConsequence(audience)}`]
      : []),
    ...(caution ? [caution] : []),
  ];
}
