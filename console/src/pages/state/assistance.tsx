// The State's assistance requests, each linking to its own page (the assistance pages do the moves).
import { href } from "../../router.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import { stateRequests } from "./data.ts";

export function StateAssistance({ iso3 }: { iso3: string }) {
  const [requests] = useLoad(() => stateRequests(iso3), iso3);
  return (
    <Panel id="assistance" title="Assistance requests">
      <Show what={requests}>
        {(list) => (
          <ListTable
            empty="No assistance request from this State."
            label="The State's assistance requests"
            rows={list}
            keyOf={(request) => request.id}
            columns={[
              {
                header: "Request",
                names: true,
                cell: (request) => <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>,
              },
              { header: "Status", cell: (request) => request.status },
              { header: "Areas", cell: (request) => request.areas.join(", ") },
              { header: "Received", cell: (request) => request.receivedOn },
            ]}
          />
        )}
      </Show>
    </Panel>
  );
}
