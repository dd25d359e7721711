// Everything about a State or an organization by the day it happened, newest first (ADR 0063), one line per act
// (timeline-lines.ts): each entry's day, with the minute it was recorded or the later day it was (timeline-when.ts),
// its action, what a move or a
// correction changed, its record and who did it in words (actions.ts, timeline-words.ts), a contact's change followed
// by what it did to the point of contact, the waves and requests an entry names by id alone read by name first
// (record-names.ts), and whose offer a match's entry is about.
import { Paged, type PageOf } from "../../ui/paged.tsx";
import { Panel } from "../../ui/panel.tsx";
import type { OwnerNames } from "../provider-names.ts";
import { withRecordNames } from "../record-names.ts";
import { RECORD_NAMES } from "../record-names-api.ts";
import { useOwnerNames } from "../use-owner-names.ts";
import { entryActionWords } from "./actions.ts";
import type { TimelineEntry } from "./data.ts";
import { sourceWords } from "./readings.ts";
import { type TimelineLine, TO_MISSION, timelineLetters, timelineLines } from "./timeline-lines.ts";
import { timelineWhen } from "./timeline-when.ts";
import {
  correctionWords,
  matchOfferWords,
  pointOfContactMoveWords,
  recordsNamedBy,
  timelineByWords,
  timelineMoveWords,
} from "./timeline-words.ts";

/** Where a move went, after its action's words: " from a draft to shared with the State". */
function moveText(entry: TimelineEntry) {
  const words = timelineMoveWords(entry);
  return words ? <span data-field="move"> {words}</span> : null;
}

/** Whose offer a match's entry is about, after its move: " (Bulgaria's offer)". */
function offerText(entry: TimelineEntry, names: OwnerNames) {
  const words = matchOfferWords(entry, names);
  return words ? <span data-field="offer"> ({words})</span> : null;
}

/** What a correction changed, after its action's words: " (language of letters: French → Spanish)". */
function changesText(entry: TimelineEntry) {
  const words = correctionWords(entry);
  return words ? <span data-field="changes"> ({words})</span> : null;
}

/** What a contact's change did to the State's point of contact: "; the State's point of contact went from … to …". */
function consequenceText(consequence: TimelineLine["consequence"]) {
  const words = consequence && pointOfContactMoveWords(consequence);
  return words ? <span data-field="consequence">; the State's point of contact went {words}</span> : null;
}

/** What the entry is about (a link where it has a page) and who did it. */
function SourceOf({ entry }: { entry: TimelineEntry }) {
  const { text, href } = sourceWords(entry, RECORD_NAMES.name);
  const by = timelineByWords(entry, RECORD_NAMES.name);
  return (
    <span class="muted">
      {href ? <a href={href}>{text}</a> : text}
      {text ? `, ${by}` : by}
    </span>
  );
}

function When({ entry }: { entry: TimelineEntry }) {
  const { when, dateTime, recorded } = timelineWhen(entry);
  return (
    <>
      <time dateTime={dateTime}>{when}</time>
      {recorded && (
        <span class="muted" data-field="recorded">
          {" "}
          ({recorded})
        </span>
      )}
    </>
  );
}

export function Timeline(props: {
  load: (cursor?: string) => Promise<PageOf<TimelineEntry>>;
  /** Read again when it changes: the owner, and a round that moves with each write on the page. */
  loadKey: string;
}) {
  const load = withRecordNames(RECORD_NAMES, props.load, recordsNamedBy);
  const names = useOwnerNames();
  return (
    <Panel id="timeline" title="Timeline">
      <Paged load={load} loadKey={props.loadKey} moreLabel="Show older entries">
        {(entries) => {
          // A rest's skip is judged again by the letters listed: the wave that wrote may have bounced since.
          const letters = timelineLetters(entries);
          return (
            <ol class="timeline">
              {timelineLines(entries).map(({ entry, consequence, toMission }) => (
                <li key={`${entry.at}-${entry.action}-${entry.source.id}`}>
                  <When entry={entry} /> <strong data-action={entry.action}>{entryActionWords(entry, letters)}</strong>
                  {toMission && <span data-field="to-mission">{TO_MISSION}</span>}
                  {moveText(entry)}
                  {offerText(entry, names)}
                  {changesText(entry)} <SourceOf entry={entry} />
                  {entry.reason ? `: ${entry.reason}` : ""}
                  {consequenceText(consequence)}
                </li>
              ))}
            </ol>
          );
        }}
      </Paged>
    </Panel>
  );
}
