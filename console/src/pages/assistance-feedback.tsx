// The feedback on the assistance process recorded on a request, and for the groups that may, recording more once the
// request takes it (from its circulation on, or once it is withdrawn); before then, from when it will (ADR 0064). The
// requesting State's note counts towards its assistance-feedback obligation, once: a note recorded already as the
// State's document is named by its symbol and counts as that document; one recorded here first and then as the
// State's document is linked to it afterwards, offered in its row and asked first, and a link made in error is undone
// there, asked first too (ADR 0070). Feedback whose text or day was typed wrongly is corrected in place (ADR 0071),
// against the version read (ADR 0072); feedback recorded in error is voided there, saying why (ADR 0073): its row stays,
// marked voided in words, and offers nothing more.
import { useState } from "preact/hooks";
import { standing } from "../../../shared/assistance/feedback-open.ts";
import { ProblemError } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { Confirm } from "../ui/confirm.tsx";
import { useFocusReturn } from "../ui/focus-return.ts";
import { FieldForm, type FieldSpec, FormProblem, useSubmit, useWrites } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import {
  type AssistanceRequest,
  type Feedback as FeedbackNote,
  feedbackOf,
  linkFeedbackDocument,
  recordFeedback,
  unlinkFeedbackDocument,
} from "./assistance-data.ts";
import { CorrectFeedback } from "./assistance-feedback-correct.tsx";
import { correctFeedbackWords } from "./assistance-feedback-correction.ts";
import {
  documentChoices,
  emptyFeedbackForm,
  FEEDBACK_FROM_WORDS,
  type FeedbackForm,
  feedbackFormRefusal,
  feedbackOpensWords,
  feedbackRecordedWords,
  linkableDocuments,
  newFeedbackOf,
} from "./assistance-feedback-form.ts";
import {
  documentGoneWords,
  type LinkChange,
  linkCandidates,
  linkChangedWords,
  linkQuestion,
  linkRefusalWords,
} from "./assistance-feedback-link.ts";
import { LinkedDocument, ReviewLink } from "./assistance-feedback-link-cells.tsx";
import { VoidFeedback } from "./assistance-feedback-void.tsx";
import { voidedMarkWords, voidFeedbackWords } from "./assistance-feedback-void-words.ts";
import type { StateDocuments } from "./assistance-request-document.tsx";

const FIELDS: readonly FieldSpec<keyof FeedbackForm>[] = [
  { name: "from", label: "From", control: "select", options: FEEDBACK_FROM_WORDS },
  { name: "text", label: "What it says", control: "textarea" },
  { name: "receivedOn", label: "Received on (YYYY-MM-DD; today, or the document's day, when empty)", control: "date" },
];

const isFrom = (value: string): value is FeedbackForm["from"] => value === "requester" || value === "provider";

function RecordFeedback(props: {
  request: AssistanceRequest;
  recorded: readonly FeedbackNote[];
  /** The requesting State's documents, as the page read them: the note may have been recorded as one. */
  documents: StateDocuments;
  onRecorded: () => Promise<void>;
}) {
  const { request } = props;
  const submissions = props.documents.read;
  const [form, setForm] = useState<FeedbackForm>(emptyFeedbackForm);
  const [said, setSaid] = useState("");
  const documents =
    form.from === "requester" && submissions.status === "ready"
      ? linkableDocuments(submissions.data, standing(props.recorded))
      : [];
  // A document linked meanwhile (by this form or a colleague) is offered no more, nor sent.
  const symbol = documents.some((document) => document.symbol === form.symbol) ? form.symbol : "";
  const fields: readonly FieldSpec<keyof FeedbackForm>[] =
    documents.length > 0
      ? [
          ...FIELDS,
          {
            name: "symbol",
            label: "Recorded already as the State's document (it then counts once, as that document)",
            control: "select",
            options: documentChoices(documents),
          },
        ]
      : FIELDS;
  const submitting = useSubmit(async () => {
    setSaid("");
    const refused = feedbackFormRefusal(form);
    if (refused) throw new ProblemError(refused);
    const feedback = await recordFeedback(request.id, newFeedbackOf({ ...form, symbol }));
    // Busy until the list shows it: pressed again before, the same feedback would be recorded twice.
    await Promise.all([props.onRecorded(), props.documents.reread()]);
    setSaid(feedbackRecordedWords(feedback));
    setForm(emptyFeedbackForm());
  });
  return (
    <FieldForm
      name="feedback"
      prefix="feedback"
      title="Record feedback"
      level={3}
      fields={fields}
      values={{ ...form, symbol }}
      onChange={(name, value) => {
        if (name !== "from") setForm({ ...form, [name]: value });
        else if (isFrom(value)) setForm({ ...form, from: value });
      }}
      submitting={submitting}
      submitLabel="Record the feedback"
    >
      <p role="status" id="feedback-said">
        {said}
      </p>
    </FieldForm>
  );
}

/** The forms a row opens under the table: its button's words, and its accessible name, naming the feedback. */
const ROW_FORMS = {
  correcting: { words: "Correct", name: correctFeedbackWords },
  voiding: { words: "Void", name: voidFeedbackWords },
} as const;

/**
 * The status line that says a link was made or undone, or feedback voided (the keyboard goes on from it, the button
 * pressed having gone), or feedback corrected.
 */
const CHANGED_ID = "feedback-changed";

/**
 * The feedback recorded on the request, a row each; for the groups that may link, the requesting State's feedback
 * that names no document offers the State's documents of its day that may be the same note, and for those that may
 * unlink, feedback that names one offers to undo the link. Either is asked first under the table, one question at a
 * time; the API's refusal is said there, in its words, and the list is read again. For the groups that may correct or
 * void, each row opens its correction or its void there instead. Voided feedback is listed for the record, marked so,
 * and offers none of these.
 */
function FeedbackTable(props: {
  request: AssistanceRequest;
  stateName: string;
  list: readonly FeedbackNote[];
  documents: StateDocuments;
  mayLink: boolean;
  mayUnlink: boolean;
  mayCorrect: boolean;
  mayVoid: boolean;
  reread: () => Promise<void>;
}) {
  const { list, documents } = props;
  const writing = useWrites();
  const [asking, setAsking] = useState<LinkChange>();
  // The feedback whose correction or void is open, by id: read again, the row shows it as it now stands.
  const [correcting, setCorrecting] = useState<string>();
  const [voiding, setVoiding] = useState<string>();
  // The change last sent: its refusal names its document.
  const [sent, setSent] = useState<LinkChange>();
  const [said, setSaid] = useState("");
  const focusReturn = useFocusReturn();
  const countedDocuments = props.mayLink && documents.read.status === "ready" ? documents.read.data : undefined;
  const submissions = countedDocuments ?? [];
  // One question, correction or void at a time: opening one closes the others.
  const open = (next: { asking?: LinkChange; correcting?: string; voiding?: string }) => {
    focusReturn.opened();
    writing.dismiss();
    setSaid("");
    setAsking(next.asking);
    setCorrecting(next.correcting);
    setVoiding(next.voiding);
  };
  const ask = (change: LinkChange) => open({ asking: change });
  const shut = () => {
    setAsking(undefined);
    setCorrecting(undefined);
    setVoiding(undefined);
  };
  const back = () => {
    shut();
    focusReturn.closed();
  };
  const rowForm = (feedback: FeedbackNote, form: keyof typeof ROW_FORMS) => (
    <button
      type="button"
      class="secondary"
      aria-label={ROW_FORMS[form].name(feedback)}
      aria-expanded={(form === "correcting" ? correcting : voiding) === feedback.id}
      onClick={() => open({ [form]: feedback.id })}
    >
      {ROW_FORMS[form].words}
    </button>
  );
  const inCorrection = correcting === undefined ? undefined : list.find((feedback) => feedback.id === correcting);
  const inVoid = voiding === undefined ? undefined : list.find((feedback) => feedback.id === voiding);
  const words = asking && linkQuestion(asking, props.stateName);
  const readAgain = async () => {
    await Promise.all([props.reread(), documents.reread()]);
  };
  const send = ({ kind, feedback, symbol }: LinkChange) =>
    kind === "link"
      ? linkFeedbackDocument(props.request.id, feedback.id, symbol)
      : unlinkFeedbackDocument(props.request.id, feedback.id, symbol);
  const change = (asked: LinkChange) => async () => {
    setSent(asked);
    try {
      const answer = await send(asked);
      // Busy until the list shows the change: the documents offered follow.
      await readAgain();
      setSaid(linkChangedWords(asked, answer));
      setAsking(undefined);
      focusReturn.closed(() => document.getElementById(CHANGED_ID));
    } catch (error) {
      // The refusal is said where the question was, and takes the focus; what it found (a colleague's change of the
      // link, a document voided or corrected) is read again, so that the row offers only what may still be done.
      setAsking(undefined);
      if (error instanceof ProblemError) await readAgain();
      throw error;
    }
  };
  return (
    <>
      <ListTable
        empty="No feedback has been recorded on this request."
        label="Feedback on the request"
        list="feedback"
        rows={list}
        keyOf={(feedback) => feedback.id}
        classOf={(feedback) => (feedback.voided ? "inactive" : undefined)}
        columns={[
          { header: "Received", cell: (feedback) => feedback.receivedOn },
          { header: "From", cell: (feedback) => FEEDBACK_FROM_WORDS[feedback.from] },
          {
            header: "What it says",
            cell: (feedback) => (
              <>
                {feedback.voided && <div data-field="voided">{voidedMarkWords(feedback.voided)}</div>}
                {feedback.text}
              </>
            ),
          },
          {
            header: "The State's document",
            field: "document",
            cell: (feedback) => {
              const named = feedback.document?.symbol;
              if (named) {
                return (
                  <LinkedDocument
                    symbol={named}
                    voidedWords={documentGoneWords(feedback, countedDocuments)}
                    mayUnlink={props.mayUnlink && !feedback.voided}
                    busy={writing.busy}
                    onUnlink={() => ask({ kind: "unlink", feedback, symbol: named })}
                  />
                );
              }
              const candidates = linkCandidates(feedback, submissions, list);
              if (candidates.length === 0) return "";
              return (
                <ReviewLink
                  feedback={feedback}
                  candidates={candidates}
                  busy={writing.busy}
                  onReview={(symbol) => ask({ kind: "link", feedback, symbol })}
                />
              );
            },
          },
          ...(props.mayCorrect || props.mayVoid
            ? [
                {
                  header: "Correct or void",
                  field: "change",
                  cell: (feedback: FeedbackNote) =>
                    !feedback.voided && (
                      <div class="actions">
                        {props.mayCorrect && rowForm(feedback, "correcting")}
                        {props.mayVoid && rowForm(feedback, "voiding")}
                      </div>
                    ),
                },
              ]
            : []),
        ]}
      />
      <div data-refusal-scope>
        {writing.problem && sent && (
          <FormProblem id="feedback-link-problem">{linkRefusalWords(writing.problem, sent.symbol)}</FormProblem>
        )}
        {words && asking && (
          <Confirm
            // Another question asked over this one is drawn anew, so that its safe answer takes the focus.
            key={`${asking.kind} ${asking.feedback.id}`}
            question={words.question}
            yes={words.yes}
            no={words.no}
            busy={writing.busy}
            onYes={(event) => void writing.run(event, change(asking))}
            onNo={back}
            onKeyDown={focusReturn.escapeCloses(back)}
          >
            <p>{words.means}</p>
          </Confirm>
        )}
        <p role="status" id={CHANGED_ID} tabIndex={-1}>
          {said}
        </p>
      </div>
      {inCorrection && (
        <CorrectFeedback
          // Another feedback's correction is drawn anew, with nothing typed.
          key={inCorrection.id}
          requestId={props.request.id}
          feedbackId={inCorrection.id}
          readAgain={readAgain}
          onCorrected={(words) => {
            back();
            setSaid(words);
          }}
          onClose={back}
          onKeyDown={focusReturn.escapeCloses(back)}
        />
      )}
      {inVoid && (
        <VoidFeedback
          // Another feedback's void is drawn anew, with no reason typed.
          key={inVoid.id}
          requestId={props.request.id}
          feedbackId={inVoid.id}
          stateName={props.stateName}
          readAgain={readAgain}
          onDone={(words) => {
            // The row's button has gone with its row's actions: the keyboard goes on from the status line.
            shut();
            setSaid(words);
            focusReturn.closed(() => document.getElementById(CHANGED_ID));
          }}
          onClose={back}
          onKeyDown={focusReturn.escapeCloses(back)}
        />
      )}
    </>
  );
}

export function Feedback({
  request,
  stateName,
  documents,
  session,
}: {
  request: AssistanceRequest;
  /** The requesting State's name, as the page says it. */
  stateName: string;
  documents: StateDocuments;
  session: Session;
}) {
  const [loaded, reread] = useLoad(() => feedbackOf(request.id), request.id);
  const opens = feedbackOpensWords(request);
  const mayLink = may(session.group, "PUT /assistance/requests/{id}/feedback/{feedbackId}/document");
  const mayUnlink = may(session.group, "DELETE /assistance/requests/{id}/feedback/{feedbackId}/document");
  const mayCorrect = may(session.group, "PATCH /assistance/requests/{id}/feedback/{feedbackId}");
  const mayVoid = may(session.group, "POST /assistance/requests/{id}/feedback/{feedbackId}/void");
  return (
    <section aria-labelledby="request-feedback-title">
      <h2 id="request-feedback-title">Feedback</h2>
      <Show what={loaded}>
        {(list) => (
          <>
            <FeedbackTable
              request={request}
              stateName={stateName}
              list={list}
              documents={documents}
              mayLink={mayLink}
              mayUnlink={mayUnlink}
              mayCorrect={mayCorrect}
              mayVoid={mayVoid}
              reread={reread}
            />
            {opens ? (
              <p id="feedback-opens">{opens}</p>
            ) : (
              may(session.group, "POST /assistance/requests/{id}/feedback") && (
                <RecordFeedback request={request} recorded={list} documents={documents} onRecorded={reread} />
              )
            )}
          </>
        )}
      </Show>
    </section>
  );
}
