// What the diff page says before its figures, as the snapshot's report does: that the earlier quarter's snapshot was
// computed after the later one's (the changes then mix two moments of computation), and which figures describe the
// records when each snapshot was computed rather than at its quarter's end. Pure, tested in Node.
import { asOfComputationWords } from "../../../shared/snapshots/as-of-computation-words.ts";
import { computedLaterWords } from "../../../shared/snapshots/computed-later-words.ts";
import type { components } from "../api/schema";
import { minuteOf } from "./snapshot-words.ts";

type Snapshot = components["schemas"]["Snapshot"];

/** What the notices read of each quarter's snapshot. */
export type DiffSide = Pick<Snapshot, "period" | "periodEnd" | "computedAt" | "asOfComputation">;

/**
 * The earlier quarter's snapshot computed after the later one's (taken later, on demand; ADR 0011), whichever way
 * the page compares them: what was recorded between the two computations counts in the earlier quarter only.
 */
export function computedLaterNotice(a: DiffSide, b: DiffSide): string | undefined {
  const [earlier, later] = a.period <= b.period ? [a, b] : [b, a];
  return earlier.computedAt > later.computedAt ? computedLaterWords(earlier, later) : undefined;
}

const sideWords = (side: DiffSide) => `${side.period} (ended ${side.periodEnd}, computed ${minuteOf(side.computedAt)})`;

/**
 * The groups the quarters' snapshots describe as they stood when each was computed, not at the quarter's end: the
 * desk keeps no history of them (a contact imported from a file, a message's status), so a letter that bounced after
 * the quarter counts in it. Quarters that name the same groups share one notice; none for a snapshot that names none.
 */
export function asOfComputationNotices(sides: readonly DiffSide[]): string[] {
  // The quarters by their groups in words ("" for none).
  const byGroups = new Map<string, DiffSide[]>();
  for (const side of sides) {
    const groups = asOfComputationWords(side.asOfComputation);
    if (groups) byGroups.set(groups, [...(byGroups.get(groups) ?? []), side]);
  }
  return [...byGroups].map(
    ([groups, alike]) =>
      `In ${alike.map(sideWords).join(" and ")}, the ${groups} ` +
      "describe the records when the snapshot was computed, not at the quarter's end: no history of them is kept, so " +
      "what was recorded since, a letter that bounced for one, counts in it.",
  );
}

/** Every notice on two quarters, the order of computation first: the one that qualifies every change. */
export function diffNotices(a: DiffSide, b: DiffSide): string[] {
  const computedLater = computedLaterNotice(a, b);
  return [...(computedLater ? [computedLater] : []), ...asOfComputationNotices([a, b])];
}
