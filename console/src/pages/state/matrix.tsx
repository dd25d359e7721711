// The State's matrix: as it stands (matrix-work.tsx: its cells, their counts, and for the groups that may, the cells
// set and the version moved through review), its versions, and what changed between two of them. The Committee's
// matrix is not a compliance score: the page shows cells and counts, never a grade.
import { useState } from "preact/hooks";
import type { Session } from "../../auth/session.ts";
import { Choice } from "../../ui/form.tsx";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import { type MatrixVersion, matrixDiff, matrixVersions } from "./data.ts";
import { MatrixNow } from "./matrix-work.tsx";
import { cellWords, changesOf, stampDay } from "./readings.ts";

function Diff({ iso3, from, to }: { iso3: string; from: number; to: number }) {
  const [loaded] = useLoad(() => matrixDiff(iso3, from, to), `${iso3}:${from}:${to}`);
  return (
    <Show what={loaded}>
      {({ diff, labels }) => {
        const changes = changesOf(diff);
        return (
          <>
            <p aria-live="polite">
              From version {diff.from} to {diff.to}: {diff.added.length} added, {diff.removed.length} removed,{" "}
              {diff.changed.length} changed.
            </p>
            {changes.length > 0 && (
              <ListTable
                label={`Matrix cells changed from version ${diff.from} to ${diff.to}`}
                rows={changes}
                keyOf={(change) => change.fieldId}
                columns={[
                  { header: "Field", names: true, cell: (c) => labels.get(c.fieldId) ?? c.fieldId },
                  { header: "Change", cell: (c) => c.change },
                  { header: "Before", cell: (c) => cellWords(c.before) },
                  { header: "After", cell: (c) => cellWords(c.after) },
                ]}
              />
            )}
          </>
        );
      }}
    </Show>
  );
}

function Compare({ iso3, versions }: { iso3: string; versions: MatrixVersion[] }) {
  const numbers = versions.map((version) => version.version);
  const [from, setFrom] = useState(numbers.at(-2) ?? 1);
  const [to, setTo] = useState(numbers.at(-1) ?? 1);
  const options = Object.fromEntries(numbers.map((n) => [String(n), `Version ${n}`]));
  // Choosing a version shows its diff at once: no form to submit, so nothing here writes.
  return (
    <section aria-labelledby="matrix-diff-title">
      <h3 id="matrix-diff-title">Compare two versions</h3>
      <div class="filters">
        <Choice
          id="matrix-from"
          label="From"
          value={String(from)}
          options={options}
          onChange={(v) => setFrom(Number(v))}
        />
        <Choice id="matrix-to" label="To" value={String(to)} options={options} onChange={(v) => setTo(Number(v))} />
      </div>
      <Diff iso3={iso3} from={from} to={to} />
    </section>
  );
}

export function Matrix(props: { iso3: string; round: number; session: Session; onChanged: () => void }) {
  const { iso3, round } = props;
  const [versions] = useLoad(() => matrixVersions(iso3), `${iso3}:${round}`);
  return (
    <Panel id="matrix" title="Matrix">
      <MatrixNow iso3={iso3} session={props.session} onChanged={props.onChanged} />
      <h3>Versions</h3>
      <Show what={versions}>
        {(list) =>
          list.length === 0 ? (
            <p>No matrix version yet.</p>
          ) : (
            <>
              <ListTable
                label="Versions of the State's matrix"
                rows={list}
                keyOf={(version) => String(version.version)}
                columns={[
                  { header: "Version", names: true, cell: (v) => v.version },
                  { header: "Status", cell: (v) => v.status },
                  { header: "Based on", cell: (v) => v.basedOn ?? "" },
                  { header: "Created", cell: (v) => stampDay(v.created) },
                  { header: "Shared", cell: (v) => stampDay(v.shared) },
                  { header: "Approved", cell: (v) => stampDay(v.approved) },
                ]}
              />
              {list.length > 1 ? <Compare iso3={iso3} versions={list} /> : <p>One version: nothing to compare yet.</p>}
            </>
          )
        }
      </Show>
    </Panel>
  );
}
