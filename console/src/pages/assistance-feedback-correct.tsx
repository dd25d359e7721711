// The correction of one feedback on a request (ADR 0071), opened from its row under the request's Feedback table
// (assistance-feedback.tsx); its pure parts are in assistance-feedback-correction.ts.
import { useEffect, useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { FieldForm, nothingChanged, useSubmit } from "../ui/form.tsx";
import { correctFeedback, type Feedback as FeedbackNote } from "./assistance-data.ts";
import {
  correctFeedbackWords,
  type FeedbackField,
  feedbackCorrectedWords,
  feedbackCorrectionOf,
  feedbackValuesOf,
  receivedOnLabel,
} from "./assistance-feedback-correction.ts";
import { formOver, type Typed, typedWith } from "./typed-over.ts";

const unchanged = nothingChanged(
  "Nothing to correct",
  "change what it says or the day before saving, or keep the feedback as it is",
);

/**
 * The correction of one feedback, under the table: typed over the feedback as it stands, read again after a 409
 * (keeping what was typed); only the fields that differ are sent. The API's refusals land at the field they name.
 */
export function CorrectFeedback(props: {
  requestId: string;
  /** The feedback as the list now shows it. */
  feedback: FeedbackNote;
  readAgain: () => Promise<unknown>;
  onCorrected: (words: string) => void;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const { feedback } = props;
  const [typed, setTyped] = useState<Typed<FeedbackField>>({});
  // Opened from its button: the keyboard continues in the first field.
  useEffect(() => document.getElementById("feedback-correct-text")?.focus(), []);
  const submitting = useSubmit(async () => {
    const changes = feedbackCorrectionOf(feedback, typed);
    if (Object.keys(changes).length === 0) throw unchanged;
    try {
      const answer = await correctFeedback(props.requestId, feedback.id, changes);
      // Busy until the list shows it: its day decides the documents offered for a link.
      await props.readAgain();
      props.onCorrected(feedbackCorrectedWords(feedback, changes, answer));
    } catch (error) {
      // A colleague's change meanwhile, or another feedback saying the same: what stands is read again under the
      // typing kept.
      if (error instanceof ProblemError && error.problem.status === 409) await props.readAgain();
      throw error;
    }
  });
  const stored = feedbackValuesOf(feedback);
  return (
    <FieldForm
      name="feedback-correct"
      prefix="feedback-correct"
      title={correctFeedbackWords(feedback)}
      fields={[
        { name: "text", label: "What it says", control: "textarea" },
        { name: "receivedOn", label: receivedOnLabel(feedback), control: "date" },
      ]}
      values={formOver(stored, typed)}
      onChange={(field, value) => setTyped(typedWith(typed, stored, field, value))}
      submitting={submitting}
      submitLabel="Save the correction"
      onKeyDown={props.onKeyDown}
    >
      <button type="button" class="secondary" onClick={props.onClose}>
        Keep the feedback as it is
      </button>
    </FieldForm>
  );
}
