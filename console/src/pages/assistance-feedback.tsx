// The feedback on the assistance process recorded on a request, and for the groups that may, recording more once the
// request takes it (from its circulation on, or once it is withdrawn); before then, from when it will (ADR 0064). The
// requesting State's note counts towards its assistance-feedback obligation, once: a note recorded already as the
// State's document is named by its symbol and counts as that document.
import { useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { FieldForm, type FieldSpec, useSubmit } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import {
  type AssistanceRequest,
  type Feedback as FeedbackNote,
  feedbackOf,
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

export function Feedback({
  request,
  documents,
  session,
}: {
  request: AssistanceRequest;
  documents: StateDocuments;
  session: Session;
}) {
  const [loaded, reread] = useLoad(() => feedbackOf(request.id), request.id);
  const opens = feedbackOpensWords(request);
  return (
    <section aria-labelledby="request-feedback-title">
      <h2 id="request-feedback-title">Feedback</h2>
      <Show what={loaded}>
        {(list) => (
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
                { header: "The State's document", cell: (feedback) => feedback.document?.symbol ?? "" },
              ]}
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
