// What the State owes or is encouraged to do, each with its status and the submissions that fulfilled it.
import type { Schemas } from "../../api/client.ts";
import { ListTable } from "../../ui/list-table.tsx";
import { Panel } from "../../ui/panel.tsx";
import { mandatoryWords, obligationStatusWords, obligationWords, submissionWords } from "./labels.ts";

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
          { header: "Mandatory", cell: mandatoryWords },
          { header: "Status", cell: obligationStatusWords },
          { header: "Submissions", numeric: true, cell: (o) => submissionWords(o).count },
          { header: "Last received", cell: (o) => submissionWords(o).lastReceivedOn },
        ]}
      />
    </Panel>
  );
}
