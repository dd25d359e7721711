// The State's matrix as it stands: where its working version is in review, its cells counted by paragraph (counts,
// never a grade: the matrix is not a compliance score), its cells by paragraph and category, and for the groups that
// may (the secretariat and the experts), the cells set or cleared in a draft and the version moved through review.
// Every write names the ETag the page read: a change someone saved first is a 412, shown with what was typed kept.

import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { MATRIX_STATUS_WORDS } from "../../../../shared/matrix/status-words.ts";
import type { Versioned } from "../../api/versioned.ts";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { BusyButton } from "../../ui/busy-button.tsx";
import { Confirm } from "../../ui/confirm.tsx";
import { useFocusReturn } from "../../ui/focus-return.ts";
import {
  Choice,
  FormFrame,
  FormProblem,
  fieldProblem,
  formProblem,
  InputField,
  nothingChanged,
  RefusalScope,
  useFieldProblem,
  useSubmit,
  useWrites,
} from "../../ui/form.tsx";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { ScrollTable } from "../../ui/scroll-table.tsx";
import { editMatrixCells, type MatrixCatalogue, type MatrixView, matrixNow, moveMatrix } from "./data.ts";
import {
  CATEGORY_WORDS,
  CELL_VALUES,
  type CellDraft,
  type Cells,
  cellChangesOf,
  draftOf,
  type MatrixStatus,
  movesFrom,
  ROW_CONTROLS,
  type RowControl,
  rowProblem,
  SOURCE_PARTS,
  sourceWords,
} from "./matrix-edits.ts";
import { stampDay } from "./readings.ts";

type Field = MatrixCatalogue["paragraphs"][number]["fields"][number];
type Change = Parameters<typeof editMatrixCells>[1][number];

/** Where the matrix stands, in words: its working version's review status, and its latest approval. */
function standing(view: MatrixView): string {
  const { draft, approved } = view;
  if (!draft && !approved) return "No matrix yet.";
  const working = draft
    ? `Version ${draft.version} is ${MATRIX_STATUS_WORDS[draft.status]}` +
      (draft.status === "shared-with-state" ? ` since ${stampDay(draft.shared)}` : "") +
      (draft.basedOn ? `, based on approved version ${draft.basedOn}.` : ".")
    : "No version is in review.";
  const last = approved ? ` Version ${approved.version} was approved on ${stampDay(approved.approved)}.` : "";
  return working + last;
}

function Coverage({ view, catalogue }: { view: MatrixView; catalogue: MatrixCatalogue }) {
  const version = view.draft ?? view.approved;
  const coverage = view.coverage.draft ?? view.coverage.approved;
  if (!version || !coverage) return null;
  const titles = new Map(catalogue.paragraphs.map((p) => [p.id, p.title]));
  const rows = [
    ...coverage.byParagraph.map((p) => ({ name: titles.get(p.paragraph) ?? p.paragraph, counts: p.counts })),
    { name: "All", counts: coverage.total },
  ];
  const label = `Cells of version ${version.version} by operative paragraph: counts, not a score`;
  return (
    <>
      <p>{label}.</p>
      <ListTable
        label={label}
        list="matrix-coverage"
        rows={rows}
        keyOf={(row) => row.name}
        columns={[
          { header: "Paragraph", names: true, cell: (row) => row.name },
          { header: "X", numeric: true, cell: (row) => row.counts.X },
          { header: "?", numeric: true, cell: (row) => row.counts["?"] },
          { header: "NA", numeric: true, cell: (row) => row.counts.NA },
          { header: "Blank", numeric: true, cell: (row) => row.counts.blank },
          { header: "Fields", numeric: true, cell: (row) => row.counts.fields },
        ]}
      />
    </>
  );
}

/** The working version's review moves; recording the Committee's approval is asked again first. */
function Moves(props: {
  current: Versioned<MatrixView>;
  status: MatrixStatus;
  onMoved: (written: Versioned<MatrixView>) => void;
  onStale: () => Promise<void>;
}) {
  const { current } = props;
  const writing = useWrites();
  const [on, setOn] = useState("");
  const [asking, setAsking] = useState(false);
  const focusReturn = useFocusReturn();
  const notNow = () => {
    setAsking(false);
    focusReturn.closed(() => document.getElementById("matrix-approve"));
  };
  const move = (event: Event, to: MatrixStatus) =>
    writing.run(
      event,
      async () => {
        const moved = await moveMatrix(current, { to, ...(on.trim() ? { on: on.trim() } : {}) });
        setAsking(false);
        props.onMoved(moved);
        // The move replaces the buttons (the one pressed among them): the keyboard goes on from the panel's heading,
        // above the matrix's new standing.
        document.getElementById("matrix-title")?.focus();
      },
      { onStale: props.onStale },
    );
  const version = current.value.draft?.version;
  const general = formProblem(writing.problem, ["on"]);
  return (
    <section class="record" data-refusal-scope aria-labelledby="matrix-moves-title">
      <h3 id="matrix-moves-title">Move version {version} through review</h3>
      {general && <FormProblem id="matrix-moves-problem">{general}</FormProblem>}
      <RefusalScope refusal={writing.problem}>
        <InputField
          id="matrix-move-on"
          label="On (YYYY-MM-DD; blank: today in New York)"
          inputMode="numeric"
          placeholder="YYYY-MM-DD"
          value={on}
          problem={fieldProblem(writing.problem, "on")}
          onInput={setOn}
        />
      </RefusalScope>
      <div class="actions">
        {movesFrom(props.status).map(([to, words]) =>
          to === "approved" ? (
            <button
              key={to}
              id="matrix-approve"
              type="button"
              onClick={() => {
                focusReturn.opened();
                setAsking(true);
              }}
            >
              {words}
            </button>
          ) : (
            <BusyButton key={to} type="button" busy={writing.busy} onClick={(event) => move(event, to)}>
              {words}
            </BusyButton>
          ),
        )}
      </div>
      {asking && (
        <Confirm
          question={`Record the Committee's approval of version ${version}${on.trim() ? ` on ${on.trim()}` : " today"}?`}
          yes="Record the approval"
          no="Not now"
          busy={writing.busy}
          onYes={(event) => move(event, "approved")}
          onNo={notNow}
          onKeyDown={focusReturn.escapeCloses(notNow)}
        >
          <p>An approved version is final: a later edit starts a new draft from it.</p>
        </Confirm>
      )}
    </section>
  );
}

function ReadCells({ fields, cells, label }: { fields: readonly Field[]; cells: Cells; label: string }) {
  return (
    <ListTable
      label={label}
      list="matrix-cells"
      rows={fields}
      keyOf={(field) => field.id}
      columns={[
        { header: "Field", names: true, cell: (field) => field.label },
        { header: "Cell", field: "cell", cell: (field) => cells[field.id]?.value ?? "blank" },
        { header: "Source", cell: (field) => sourceWords(cells[field.id]) },
      ]}
    />
  );
}

const controlId = (field: Field, control: string) => `cell-${field.id}-${control}`;
const columnId = (name: string) => `matrix-cells-${name}`;
const COLUMNS = [
  ["field", "Field"],
  ["value", "Cell"],
  ["document", "Document"],
  ["article", "Article"],
  ["url", "URL"],
] as const;

/** What names a row's control and ties it to its problem. */
interface ControlNamed {
  id: string;
  "aria-labelledby": string;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}

/**
 * One control's cell of a row, with its problem below it: gone once the control changes after the refusal. The
 * control is given the attributes that name it and tie it to its problem while that stands.
 */
function ControlCell(props: {
  id: string;
  labelledBy: string;
  fault: string | undefined;
  children: (named: ControlNamed) => ComponentChildren;
}) {
  const problemId = `${props.id}-problem`;
  const { problem, changes } = useFieldProblem(props.id, props.fault);
  return (
    <td {...changes}>
      {props.children({
        id: props.id,
        "aria-labelledby": props.labelledBy,
        "aria-invalid": problem !== undefined,
        "aria-describedby": problem ? problemId : undefined,
      })}
      {problem && (
        <p id={problemId} class="field-problem">
          {problem}
        </p>
      )}
    </td>
  );
}

/** One field's row: its value and source controls, each named by the row and its column, each with its problem. */
function CellRow(props: {
  field: Field;
  draft: CellDraft;
  fault: (control: RowControl) => string | undefined;
  onChange: (draft: CellDraft) => void;
}) {
  const { field, draft, fault } = props;
  const rowId = controlId(field, "name");
  const cell = (control: RowControl) => ({
    id: controlId(field, control),
    labelledBy: `${rowId} ${columnId(control)}`,
    fault: fault(control),
  });
  return (
    <tr>
      <th scope="row" id={rowId}>
        {field.label}
      </th>
      <ControlCell {...cell("value")}>
        {(named) => (
          <select
            {...named}
            value={draft.value}
            onChange={(event) => {
              const chosen = event.currentTarget.value;
              props.onChange({ ...draft, value: CELL_VALUES.find(([value]) => value === chosen)?.[0] ?? "" });
            }}
          >
            {CELL_VALUES.map(([value, words]) => (
              <option key={value} value={value}>
                {words}
              </option>
            ))}
          </select>
        )}
      </ControlCell>
      {SOURCE_PARTS.map((part) => (
        <ControlCell key={part} {...cell(part)}>
          {(named) => (
            <input
              {...named}
              value={draft[part]}
              onInput={(event) => props.onChange({ ...draft, [part]: event.currentTarget.value })}
            />
          )}
        </ControlCell>
      ))}
    </tr>
  );
}

/** The cells of one group as a form: a row per field, its value and source; only the rows changed are sent. */
function EditCells(props: {
  current: Versioned<MatrixView>;
  fields: readonly Field[];
  shown: readonly Field[];
  label: string;
  drafts: Map<string, CellDraft>;
  setDraft: (fieldId: string, draft: CellDraft) => void;
  onSaved: (written: Versioned<MatrixView>) => void;
  onStale: () => Promise<void>;
}) {
  const { current } = props;
  const { draft, approved } = current.value;
  const cells: Cells = (draft ?? approved)?.cells ?? {};
  // Where a save goes when no version is in review: the API starts a draft, from the last approval if there is one.
  const startsDraft = draft
    ? ""
    : approved
      ? ` Saving starts a new draft from approved version ${approved.version}.`
      : " Saving starts the State's first matrix, as a draft.";
  const [sent, setSent] = useState<Change[]>([]);
  const submitting = useSubmit(
    async () => {
      const changes = cellChangesOf(props.fields, props.drafts, cells);
      setSent(changes);
      if (changes.length === 0) {
        throw nothingChanged("Nothing to save", "no cell differs from the matrix as read; change a cell first");
      }
      props.onSaved(await editMatrixCells(current, changes));
    },
    { onStale: props.onStale },
  );
  const { problem } = submitting;
  const refused = (field: Field) =>
    ROW_CONTROLS.some((control) => rowProblem(problem, sent, field.id, control) !== undefined);
  const inRows = props.fields.some(refused);
  // A refused row outside the group shown is named above the table, so the reader can go to it.
  const elsewhere = props.fields.filter((field) => !props.shown.includes(field) && refused(field));
  const general =
    problem && !inRows
      ? formProblem(problem, [])
      : elsewhere.length > 0
        ? `Refused in other groups too: ${elsewhere.map((field) => field.label).join("; ")}`
        : undefined;
  return (
    <FormFrame
      titleId="matrix-cells-title"
      title={`Set or clear cells: ${props.label}`}
      className="matrix-cells"
      general={general}
      problemId="matrix-cells-problem"
      refusal={problem}
      onSubmit={submitting.submit}
      busy={submitting.busy}
      submitLabel="Save the changed cells"
    >
      <p class="muted">
        A cell marked X or ? needs a source: the document, the article, or a URL. Changes in other groups are kept until
        saved, and saved together.{startsDraft}
      </p>
      <ScrollTable label={props.label}>
        <table data-list="matrix-cells">
          <caption class="visually-hidden">{props.label}</caption>
          <thead>
            <tr>
              {COLUMNS.map(([name, words]) => (
                <th key={name} scope="col" id={columnId(name)}>
                  {words}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.shown.map((field) => (
              <CellRow
                key={field.id}
                field={field}
                draft={props.drafts.get(field.id) ?? draftOf(cells[field.id])}
                fault={(control) => rowProblem(problem, sent, field.id, control)}
                onChange={(draft) => props.setDraft(field.id, draft)}
              />
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {problem?.status === 412 && !submitting.busy && (
        <p role="status">
          The matrix was read again: the rows you did not change show it as it now stands; yours keep what you typed.
          Saving puts them over it.
        </p>
      )}
    </FormFrame>
  );
}

export function MatrixNow(props: { iso3: string; session: Session; onChanged: () => void }) {
  const { iso3, session } = props;
  // Read once per State: only this panel writes the matrix, and it shows each write's answer (`put`); the page's
  // round, moved by every write on the page, would read it again for nothing.
  const [loaded, reread, put] = useLoad(() => matrixNow(iso3), iso3);
  const [drafts, setDrafts] = useState<Map<string, CellDraft>>(() => new Map());
  const [paragraph, setParagraph] = useState("op1");
  const [category, setCategory] = useState("");
  const mayEdit = may(session.group, "PATCH /states/{iso3}/matrix");
  const mayMove = may(session.group, "POST /states/{iso3}/matrix/transitions");
  // The write's answer is the matrix as it now stands: shown at once, so the next press writes against its ETag.
  const written = (catalogue: MatrixCatalogue) => (matrix: Versioned<MatrixView>) => {
    setDrafts(new Map());
    put({ matrix, catalogue });
    props.onChanged();
  };
  return (
    <Show what={loaded}>
      {({ matrix, catalogue }) => {
        const view = matrix.value;
        const status = view.draft?.status;
        const group = catalogue.paragraphs.find((p) => p.id === paragraph) ?? catalogue.paragraphs[0];
        if (!group) return <p>The field catalogue is empty.</p>;
        const categories = group.categories;
        const shownCategory = categories.find((c) => c === category) ?? categories[0];
        const shown = group.fields.filter((field) => field.category === shownCategory);
        const label = `${group.title}, ${shownCategory ? CATEGORY_WORDS[shownCategory] : ""}`;
        const allFields = catalogue.paragraphs.flatMap((p) => p.fields);
        return (
          <>
            <p data-field="matrix-standing">{standing(view)}</p>
            <Coverage view={view} catalogue={catalogue} />
            {mayMove && status && (
              <Moves current={matrix} status={status} onMoved={written(catalogue)} onStale={reread} />
            )}
            <section aria-labelledby="matrix-cells-group-title">
              <h3 id="matrix-cells-group-title">Cells by paragraph and category</h3>
              <div class="filters">
                <Choice
                  id="matrix-paragraph"
                  label="Paragraph"
                  value={group.id}
                  options={Object.fromEntries(catalogue.paragraphs.map((p) => [p.id, p.title]))}
                  onChange={(value) => {
                    setParagraph(value);
                    setCategory("");
                  }}
                />
                <Choice
                  id="matrix-category"
                  label="Category"
                  value={shownCategory ?? ""}
                  options={Object.fromEntries(categories.map((c) => [c, CATEGORY_WORDS[c]]))}
                  onChange={setCategory}
                />
              </div>
              <p>
                {group.title}: {group.description}.
              </p>
              {mayEdit && status === "shared-with-state" && (
                <p>
                  Version {view.draft?.version} is shared with the State: take it back to draft to change its cells.
                </p>
              )}
              {mayEdit && status !== "shared-with-state" ? (
                <EditCells
                  current={matrix}
                  fields={allFields}
                  shown={shown}
                  label={label}
                  drafts={drafts}
                  setDraft={(fieldId, draft) => setDrafts(new Map(drafts).set(fieldId, draft))}
                  onSaved={written(catalogue)}
                  onStale={reread}
                />
              ) : (
                <ReadCells fields={shown} cells={(view.draft ?? view.approved)?.cells ?? {}} label={label} />
              )}
            </section>
          </>
        );
      }}
    </Show>
  );
}
