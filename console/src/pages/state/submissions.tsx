// The State's submissions: the list, and for the groups that may, recording one, and correcting, re-kinding or voiding
// one with If-Match (a correction sends only what was typed; a stale edit's 412 is shown at the form, which reads the
// current version in place and keeps what was typed over the fields left alone; a kind is corrected after a question
// that says what changes: submission-kind-form.tsx). A submission a colleague voided meanwhile, found so on reading
// again or by the API's 409, leaves with its forms as after the page's own void, said with who voided it and why.
// A document that is also one of the State's assistance requests (the request arrived in it, under its symbol: ADR
// 0068) says so, linking the request.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Versioned } from "../../api/versioned.ts";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { href } from "../../router.ts";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { FieldForm, type FieldSpec, problemOf, useSubmit } from "../../ui/form.tsx";
import { ListTable } from "../../ui/list-table.tsx";
import { type Loaded, Show, useLoad } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import type { AssistanceRequest } from "../assistance-data.ts";
import { sharesSymbol } from "../assistance-request-document.tsx";
import { ReadAgainStatus, ReadCurrentVersion } from "../read-current-version.tsx";
import { formOver, readAgainWords, type Typed, typedWith } from "../typed-over.ts";
import { voiderOf } from "./colleague-reads.ts";
import { correctSubmission, type Dossier, type Submission, submissionWithEtag, voidSubmission } from "./data.ts";
import { LANGUAGES, SUBMISSION_KINDS } from "./labels.ts";
import { CORRECTION_WORDS, type CorrectField, correctionOf, correctionValuesOf } from "./readings.ts";
import { kindCorrectedWords } from "./submission-kind.ts";
import { CorrectKind, type VoidedMeanwhile } from "./submission-kind-form.tsx";
import { RecordSubmission } from "./submission-record.tsx";
import { nowOnRecordWords, refusedAsVoided, voidedMeanwhileWords, voidedWords } from "./voided-meanwhile.ts";

const symbolId = (submission: Submission) => `symbol-${submission.id}`;

const DETAILS: readonly FieldSpec<CorrectField>[] = [
  { name: "receivedOn", label: "Received on (YYYY-MM-DD)", control: "date" },
  { name: "symbol", label: "Document symbol" },
  { name: "language", label: "Language", control: "select", options: LANGUAGES },
  { name: "note", label: "Note (optional)", control: "textarea" },
];

function CorrectSubmission(props: {
  current: Versioned<Submission>;
  onDone: () => Promise<void>;
  onReread: (current: Versioned<Submission>) => void;
  voidedMeanwhile: VoidedMeanwhile;
}) {
  const { current, onDone, voidedMeanwhile } = props;
  const { value } = current;
  // Only the fields typed: the others show the submission as it stands, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<CorrectField>>({});
  const [reread, setReread] = useState<{ words: string }>();
  const submitting = useSubmit(
    voidedMeanwhile.unlessVoided(async () => {
      await correctSubmission(current, correctionOf(value, typed));
      await onDone();
    }),
  );
  const stored = correctionValuesOf(value);
  return (
    <FieldForm
      name="correct"
      prefix="correct"
      title={`Correct ${value.symbol}`}
      fields={DETAILS}
      values={formOver(stored, typed)}
      onChange={(name, changed) => setTyped(typedWith(typed, stored, name, changed))}
      submitting={submitting}
      submitLabel="Save the correction"
    >
      <ReadCurrentVersion
        id="correct-read"
        submitting={submitting}
        read={() => submissionWithEtag(value.iso3, value.id)}
        gone={voidedMeanwhile.gone}
        onRead={(now) => {
          setReread({ words: readAgainWords(correctionValuesOf(now.value), typed, CORRECTION_WORDS) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="correct-now" read={reread} />
    </FieldForm>
  );
}

function VoidSubmission(props: {
  current: Versioned<Submission>;
  onVoided: (voided: Submission) => Promise<void>;
  onReread: (current: Versioned<Submission>) => void;
  voidedMeanwhile: VoidedMeanwhile;
}) {
  const { current, voidedMeanwhile } = props;
  const { value } = current;
  const [form, setForm] = useState({ reason: "" });
  const [reread, setReread] = useState<{ words: string }>();
  const submitting = useSubmit(
    voidedMeanwhile.unlessVoided(async () => {
      await props.onVoided(await voidSubmission(current, form.reason));
    }),
  );
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
    >
      <ReadCurrentVersion
        id="void-read"
        submitting={submitting}
        read={() => submissionWithEtag(value.iso3, value.id)}
        gone={voidedMeanwhile.gone}
        onRead={(now) => {
          setReread({ words: nowOnRecordWords(now.value) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="void-now" read={reread} />
    </FieldForm>
  );
}

/** A submission's kind corrected, with the kind it had. */
interface KindCorrected {
  corrected: Submission;
  was: Submission["kind"];
}

/** One submission read with its ETag: every form writes against the version the reader saw. */
function SubmissionEditor(props: {
  dossier: Dossier;
  id: string;
  onClose: () => void;
  onChanged: () => Promise<void>;
  /** A submission voided, by the page or (found so) by someone else, with what the page says of it. */
  onVoided: (voided: Submission, words: string) => void;
  onKindCorrected: (corrected: KindCorrected) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const { iso3 } = props.dossier.state;
  // A correction refused as stale reads the submission again itself and shows it here (`put`).
  const [loaded, , put] = useLoad(() => submissionWithEtag(iso3, props.id), props.id);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a row's button: the keyboard continues in the editor.
  useEffect(() => heading.current?.focus(), []);
  // The editor stays open, busy, until the list shows the change; then it closes.
  const done = async () => {
    await props.onChanged();
    props.onClose();
  };
  // Voided by someone else: said, with who and why, and gone as after the page's own void (its row leaves, the
  // dossier is read again: the obligations and reporting status as they now stand). Nothing is left to write: the
  // forms close at once, with the row.
  const leaveVoided = async (voided: Submission) => {
    props.onVoided(voided, voidedMeanwhileWords(voided, await voiderOf(voided)));
    props.onClose();
    await props.onChanged();
  };
  const voidedMeanwhile: VoidedMeanwhile = {
    gone: { is: (now) => now.value.voided !== undefined, leave: (now) => leaveVoided(now.value) },
    unlessVoided: (write) => async () => {
      try {
        await write();
      } catch (error) {
        if (!refusedAsVoided(problemOf(error))) throw error;
        // The 409 names no one: the submission read again does. Unread, the refusal is said as the API gave it.
        const now = await submissionWithEtag(iso3, props.id).catch(() => undefined);
        if (!now?.value.voided) throw error;
        await leaveVoided(now.value);
      }
    },
  };
  return (
    <section class="editor" aria-labelledby="editor-title" onKeyDown={props.onKeyDown}>
      <h3 id="editor-title" tabIndex={-1} ref={heading}>
        Correct or void a submission
      </h3>
      <Show what={loaded}>
        {(current) => (
          <>
            <CorrectSubmission current={current} onDone={done} onReread={put} voidedMeanwhile={voidedMeanwhile} />
            <CorrectKind
              dossier={props.dossier}
              current={current}
              onReread={put}
              voidedMeanwhile={voidedMeanwhile}
              onCorrected={async (corrected, was) => {
                // Said once the dossier read again shows the State's reporting status as it now stands.
                await props.onChanged();
                props.onKindCorrected({ corrected, was });
                props.onClose();
              }}
            />
            <VoidSubmission
              current={current}
              onReread={put}
              voidedMeanwhile={voidedMeanwhile}
              onVoided={(voided) => {
                props.onVoided(voided, voidedWords(voided));
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

/** The State's request under the document's symbol, if the requests are read and one is. */
function requestUnder(document: Submission, requests: Loaded<AssistanceRequest[]>): AssistanceRequest | undefined {
  return requests.status === "ready" ? requests.data.find((request) => sharesSymbol(document, request)) : undefined;
}

export function Submissions(props: {
  dossier: Dossier;
  /** The State's assistance requests, as the page read them: a document that is also one says so. */
  requests: Loaded<AssistanceRequest[]>;
  session: Session;
  onChanged: () => Promise<void>;
}) {
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
  const [voided, setVoided] = useState<{ id: string; words: string }>();
  const [kindCorrected, setKindCorrected] = useState<KindCorrected>();
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
          {
            header: "Symbol",
            cell: (s) => {
              const request = requestUnder(s, props.requests);
              return (
                <>
                  <span id={symbolId(s)}>{s.symbol}</span>
                  {request && (
                    <span class="muted" data-field="also-request">
                      {" "}
                      (also <a href={href.assistanceRequest(request.id)}>assistance request {request.symbol}</a>)
                    </span>
                  )}
                </>
              );
            },
          },
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
          dossier={props.dossier}
          id={editing}
          onClose={close}
          onChanged={props.onChanged}
          onVoided={(submission, words) => {
            setKindCorrected(undefined);
            setVoided({ id: submission.id, words });
          }}
          onKindCorrected={(corrected) => {
            setVoided(undefined);
            setKindCorrected(corrected);
          }}
          onKeyDown={focusReturn.escapeCloses(close)}
        />
      )}
      {voided && <p role="status">{voided.words}</p>}
      {kindCorrected && <p role="status">{kindCorrectedWords(kindCorrected.corrected, kindCorrected.was, state)}</p>}
      {may(props.session.group, "POST /states/{iso3}/submissions") && (
        <RecordSubmission
          dossier={props.dossier}
          onRecorded={props.onChanged}
          onOpen={(submission) => {
            focusReturn.opened();
            setEditing(submission.id);
          }}
        />
      )}
    </Panel>
  );
}
