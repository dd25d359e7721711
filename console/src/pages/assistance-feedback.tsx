// The feedback on the assistance process recorded on a request, and for the groups that may, recording more once the
// request takes it (from its circulation on, or once it is withdrawn); before then, from when it will (ADR 0064). The
// requesting State's note counts towards its assistance-feedback obligation, once: a note recorded already as the
// State's document is named by its symbol and counts as that document; one recorded here first and then as the
// State's document is linked to it afterwards, offered in its row and asked first (ADR 0070).
import { useState } from "preact/hooks";
import { ProblemError, type Schemas } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { BusyButton } from "../ui/busy-button.tsx";
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
} from "./assistance-data.ts";
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
  feedbackLinkedWords,
  linkCandidates,
  linkMeansWords,
  linkQuestion,
  linkRefusalWords,
} from "./assistance-feedback-link.ts";
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
      ? linkableDocuments(submissions.data, props.recorded)
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

/** The status line that says a link was made; the keyboard goes on from it, the button pressed having gone. */
const LINKED_ID = "feedback-linked";

/** A link about to be sent, or sent: the feedback and the symbol of the State's document it is the same note as. */
interface Link {
  feedback: FeedbackNote;
  symbol: string;
}

/**
 * In the document cell of the requesting State's feedback that names none: the review of its link to the one
 * document of its day it may be, or a choice among several.
 */
function ReviewLink(props: {
  feedback: FeedbackNote;
  candidates: readonly Schemas["Submission"][];
  busy: boolean;
  onReview: (symbol: string) => void;
}) {
  const { candidates } = props;
  const [chosen, setChosen] = useState("");
  // A document linked meanwhile is offered no more: the choice falls back on the first still offered.
  const symbol = candidates.find((document) => document.symbol === chosen)?.symbol ?? candidates[0]?.symbol ?? "";
  const review = (words: string) => (
    <BusyButton type="button" class="secondary" busy={props.busy} onClick={() => props.onReview(symbol)}>
      {words}
    </BusyButton>
  );
  if (candidates.length === 1) return review(`Review the link to ${symbol}`);
  const id = `feedback-link-${props.feedback.id}`;
  return (
    <div class="inline-form">
      <label for={id}>The same note as</label>
      <select id={id} value={symbol} onChange={(e) => setChosen(e.currentTarget.value)}>
        {candidates.map((document) => (
          <option key={document.id} value={document.symbol}>
            {document.symbol}
          </option>
        ))}
      </select>
      {review("Review the link")}
    </div>
  );
}

/**
 * The feedback recorded on the request, a row each; for the groups that may link, the requesting State's feedback
 * that names no document offers the State's documents of its day that may be the same note. The link is asked first
 * under the table; the API's refusal is said there, in its words, and a conflict (a colleague's link meanwhile) reads
 * the list again.
 */
function FeedbackTable(props: {
  request: AssistanceRequest;
  stateName: string;
  list: readonly FeedbackNote[];
  documents: StateDocuments;
  mayLink: boolean;
  reread: () => Promise<void>;
}) {
  const { list, documents } = props;
  const writing = useWrites();
  const [asking, setAsking] = useState<Link>();
  // The link last sent: its refusal names its document.
  const [sent, setSent] = useState<Link>();
  const [said, setSaid] = useState("");
  const focusReturn = useFocusReturn();
  const submissions = props.mayLink && documents.read.status === "ready" ? documents.read.data : [];
  const review = (feedback: FeedbackNote, symbol: string) => {
    focusReturn.opened();
    writing.dismiss();
    setSaid("");
    setAsking({ feedback, symbol });
  };
  const back = () => {
    setAsking(undefined);
    focusReturn.closed();
  };
  const readAgain = () => Promise.all([props.reread(), documents.reread()]);
  const link = (asked: Link) => async () => {
    setSent(asked);
    try {
      const linked = await linkFeedbackDocument(props.request.id, asked.feedback.id, asked.symbol);
      // Busy until the list shows it linked: the documents offered follow.
      await readAgain();
      setSaid(feedbackLinkedWords(linked));
      setAsking(undefined);
      focusReturn.closed(() => document.getElementById(LINKED_ID));
    } catch (error) {
      // The refusal is said where the question was, and takes the focus; what it found (a colleague's link, a
      // document voided or corrected) is read again, so that the row offers only what may still be linked.
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
        columns={[
          { header: "Received", cell: (feedback) => feedback.receivedOn },
          { header: "From", cell: (feedback) => FEEDBACK_FROM_WORDS[feedback.from] },
          { header: "What it says", cell: (feedback) => feedback.text },
          {
            header: "The State's document",
            field: "document",
            cell: (feedback) => {
              if (feedback.document) return feedback.document.symbol;
              const candidates = linkCandidates(feedback, submissions, list);
              if (candidates.length === 0) return "";
              return (
                <ReviewLink
                  feedback={feedback}
                  candidates={candidates}
                  busy={writing.busy}
                  onReview={(symbol) => review(feedback, symbol)}
                />
              );
            },
          },
        ]}
      />
      <div data-refusal-scope>
        {writing.problem && sent && (
          <FormProblem id="feedback-link-problem">{linkRefusalWords(writing.problem, sent.symbol)}</FormProblem>
        )}
        {asking && (
          <Confirm
            question={linkQuestion(asking.feedback, asking.symbol, props.stateName)}
            yes="Yes, link them"
            no="Keep them apart"
            busy={writing.busy}
            onYes={(event) => void writing.run(event, link(asking))}
            onNo={back}
            onKeyDown={focusReturn.escapeCloses(back)}
          >
            <p>{linkMeansWords(props.stateName)}</p>
          </Confirm>
        )}
        <p role="status" id={LINKED_ID} tabIndex={-1}>
          {said}
        </p>
      </div>
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
