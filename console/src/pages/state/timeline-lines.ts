// The timeline's lines: one per act. A contact's write that moves the State's point-of-contact obligation is two
// audit entries in one transaction (the contact's and the obligation's, each carrying the write's reason); the
// officer reads it once, the obligation's move said as its consequence, without the reason again. The audit trail
// keeps both entries. Likewise a wave's note that the State had no active point of contact (a ledger row, no letter)
// is said on the letter its Permanent Mission was written instead, as the wave's page says it. Pure, tested in Node
// (test/unit/console-timeline-lines.test.ts).
import type { components } from "../../api/schema";
import { eachLetterOnce, type ListedLetter } from "../correspondence/skip-other-wave.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

export interface TimelineLine {
  entry: TimelineEntry;
  /** The point-of-contact obligation's entry of the same write, said after the contact's. */
  consequence?: TimelineEntry;
  /** A letter written to the State's Permanent Mission because the State had no active point of contact. */
  toMission?: true;
}

/** Why a letter went to the State's Permanent Mission, said after its status, as the wave's page says it. */
export const TO_MISSION = " (to its Permanent Mission: the State had no active point of contact)";

const isObligationMove = (entry: TimelineEntry) => entry.action === "obligation.point-of-contact";

/** A letter entry's wave and recipient (`<waveId>/<recipient>`). */
const letterKey = (entry: TimelineEntry) => {
  const [waveId = "", recipient = ""] = entry.source.id.split("/");
  return { waveId, recipient };
};

/**
 * The letters the entries list (newest first), each once (eachLetterOnce): its wave, its latest status, its first
 * entry's time. Built once for the page's entries, for every skip among them to be judged by.
 */
export const timelineLetters = (entries: readonly TimelineEntry[]): ListedLetter[] =>
  eachLetterOnce(
    entries
      .filter((entry) => entry.source.type === "message")
      .map((entry) => ({ ...letterKey(entry), status: entry.action.replace(/^letter\./, ""), at: entry.at })),
  );

/** The ledger's row for an owner the wave found without an active point of contact: no letter (audiences.ts). */
const isOwnerRow = (entry: TimelineEntry) =>
  entry.source.type === "message" &&
  entry.action === "letter.skipped" &&
  letterKey(entry).recipient.startsWith("owner:");

/** The wave's letters that were written (not skipped), by wave. */
function writtenLetters(entries: readonly TimelineEntry[]): Map<string, TimelineEntry> {
  const written = new Map<string, TimelineEntry>();
  for (const entry of entries) {
    if (entry.source.type !== "message" || entry.action === "letter.skipped") continue;
    const { waveId } = letterKey(entry);
    if (!written.has(waveId)) written.set(waveId, entry);
  }
  return written;
}

/** How far apart in time the entries of one transaction may be stamped. */
const ONE_WRITE_MS = 1_000;

/**
 * Entries of one write: the same request or SES event (its correlation id), by the same actor, stamped together. A
 * caller may give its own correlation id to many requests (a script), so the id alone does not make one write.
 */
const sameWrite = (a: TimelineEntry, b: TimelineEntry) =>
  a.correlationId !== undefined &&
  a.correlationId === b.correlationId &&
  a.actor.kind === b.actor.kind &&
  a.actor.id === b.actor.id &&
  Math.abs(Date.parse(a.at) - Date.parse(b.at)) <= ONE_WRITE_MS;

/**
 * The entries, in their order, with each obligation's entry folded into the contact's entry of the same write, which
 * stands next to it (the two are written in one transaction). An obligation moved alone (the daily refresh), or whose
 * contact's entry is not read yet (on an older page), keeps its own line.
 */
export function timelineLines(entries: readonly TimelineEntry[]): TimelineLine[] {
  const folded = new Map<TimelineEntry, TimelineEntry>();
  entries.forEach((obligation, index) => {
    if (!isObligationMove(obligation)) return;
    const contact = [entries[index - 1], entries[index + 1]].find(
      (entry) => entry?.kind === "contact" && !folded.has(entry) && sameWrite(entry, obligation),
    );
    if (contact) folded.set(contact, obligation);
  });
  const consequences = new Set(folded.values());
  // An owner row whose wave's letter to the Mission is on the page is said on that letter; alone, it keeps its line.
  const written = writtenLetters(entries);
  const ownerRows = entries.filter((entry) => isOwnerRow(entry) && written.has(letterKey(entry).waveId));
  const toMissions = new Set(ownerRows.map((entry) => written.get(letterKey(entry).waveId)));
  return entries
    .filter((entry) => !consequences.has(entry) && !ownerRows.includes(entry))
    .map((entry) => {
      const consequence = folded.get(entry);
      return {
        entry,
        ...(consequence ? { consequence } : {}),
        ...(toMissions.has(entry) ? { toMission: true as const } : {}),
      };
    });
}
