// Everything about a State or an organization, newest first: each entry's time in UTC, as the trail keeps it (to the
// minute: a day's entries are told apart), its action and record in words (actions.ts, readings.ts).
import { Paged, type PageOf } from "../../ui/paged.tsx";
import { Panel } from "../../ui/panel.tsx";
import { utcText } from "../correspondence/time.ts";
import { actionWords } from "./actions.ts";
import type { TimelineEntry } from "./data.ts";
import { moveWords } from "./move-words.ts";
import { sourceWords } from "./readings.ts";

/** Where a move went, after its action's words: " from a draft to shared with the State". */
function moveText(entry: TimelineEntry) {
  const words = moveWords(entry);
  return words ? <span data-field="move"> {words}</span> : null;
}

/** What the entry is about (a link where it has a page) and who did it. */
function SourceOf({ entry }: { entry: TimelineEntry }) {
  const { text, href } = sourceWords(entry);
  const by = `by ${entry.actor.username ?? entry.actor.id}`;
  return (
    <span class="muted">
      {href ? <a href={href}>{text}</a> : text}
      {text ? `, ${by}` : by}
    </span>
  );
}

export function Timeline(props: {
  load: (cursor?: string) => Promise<PageOf<TimelineEntry>>;
  /** Read again when it changes: the owner, and a round that moves with each write on the page. */
  loadKey: string;
}) {
  return (
    <Panel id="timeline" title="Timeline">
      <Paged load={props.load} loadKey={props.loadKey} moreLabel="Show older entries">
        {(entries) => (
          <ol class="timeline">
            {entries.map((entry) => (
              <li key={`${entry.at}-${entry.action}-${entry.source.id}`}>
                <time dateTime={entry.at}>{utcText(entry.at)}</time>{" "}
                <strong data-action={entry.action}>{actionWords(entry.action)}</strong>
                {moveText(entry)} <SourceOf entry={entry} />
                {entry.reason ? `: ${entry.reason}` : ""}
              </li>
            ))}
          </ol>
        )}
      </Paged>
    </Panel>
  );
}
