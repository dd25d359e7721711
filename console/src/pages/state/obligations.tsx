// What the State owes or is encouraged to do, each with its status and the submissions that fulfilled it.
import type { Schemas } from "../../api/client.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { Panel } from "../../ui/panel.tsx";
import { OBLIGATION_STATUSES, obligationWords } from "./labels.ts";

type Obligation = Schemas["Obligation"];

export function Obligations({ obligations }: { obligations: Obligation[] }) {
  return (
    <Panel id="obligations" title="Obligations">
      <ListTable
        label="Obligations and their status"
        rows={obligations}
        keyOf={(obligation) => obligation.kind}
        columns={[
          {
            header: "Obligation",
            names: true,
            cell: (o) => obligationWords(o.kind),
          },
          { header: "Mandatory", cell: (o) => (o.mandatory ? "yes" : "no") },
          { header: "Status", cell: (o) => OBLIGATION_STATUSES[o.status] },
          { header: "Submissions", numeric: true, cell: (o) => o.submissions },
          { header: "Last received", cell: (o) => o.lastReceivedOn ?? "" },
        ]}
      />
    </Panel>
  );
}
