// A timeline entry's words besides its action (actions.ts): who did it (a letter is written by its wave's dispatch,
// and what SES reported of it comes later, from SES), where a move went, what a correction changed (from the entry's
// before and after), its record (readings.ts; a wave by its description), and the records it names by id alone, to be
// read by name first (record-names.ts), whose offer a match's entry is about and which. Pure, tested in Node
// (test/unit/console-timeline-words.test.ts).

import { offerOf } from "../../../../shared/assistance/match-words.ts";
import type { components } from "../../api/schema";
import { imageRows } from "../audit-image-words.ts";
import { actorWords, shortened } from "../audit-trail-words.ts";
import { utcText } from "../correspondence/time.ts";
import { POC_LABELS } from "../poc-view.ts";
import { NO_NAMES, type OwnerNames, providerName } from "../provider-names.ts";
import type { RecordName, RecordRef } from "../record-names.ts";
import { POINT_OF_CONTACT_STATUSES } from "./labels.ts";
import { moveWords } from "./move-words.ts";
import { letterWaveId } from "./readings.ts";

type Schemas = components["schemas"];
type TimelineEntry = Schemas["TimelineEntry"];

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
  // A wave's own entry on a State's timeline (a letter sent again) holds the letter, not the wave's description.
  if (entry.source.type === "wave") records.push({ kind: "wave", id: entry.source.id });
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
  "assistance.request.correct",
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

/** What SES reported of a letter, by the ledger status it left: the instant is the report's (`feedbackAt`). */
const SES_VERDICTS: ReadonlyMap<unknown, string> = new Map([
  ["bounced", "bounced"],
  ["complained", "reported as spam"],
]);

/** The job that records SES's reports (functions/ses-events), as the audit trail names it. */
const SES_REPORT = actorWords({ kind: "system", id: "ses-events" });

const instantIn = (image: unknown, name: string): string | undefined => {
  const value = fieldOf(image, name);
  return typeof value === "string" && !Number.isNaN(Date.parse(value)) ? value : undefined;
};

/** An instant after the entry's own: its time alone on the entry's day. */
const laterText = (instant: string, entryAt: string): string =>
  instant.slice(0, 10) === entryAt.slice(0, 10) ? utcText(instant).slice(11) : utcText(instant);

/**
 * A letter's story after its record: its entry stands at the time it was written (the timeline's order), so the send
 * is the dispatch's, with its time, and a delivery, bounce or complaint is SES's report, with the time SES gave
 * ("sent 14:19 UTC by the desk's dispatch; reported as spam 14:24 UTC, by SES's report on a letter").
 */
function letterStoryWords(entry: TimelineEntry, dispatch: string): string {
  const when = (name: string) => {
    const instant = instantIn(entry.after, name);
    return instant && laterText(instant, entry.at);
  };
  const sent = when("sentAt");
  const written = sent ? `sent ${sent} by ${dispatch}` : `by ${dispatch}`;
  const delivered = when("deliveredAt");
  const verdict = SES_VERDICTS.get(fieldOf(entry.after, "status"));
  const feedback = when("feedbackAt");
  const reported = [
    ...(delivered ? [`delivered ${delivered}`] : []),
    ...(verdict && feedback ? [`${verdict} ${feedback}`] : []),
  ];
  return reported.length ? `${written}; ${reported.join(" and ")}, by ${SES_REPORT}` : written;
}

/** Who did it, after the entry's record: "by local-secretariat"; a letter, by the dispatch and then by SES. */
export function timelineByWords(entry: TimelineEntry, recordName: RecordName): string {
  const actor = timelineActorWords(entry, recordName);
  return entry.source.type === "message" ? letterStoryWords(entry, actor) : `by ${actor}`;
}

/**
 * "from X to Y" of a field whose codes have words, "to Y" when the record had none before; undefined when it has none
 * after or it did not change.
 */
function fromTo(
  entry: Pick<TimelineEntry, "before" | "after">,
  field: string,
  words: Readonly<Record<string, string>>,
): string | undefined {
  const [from, to] = [fieldOf(entry.before, field), fieldOf(entry.after, field)];
  if (typeof to !== "string" || from === to) return undefined;
  const inWords = (code: string) => (Object.hasOwn(words, code) ? words[code] : code);
  return typeof from === "string" ? `from ${inWords(from)} to ${inWords(to)}` : `to ${inWords(to)}`;
}

/**
 * Where the State's point of contact went, from the obligation's entry: its standing ("from current (verified within
 * 12 months) to unreachable (no working address)"), else its status; undefined when neither moved.
 */
export function pointOfContactMoveWords(entry: Pick<TimelineEntry, "before" | "after">): string | undefined {
  return fromTo(entry, "view", POC_LABELS) ?? fromTo(entry, "status", POINT_OF_CONTACT_STATUSES);
}

/** Where a move went: a status's move (move-words.ts: a contact's e-mail status too), the point of contact's standing. */
export function timelineMoveWords(entry: Pick<TimelineEntry, "action" | "before" | "after">): string | undefined {
  if (entry.action === "obligation.point-of-contact") return pointOfContactMoveWords(entry);
  return moveWords(entry);
}

type Provider = Schemas["AssistanceProvider"];

const isProvider = (value: unknown): value is Provider =>
  (fieldOf(value, "kind") === "state" && typeof fieldOf(value, "iso3") === "string") ||
  (fieldOf(value, "kind") === "organization" && typeof fieldOf(value, "id") === "string");

/**
 * Whose offer a match's entry is about, and which: "Bulgaria's offer “Legislative drafting workshop”" (its code while
 * the names are read). The entry keeps the provider and the offer in words as they were when it was written; an
 * entry older than those words names the provider alone. A match's id says nothing to a reader (audit 35, item 9).
 * Nothing for another entry.
 */
export function matchOfferWords(entry: Pick<TimelineEntry, "action" | "after">, names: OwnerNames): string | undefined {
  if (!entry.action.startsWith("assistance.match.")) return undefined;
  const provider = fieldOf(entry.after, "provider");
  if (!isProvider(provider)) return undefined;
  const name = providerName(provider, names);
  // An organization's name takes the article in a sentence, as the desk's own words put it (shared/contacts/).
  const named = provider.kind === "organization" && name !== provider.id ? `the ${name}` : name;
  const offer = fieldOf(entry.after, "offer");
  return offerOf(named, typeof offer === "string" ? offer : undefined);
}
