// The letters the State has been sent, newest first, each with its delivery status: the timeline's letter entries
// (the send ledger's, ADR 0020), the only route that lists a State's correspondence.
import { ListTable } from "../../ui/list-table.tsx";
import { Paged } from "../../ui/paged.tsx";
import { Panel } from "../../ui/panel.tsx";
import { actionWords } from "./actions.ts";
import { timelinePage } from "./data.ts";
import { letterOf } from "./readings.ts";

export function Letters({ iso3, round }: { iso3: string; round: number }) {
  return (
    <Panel id="letters" title="Letters received">
      <Paged
        load={(cursor) => timelinePage(iso3, cursor, ["letter"])}
        loadKey={`${iso3}:${round}`}
        moreLabel="Show older letters"
      >
        {(entries) => (
          <ListTable
            empty="No letter sent to this State yet."
            label="Letters sent to the State"
            rows={entries}
            keyOf={(entry) => entry.source.id}
            columns={[
              { header: "Queued", cell: (entry) => entry.at.slice(0, 10) },
              { header: "Subject", names: true, cell: (entry) => letterOf(entry).subject },
              { header: "Language", cell: (entry) => letterOf(entry).language },
              { header: "Status", cell: (entry) => actionWords(entry.action) },
              { header: "Sent", cell: (entry) => letterOf(entry).sentAt },
              { header: "Wave", cell: (entry) => letterOf(entry).waveId },
            ]}
          />
        )}
      </Paged>
    </Panel>
  );
}
