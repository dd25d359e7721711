// A timeline entry's words besides its action and record (readings.ts): who did it (a letter is written by its wave's
// dispatch, not by a person), what a correction changed (from the entry's before and after), and the records it names
// by id alone, to be read by name first (record-names.ts). Pure, tested in Node
// (test/unit/console-timeline-words.test.ts).
import type { components } from "../../api/schema";
import { imageRows } from "../audit-image-words.ts";
import { actorWords, shortened } from "../audit-trail-words.ts";
import { NO_NAMES } from "../provider-names.ts";
import type { RecordName, RecordRef } from "../record-names.ts";
import { letterWaveId } from "./readings.ts";

type TimelineEntry = components["schemas"]["TimelineEntry"];

/** The system's actor for a letter: the dispatch of its wave (shared/dossier/timeline.ts). */
const WAVE_ACTOR = /^wave:(.+)$/;

const dispatchedWave = (actor: TimelineEntry["actor"]): string | undefined =>
  actor.kind === "system" ? WAVE_ACTOR.exec(actor.id)?.[1] : undefined;

const fieldOf = (image: unknown, name: string): unknown =>
  image !== null && typeof image === "object" ? (image as Record<string, unknown>)[name] : undefined;

/** The waves and assistance requests an entry names by id alone: a letter's wave, a request's move or match. */
export function recordsNamedBy(entry: TimelineEntry): RecordRef[] {
  const records: RecordRef[] = [];
  if (entry.source.type === "message") records.push({ kind: "wave", id: letterWaveId(entry) });
  const dispatcher = dispatchedWave(entry.actor);
  if (dispatcher) records.push({ kind: "wave", id: dispatcher });
  const symbol = fieldOf(entry.after, "symbol") ?? fieldOf(entry.before, "symbol");
  if (entry.source.type === "assistance-request" && typeof symbol !== "string") {
    records.push({ kind: "assistance-request", id: entry.source.id });
  }
  return records;
}

/**
 * Who did it: a person by username (their id where the entry kept none), the system by its job; a letter's writer is
 * the desk's dispatch of its wave, which its record names already ("wave …, by the desk's dispatch").
 */
export function timelineActorWords(entry: TimelineEntry, recordName: RecordName): string {
  const waveId = dispatchedWave(entry.actor);
  if (waveId === undefined) return actorWords(entry.actor);
  if (entry.source.type === "message" && letterWaveId(entry) === waveId) return "the desk's dispatch";
  return `the desk's dispatch of wave ${recordName("wave", waveId) || waveId}`;
}

/** The writes whose entries hold the record before and after a correction: their changes are said on the timeline. */
const CORRECTIONS = new Set([
  "state.update",
  "organization.update",
  "submission.correct",
  "contact.update",
  "assistance.offer.update",
]);

/**
 * What a correction changed, field by field in words ("language of letters: French → Spanish"), a long value cut to
 * its start (the audit trail has it whole), leaving out the technical fields (a version, the record's stamps);
 * undefined for another write, or one that changed no such field.
 */
export function correctionWords(entry: Pick<TimelineEntry, "action" | "before" | "after">): string | undefined {
  if (!CORRECTIONS.has(entry.action)) return undefined;
  const changes = imageRows(entry.before, entry.after, { action: entry.action, names: NO_NAMES })
    .filter((row) => row.changed && !row.technical)
    .map((row) => `${row.label}: ${shortened(row.before?.text ?? "none")} → ${shortened(row.after?.text ?? "none")}`);
  return changes.length ? changes.join("; ") : undefined;
}
