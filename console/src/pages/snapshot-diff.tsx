// The change between two quarters: pick two snapshots, see each figure side by side with its change, and who entered
// or left each list (the non-reporting States, the providers...), each named in words. The API computes the diff and
// names its rows; this page only shows it, with what the two snapshots say of their computation.
import { useState } from "preact/hooks";
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import { href } from "../router.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { figureChanged, figureChangeWords, figureValueWords, listMembersWords } from "./snapshot-diff-figures.ts";
import { type DiffSide, diffNotices } from "./snapshot-diff-notices.ts";
import { groupWords } from "./snapshot-words.ts";
import { useOwnerNames } from "./use-owner-names.ts";

type SnapshotDiff = Schemas["SnapshotDiff"];

function periods(): Promise<string[]> {
  return allPages(async (cursor) =>
    dataOf(await api.GET("/snapshots", { params: { query: { limit: "100", ...(cursor ? { cursor } : {}) } } })),
  ).then((list) => list.map((snapshot) => snapshot.period).sort());
}

interface Compared {
  diff: SnapshotDiff;
  sides: [DiffSide, DiffSide];
}

async function snapshotOf(period: string): Promise<DiffSide> {
  return dataOf(await api.GET("/snapshots/{period}", { params: { path: { period } } }));
}

/** The diff, and both snapshots: what each counts as of its computation, and its quarter's end (the diff has neither). */
async function compared(from: string, to: string): Promise<Compared> {
  const [diff, ...sides] = await Promise.all([
    api.GET("/snapshots/{period}/diff", { params: { path: { period: to }, query: { against: from } } }).then(dataOf),
    snapshotOf(from),
    snapshotOf(to),
  ]);
  return { diff, sides };
}

function DiffTables({ diff, sides }: Compared) {
  const [onlyChanged, setOnlyChanged] = useState(true);
  // The lists' States and providers by name: their codes until the names are read.
  const names = useOwnerNames();
  const figures = onlyChanged ? diff.figures.filter(figureChanged) : diff.figures;
  const lists = diff.lists.filter((list) => list.added.length > 0 || list.removed.length > 0);
  return (
    <>
      {diffNotices(...sides).map((notice) => (
        <p key={notice} class="caution" data-notice="snapshot-diff">
          {notice}
        </p>
      ))}
      <h2>
        Figures, {diff.from} and {diff.to}
      </h2>
      <div class="field">
        <label>
          <input type="checkbox" checked={onlyChanged} onChange={(e) => setOnlyChanged(e.currentTarget.checked)} /> Only
          the figures that changed
        </label>
      </div>
      <p aria-live="polite">
        {figures.length} of {diff.figures.length} figures shown
      </p>
      <ScrollTable label={`Figures of ${diff.from} and ${diff.to}`}>
        <table data-list="snapshot-diff">
          <caption class="visually-hidden">
            Each figure in {diff.from} and {diff.to}, with the change
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Group</th>
              <th scope="col">{diff.from}</th>
              <th scope="col">{diff.to}</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {figures.map((figure) => (
              <tr key={`${figure.figure}/${figure.group}`}>
                <th scope="row" data-figure={figure.figure}>
                  {figure.name ?? figure.figure}
                </th>
                <td>{groupWords(figure.group)}</td>
                <td class="number">{figureValueWords(figure.from, figure.unit)}</td>
                <td class="number">{figureValueWords(figure.to, figure.unit)}</td>
                <td class="number">{figureChangeWords(figure.change, figure.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <h2>Lists</h2>
      {lists.length === 0 ? (
        <p>No State or provider entered or left a list.</p>
      ) : (
        <ScrollTable label="Who entered or left each list">
          <table>
            <caption class="visually-hidden">Who entered or left each list</caption>
            <thead>
              <tr>
                <th scope="col">List</th>
                <th scope="col">Group</th>
                <th scope="col">Entered</th>
                <th scope="col">Left</th>
              </tr>
            </thead>
            <tbody>
              {lists.map((list) => (
                <tr key={`${list.list}/${list.group}`}>
                  <th scope="row" data-list-name={list.list}>
                    {list.name ?? list.list}
                  </th>
                  <td>{groupWords(list.group)}</td>
                  <td>{listMembersWords(list.added, names)}</td>
                  <td>{listMembersWords(list.removed, names)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </>
  );
}

function PickQuarters({ list, from, to }: { list: string[]; from: string; to: string }) {
  const [draft, setDraft] = useState({ from, to });
  const select = (id: "from" | "to", label: string) => (
    <div class="field">
      <label for={`diff-${id}`}>{label}</label>
      <select id={`diff-${id}`} value={draft[id]} onChange={(e) => setDraft({ ...draft, [id]: e.currentTarget.value })}>
        {list.map((period) => (
          <option key={period} value={period}>
            {period}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <form
      class="filters"
      aria-label="Pick two quarters"
      onSubmit={(event) => {
        event.preventDefault();
        window.location.hash = href.snapshotsDiff(draft.from, draft.to);
      }}
    >
      {select("from", "Earlier quarter")}
      {select("to", "Later quarter")}
      <button type="submit">Compare</button>
    </form>
  );
}

function Diff({ from, to }: { from: string; to: string }) {
  const [loaded] = useLoad(() => compared(from, to), `${from}/${to}`);
  return <Show what={loaded}>{(both) => <DiffTables {...both} />}</Show>;
}

export function SnapshotsDiff({ query }: { query: URLSearchParams }) {
  const [list] = useLoad(periods, "snapshot-periods");
  return (
    <>
      <h1>Change between two quarters</h1>
      <p>
        <a href={href.snapshots()}>Every snapshot</a>
      </p>
      <Show what={list}>
        {(taken) => {
          if (taken.length < 2) return <p>Two quarters' snapshots are needed; {taken.length} has been taken.</p>;
          // By default the two latest quarters: the change the Committee reads first.
          const from = query.get("from") ?? taken.at(-2) ?? "";
          const to = query.get("to") ?? taken.at(-1) ?? "";
          return (
            <>
              <PickQuarters list={taken} from={from} to={to} />
              <Diff key={`${from}/${to}`} from={from} to={to} />
            </>
          );
        }}
      </Show>
    </>
  );
}
