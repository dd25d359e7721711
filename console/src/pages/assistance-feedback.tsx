// The feedback on a fulfilled request (the API takes it only then): what was recorded, and for the groups that may,
// recording more; the requesting State's fulfils its assistance-feedback obligation.
import { useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { FieldForm, type FieldSpec, useSubmit } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { type AssistanceRequest, feedbackOf, recordFeedback } from "./assistance-data.ts";
import {
  emptyFeedbackForm,
  FEEDBACK_FROM_WORDS,
  type FeedbackForm,
  feedbackFormRefusal,
  feedbackRecordedWords,
  newFeedbackOf,
} from "./assistance-feedback-form.ts";

const FIELDS: readonly FieldSpec<keyof FeedbackForm>[] = [
  { name: "from", label: "From", control: "select", options: FEEDBACK_FROM_WORDS },
  { name: "text", label: "What it says", control: "textarea" },
  { name: "receivedOn", label: "Received on (YYYY-MM-DD; today when empty)", control: "date" },
];

const isFrom = (value: string): value is FeedbackForm["from"] => value === "requester" || value === "provider";

function RecordFeedback({ requestId, onRecorded }: { requestId: string; onRecorded: () => Promise<void> }) {
  const [form, setForm] = useState<FeedbackForm>(emptyFeedbackForm);
  const [said, setSaid] = useState("");
  const submitting = useSubmit(async () => {
    setSaid("");
    const refused = feedbackFormRefusal(form);
    if (refused) throw new ProblemError(refused);
    const feedback = await recordFeedback(requestId, newFeedbackOf(form));
    // Busy until the list shows it: pressed again before, the same feedback would be recorded twice.
    await onRecorded();
    setSaid(feedbackRecordedWords(feedback));
    setForm(emptyFeedbackForm());
  });
  return (
    <FieldForm
      name="feedback"
      prefix="feedback"
      title="Record feedback"
      level={3}
      fields={FIELDS}
      values={form}
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

export function Feedback({ request, session }: { request: AssistanceRequest; session: Session }) {
  const [loaded, reread] = useLoad(() => feedbackOf(request.id), request.id);
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback</h2>
      <Show what={loaded}>
        {(list) => (
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
            ]}
          />
        )}
      </Show>
      {may(session.group, "POST /assistance/requests/{id}/feedback") && (
        <RecordFeedback requestId={request.id} onRecorded={reread} />
      )}
    </section>
  );
}
