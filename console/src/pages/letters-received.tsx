// The letters a State or an organization has been sent, newest first, each with its delivery status and its wave (by
// its description, read first: record-names.ts): the send ledger's entries for their owner (ADR 0020), read through
// the State's timeline or the organization's letters. A letter to the State's Permanent Mission is one row, saying so,
// not also the wave's note that the State had no active point of contact (timeline-lines.ts).
import type { Schemas } from "../api/client.ts";
import { href } from "../routes.ts";
import { ListTable } from "../ui/list-table.tsx";
import { Paged, type PageOf } from "../ui/paged.tsx";
import { Panel } from "../ui/panel.tsx";
import { withRecordNames } from "./record-names.ts";
import { RECORD_NAMES } from "./record-names-api.ts";
import { entryActionWords } from "./state/actions.ts";
import { letterOf } from "./state/readings.ts";
import { type TimelineLine, TO_MISSION, timelineLines } from "./state/timeline-lines.ts";
import { recordsNamedBy } from "./state/timeline-words.ts";

export function LettersReceived(props: {
  load: (cursor?: string) => Promise<PageOf<Schemas["TimelineEntry"]>>;
  /** What `load` reads: a new key reads the letters again from the newest. */
  loadKey: string;
  /** "State", "organization". */
  who: string;
}) {
  const load = withRecordNames(RECORD_NAMES, props.load, recordsNamedBy);
  return (
    <Panel id="letters" title="Letters received">
      <Paged load={load} loadKey={props.loadKey} moreLabel="Show older letters">
        {(entries) => (
          <ListTable
            empty={`No letter sent to this ${props.who} yet.`}
            label={`Letters sent to the ${props.who}`}
            rows={timelineLines(entries)}
            keyOf={({ entry }) => entry.source.id}
            columns={[
              { header: "Queued", cell: ({ entry }) => letterOf(entry).queuedOn },
              // The address only the secretariat reads: the column is left out where no entry carries one.
              ...(entries.some((entry) => letterOf(entry).to)
                ? [{ header: "To", cell: ({ entry }: TimelineLine) => letterOf(entry).to }]
                : []),
              { header: "Subject", names: true, cell: ({ entry }) => letterOf(entry).subject },
              { header: "Language", cell: ({ entry }) => letterOf(entry).language },
              {
                header: "Status",
                cell: ({ entry, toMission }) => `${entryActionWords(entry)}${toMission ? TO_MISSION : ""}`,
              },
              { header: "Sent", cell: ({ entry }) => letterOf(entry).sentOn },
              {
                header: "Wave",
                cell: ({ entry }) => {
                  const { waveId } = letterOf(entry);
                  return waveId && <a href={href.wave(waveId)}>{RECORD_NAMES.name("wave", waveId) || waveId}</a>;
                },
              },
            ]}
          />
        )}
      </Paged>
    </Panel>
  );
}
