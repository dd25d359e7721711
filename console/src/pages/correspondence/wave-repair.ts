// When a wave's page offers the secretariat's two repairs, and what it says of them, from what the API answers:
// a letter left unknown is sent again once its event window (the API's `eventWindowEndsAt`) has closed and before its
// not-after deadline, even of a halted wave (the halt stops the wave's own sending, not this deliberate act); a wave
// is dispatched again while dispatching, or scheduled past its send time. The API decides (409 otherwise); these say
// beforehand what it will say. Pure, tested in Node.
import { tooLateToDispatch } from "../../../../shared/waves/firing-soon.ts";
import { wholeMinuteUp } from "../../../../shared/waves/resend-window.ts";
import type { components } from "../../api/schema";
import { utcText } from "./time.ts";

type Schemas = components["schemas"];
type WaveMessage = Schemas["WaveMessage"];
type Wave = Schemas["Wave"];

/**
 * From when an unknown letter may be sent again, as staff read it: the end of its event window rounded up to its
 * minute, as the API's refusal says it, so that no minute named is one at which the API still refuses.
 */
export const windowEndText = (eventWindowEndsAt: string): string => utcText(wholeMinuteUp(eventWindowEndsAt));

/** Whether the API would send the unknown letter again at `now`, and why in words. */
export function resendOutlook(
  message: Pick<WaveMessage, "eventWindowEndsAt" | "notAfter">,
  now: Date,
): { allowed: boolean; words: string } {
  if (now >= new Date(message.notAfter)) {
    return {
      allowed: false,
      words: `The wave's not-after deadline (${utcText(message.notAfter)}) has passed: no letter of it goes out now.`,
    };
  }
  const windowEnd = message.eventWindowEndsAt;
  if (windowEnd && now < new Date(windowEnd)) {
    return {
      allowed: false,
      words:
        `SES may still report what became of it until ${windowEndText(windowEnd)} (its event window): until then it is ` +
        "not sent again, so that nobody gets it twice.",
    };
  }
  return {
    allowed: true,
    words:
      `No SES event can settle it any more${windowEnd ? ` (its event window closed at ${windowEndText(windowEnd)})` : ""}. ` +
      `It is queued again and goes out within three minutes, before the wave's not-after deadline ` +
      `(${utcText(message.notAfter)}).`,
  };
}

/** Whether the wave is due a dispatch at `now`: dispatching, or scheduled and its send time passed. */
export const dueDispatch = (wave: Pick<Wave, "status" | "sendInstant">, now: Date): boolean =>
  wave.status === "dispatching" || (wave.status === "scheduled" && new Date(wave.sendInstant) <= now);

/**
 * Whether the API would dispatch the wave again at `now`: due a dispatch, and one asked for now would still run before
 * its not-after deadline (after it, every letter would expire unsent: audit 35, bug 6).
 */
export function mayDispatchAgain(wave: Pick<Wave, "status" | "sendInstant" | "notAfter">, now: Date): boolean {
  return dueDispatch(wave, now) && !tooLateToDispatch(wave.notAfter, now);
}

/** What the page's "Dispatch again" part shows of the wave as the page last read it. */
export type DispatchAgainShown = "offer" | "too-late" | "refusal" | "nothing";

/**
 * The offer while the API would dispatch the wave again; "too late" while it is due one too late to send; once it has
 * moved on (completed meanwhile, as the page reads it after a press or on its refresh), only the refusal a press met,
 * which says why nothing happened (`refused`), else nothing: no button is left that the API would refuse (audit 35,
 * item 11).
 */
export function dispatchAgainShown(
  wave: Pick<Wave, "status" | "sendInstant" | "notAfter">,
  now: Date,
  refused: boolean,
): DispatchAgainShown {
  if (mayDispatchAgain(wave, now)) return "offer";
  if (dueDispatch(wave, now)) return "too-late";
  return refused ? "refusal" : "nothing";
}

/** Why a wave due a dispatch is not offered one: too late, and what to do instead. */
export const tooLateWords = (wave: Pick<Wave, "status" | "notAfter">): string =>
  `Too late to dispatch: its letters may leave until ${utcText(wave.notAfter)}, and a dispatch asked for now would ` +
  `expire them all unsent. To write to its recipients, ${wave.status === "scheduled" ? "cancel it and " : ""}create a ` +
  "new wave.";
