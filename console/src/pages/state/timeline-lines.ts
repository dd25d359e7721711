// The timeline's lines: one per act. A contact's write that moves the State's point-of-contact obligation is two
// audit entries in one transaction (the contact's and the obligation's, each carrying the write's reason); the
// officer reads it once, the obligation's move said as its consequence, without the reason again. The audit trail
// keeps both entries. Pure, tested in Node (test/unit/console-timeline-lines.test.ts).
import type { components } from "../../api/schema";

type TimelineEntry = components["schemas"]["TimelineEntry"];

export interface TimelineLine {
  entry: TimelineEntry;
  /** The point-of-contact obligation's entry of the same write, said after the contact's. */
  consequence?: TimelineEntry;
}

const isObligationMove = (entry: TimelineEntry) => entry.action === "obligation.point-of-contact";

/** Entries of one write: the same request or SES event (its correlation id), by the same actor. */
const sameWrite = (a: TimelineEntry, b: TimelineEntry) =>
  a.correlationId !== undefined &&
  a.correlationId === b.correlationId &&
  a.actor.kind === b.actor.kind &&
  a.actor.id === b.actor.id;

/**
 * The entries, in their order, with each obligation's entry folded into the contact's entry of the same write. An
 * obligation moved alone (the daily refresh), or whose contact's entry is not read yet (on an older page), keeps its
 * own line.
 */
export function timelineLines(entries: readonly TimelineEntry[]): TimelineLine[] {
  const folded = new Map<TimelineEntry, TimelineEntry>();
  for (const obligation of entries.filter(isObligationMove)) {
    const contact = entries.find(
      (entry) => entry.kind === "contact" && !folded.has(entry) && sameWrite(entry, obligation),
    );
    if (contact) folded.set(contact, obligation);
  }
  const consequences = new Set(folded.values());
  return entries
    .filter((entry) => !consequences.has(entry))
    .map((entry) => {
      const consequence = folded.get(entry);
      return consequence ? { entry, consequence } : { entry };
    });
}
