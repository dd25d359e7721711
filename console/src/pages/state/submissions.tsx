// The State's submissions: the list, and for the groups that may, recording one, and correcting or voiding one with
// If-Match (a stale edit's 412 is shown at the form, which keeps what was typed).
import { useEffect, useRef, useState } from "preact/hooks";
import type { Versioned } from "../../api/versioned.ts";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { FieldForm, type FieldSpec, useSubmit } from "../../ui/form.tsx";
import { ListTable } from "../../ui/list-table.tsx";
import { Show, useLoad } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import {
  correctSubmission,
  type Dossier,
  recordSubmission,
  type Submission,
  submissionWithEtag,
  voidSubmission,
} from "./data.ts";
import { codeIn, LANGUAGES, SUBMISSION_KINDS } from "./labels.ts";
import { type CorrectField, correctionOf } from "./readings.ts";

type RecordField = "kind" | "receivedOn" | "symbol" | "language" | "note";

const symbolId = (submission: Submission) => `symbol-${submission.id}`;

const DETAILS: readonly FieldSpec<CorrectField>[] = [
  { name: "receivedOn", label: "Received on (YYYY-MM-DD)", control: "date" },
  { name: "symbol", label: "Document symbol" },
  { name: "language", label: "Language", control: "select", options: LANGUAGES },
  { name: "note", label: "Note (optional)", control: "textarea" },
];

function RecordSubmission({ dossier, onRecorded }: { dossier: Dossier; onRecorded: () => Promise<void> }) {
  // A first report is offered only while it is owed: the API refuses a second one.
  const { "first-report": first, ...others } = SUBMISSION_KINDS;
  const kinds = dossier.state.reportingStatus === "non-reporting" ? { "first-report": first, ...others } : others;
  const [form, setForm] = useState<Record<RecordField, string>>(() => ({
    kind: Object.keys(kinds)[0] ?? "additional-information",
    receivedOn: "",
    symbol: "",
    language: dossier.state.language,
    note: "",
  }));
  const submitting = useSubmit(async () => {
    const { kind, receivedOn, symbol, language, note } = form;
    // The selects offer only the API's codes; codeIn reads them back as its types.
    await recordSubmission(dossier.state.iso3, {
      kind: codeIn(SUBMISSION_KINDS, kind) ?? "additional-information",
      receivedOn,
      symbol,
      language: codeIn(LANGUAGES, language) ?? dossier.state.language,
      ...(note ? { note } : {}),
    });
    // Busy until the list shows it (the form then starts empty): pressed again before, the same document would be
    // refused as already recorded.
    await onRecorded();
  });
  return (
    <FieldForm
      name="record"
      title="Record a received document"
      fields={[{ name: "kind", label: "Kind", control: "select", options: kinds }, ...DETAILS]}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel={form.kind === "first-report" ? "Record a first report" : "Record the submission"}
    />
  );
}

function CorrectSubmission(props: {
  current: Versioned<Submission>;
  onDone: () => Promise<void>;
  onReread: () => void;
}) {
  const { current, onDone } = props;
  const { value } = current;
  const [form, setForm] = useState<Record<CorrectField, string>>({
    receivedOn: value.receivedOn,
    symbol: value.symbol,
    language: value.language,
    note: value.note ?? "",
  });
  const submitting = useSubmit(async () => {
    await correctSubmission(current, correctionOf(value, form));
    await onDone();
  });
  // The version the editor opened on: a later one was read after a 412.
  const [openedAt] = useState(current.etag);
  return (
    <FieldForm
      name="correct"
      prefix="correct"
      title={`Correct ${value.symbol}`}
      fields={DETAILS}
      values={form}
      onChange={(name, changed) => setForm({ ...form, [name]: changed })}
      submitting={submitting}
      submitLabel="Save the correction"
    >
      {submitting.problem?.status === 412 && (
        // Someone saved first: read their version, keep what was typed here, and save again over theirs knowingly.
        <button
          type="button"
          class="secondary"
          onClick={() => {
            submitting.dismiss();
            props.onReread();
          }}
        >
          Read the current version (keeps what you typed)
        </button>
      )}
      {current.etag !== openedAt && (
        <p role="status">
          {`Now on record: received ${value.receivedOn}, ${value.symbol}, ${LANGUAGES[value.language]}, ` +
            `note "${value.note ?? ""}". Saving puts the values above over it.`}
        </p>
      )}
    </FieldForm>
  );
}

function VoidSubmission(props: { current: Versioned<Submission>; onVoided: (voided: Submission) => Promise<void> }) {
  const { current } = props;
  const [form, setForm] = useState({ reason: "" });
  const submitting = useSubmit(async () => {
    await props.onVoided(await voidSubmission(current, form.reason));
  });
  return (
    <FieldForm
      name="void"
      prefix="void"
      title={`Void ${current.value.symbol}`}
      fields={[{ name: "reason", label: "Why it was recorded in error", control: "textarea" }]}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Void the submission"
    />
  );
}

/** One submission read with its ETag: both forms write against the version the reader saw. */
function SubmissionEditor(props: {
  iso3: string;
  id: string;
  onClose: () => void;
  onChanged: () => Promise<void>;
  onVoided: (voided: Submission) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const [loaded, reread] = useLoad(() => submissionWithEtag(props.iso3, props.id), props.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the keyboard continues in the editor.
  useEffect(() => heading.current?.focus(), []);
  // The editor stays open, busy, until the list shows the change; then it closes.
  const done = async () => {
    await props.onChanged();
    props.onClose();
  };
  return (
    <section class="editor" aria-labelledby="editor-title" onKeyDown={props.onKeyDown}>
      <h3 id="editor-title" tabIndex={-1} ref={heading}>
        Correct or void a submission
      </h3>
      <Show what={loaded}>
        {(current) => (
          <>
            <CorrectSubmission current={current} onDone={done} onReread={reread} />
            <VoidSubmission
              current={current}
              onVoided={(voided) => {
                props.onVoided(voided);
                return done();
              }}
            />
          </>
        )}
      </Show>
      <button type="button" class="secondary" onClick={props.onClose}>
        Close without saving
      </button>
    </section>
  );
}

export function Submissions(props: { dossier: Dossier; session: Session; onChanged: () => Promise<void> }) {
  const { state, submissions } = props.dossier;
  const [editing, setEditing] = useState<string>();
  const focusReturn = useFocusReturn();
  // A voided row leaves the list with its button: the panel's heading is the nearest place to go on from.
  const close = () => {
    setEditing(undefined);
    focusReturn.closed(() => document.getElementById("submissions-title"));
  };
  // A voided submission leaves the list (it counts as never recorded): say so where it was. It leaves at once, with
  // its status line, not when the dossier has been read again.
  const [voided, setVoided] = useState<Submission>();
  const counted = voided ? submissions.filter((s) => s.id !== voided.id) : submissions;
  const mayCorrect = may(props.session.group, "PATCH /states/{iso3}/submissions/{id}");
  return (
    <Panel id="submissions" title="Submissions">
      <ListTable
        empty="No submission counts: none recorded, or every one voided."
        label="Submissions received"
        rows={counted}
        keyOf={(s) => s.id}
        columns={[
          { header: "Received", cell: (s) => s.receivedOn },
          { header: "Kind", cell: (s) => SUBMISSION_KINDS[s.kind] },
          { header: "Symbol", cell: (s) => <span id={symbolId(s)}>{s.symbol}</span> },
          { header: "Language", cell: (s) => LANGUAGES[s.language] },
          { header: "Note", cell: (s) => s.note ?? "" },
          ...(mayCorrect
            ? [
                {
                  header: "Actions",
                  // Named alike on every row, told apart by the symbol it describes: the symbol stays its own cell's name.
                  cell: (s: Submission) => (
                    <button
                      type="button"
                      aria-describedby={symbolId(s)}
                      onClick={() => {
                        focusReturn.opened();
                        setEditing(s.id);
                      }}
                    >
                      Correct or void
                    </button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <SubmissionEditor
          key={editing}
          iso3={state.iso3}
          id={editing}
          onClose={close}
          onChanged={props.onChanged}
          onVoided={setVoided}
          onKeyDown={focusReturn.escapeCloses(close)}
        />
      )}
      {voided && (
        <p role="status">
          {voided.symbol} voided ({voided.voided?.reason}): it no longer counts, as if it had never been recorded.
        </p>
      )}
      {may(props.session.group, "POST /states/{iso3}/submissions") && (
        <RecordSubmission key={submissions.length} dossier={props.dossier} onRecorded={props.onChanged} />
      )}
    </Panel>
  );
}
