// The State's assistance requests (read by the State's page, whose submissions mark those that arrived in a document),
// each linking to its own page (the assistance pages do the moves), and for the groups that may, recording a new
// request from the State.
import { may } from "../../auth/access.ts";
// The panel is given no session (state.tsx): the signed-in group is read from the session itself.
import { currentSession } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { type Loaded, Show } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import type { AssistanceRequest } from "../assistance-data.ts";
import { RecordRequest } from "../assistance-record-request.tsx";
import { areasInWords, REQUEST_STATUS_WORDS } from "../assistance-words.ts";

export function StateAssistance({
  iso3,
  requests,
  reread,
}: {
  iso3: string;
  requests: Loaded<AssistanceRequest[]>;
  /** Reads the requests again: a request recorded here shows in the list before its form says so. */
  reread: () => Promise<void>;
}) {
  return (
    <Panel id="assistance" title="Assistance requests">
      <Show what={requests}>
        {(list) => (
          <ListTable
            empty="No assistance request from this State."
            label="The State's assistance requests"
            list="state-requests"
            rows={list}
            keyOf={(request) => request.id}
            columns={[
              {
                header: "Request",
                names: true,
                cell: (request) => <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>,
              },
              { header: "Status", cell: (request) => REQUEST_STATUS_WORDS[request.status] },
              { header: "Areas", cell: (request) => areasInWords(request.areas) },
              { header: "Received", cell: (request) => request.receivedOn },
            ]}
          />
        )}
      </Show>
      {may(currentSession.value?.group, "POST /assistance/requests") && (
        <RecordRequest iso3={iso3} level={3} onRecorded={reread} />
      )}
    </Panel>
  );
}
