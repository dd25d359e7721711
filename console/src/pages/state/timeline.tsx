// Everything about the State, newest first, each entry's action in words (actions.ts).
import { Paged } from "../../ui/paged.tsx";
import { Panel } from "../../ui/panel.tsx";
import { actionWords } from "./actions.ts";
import { timelinePage } from "./data.ts";

export function Timeline({ iso3, round }: { iso3: string; round: number }) {
  return (
    <Panel id="timeline" title="Timeline">
      <Paged load={(cursor) => timelinePage(iso3, cursor)} loadKey={`${iso3}:${round}`} moreLabel="Show older entries">
        {(entries) => (
          <ol class="timeline">
            {entries.map((entry) => (
              <li key={`${entry.at}-${entry.action}-${entry.source.id}`}>
                <time dateTime={entry.at}>{entry.at.slice(0, 10)}</time>{" "}
                <strong data-action={entry.action}>{actionWords(entry.action)}</strong>{" "}
                <span class="muted">
                  {entry.source.type} {entry.source.id}, by {entry.actor.username ?? entry.actor.id}
                </span>
                {entry.reason ? `: ${entry.reason}` : ""}
              </li>
            ))}
          </ol>
        )}
      </Paged>
    </Panel>
  );
}
