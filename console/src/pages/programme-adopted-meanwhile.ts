// What the programme page says when its adoption meets a year a colleague adopted since the page read it (the API's
// 409): who adopted it and when, from the year's audit trail, instead of the lifecycle's "cannot go from adopted to
// adopted". Pure, tested in Node.
import type { components } from "../api/schema";
import { actorWords } from "./audit-trail-words.ts";
import { utcText } from "./correspondence/time.ts";

type AuditEntry = components["schemas"]["AuditEntry"];

/**
 * The year's audit entity, as the API names it in the trail's `entity` filter (shared/programme/keys.ts, which the
 * console cannot import: its types reach modules that read files; a unit test holds the two together).
 */
export const programmeYearTrailEntity = (year: number) => `programme:${year}`;

/** The statement after the 409, with the year's entries (newest first; none when unread). */
export function adoptedMeanwhileWords(year: number, trail: readonly AuditEntry[]): string {
  const adoption = trail.find((entry) => entry.action === "programme.adopt");
  if (!adoption) return `The ${year} programme was adopted already: it is the Committee's programme of work.`;
  return (
    `The ${year} programme was adopted by ${actorWords(adoption.actor)} at ${utcText(adoption.at)}, ` +
    "after this page read it: it is the Committee's programme of work."
  );
}
