// The correction of one feedback on a request (ADR 0071), opened from its row under the request's Feedback table
// (assistance-feedback.tsx), against the version read when it opened (ADR 0072); its pure parts are in
// assistance-feedback-correction.ts.
import { useEffect, useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { FieldForm, nothingChanged, useSubmit } from "../ui/form.tsx";
import { correctFeedback, type Feedback as FeedbackNote, feedbackWithEtag, type Versioned } from "./assistance-data.ts";
import {
  correctFeedbackWords,
  type FeedbackField,
  feedbackCorrectedWords,
  feedbackCorrectionOf,
  feedbackReadAgainWords,
  feedbackValuesOf,
  receivedOnLabel,
} from "./assistance-feedback-correction.ts";
import { FeedbackRead } from "./assistance-feedback-read.tsx";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";
import { formOver, type Typed, typedWith } from "./typed-over.ts";

const unchanged = nothingChanged(
  "Nothing to correct",
  "change what it says or the day before saving, or keep the feedback as it is",
);

interface Props {
  requestId: string;
  /** Reads the page's list again, so that the table shows what stands. */
  readAgain: () => Promise<void>;
  onCorrected: (words: string) => void;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The form, typed over the feedback as read (`current`): only the fields that differ are sent, with its ETag. A
 * colleague's change since is 412: the table is read again at once, and the form reads the feedback again in place,
 * keeping what was typed. The API's other refusals land at the field they name.
 */
function CorrectFeedbackForm(
  props: Props & { current: Versioned<FeedbackNote>; onReread: (now: Versioned<FeedbackNote>) => void },
) {
  const { current } = props;
  const feedback = current.value;
  // Only the fields typed: the others show the feedback as read, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<FeedbackField>>({});
  const [reread, setReread] = useState<{ words: string }>();
  // Opened from its button: the keyboard continues in the first field.
  useEffect(() => document.getElementById("feedback-correct-text")?.focus(), []);
  const submitting = useSubmit(
    async () => {
      const changes = feedbackCorrectionOf(feedback, typed);
      if (Object.keys(changes).length === 0) throw unchanged;
      try {
        const answer = await correctFeedback(props.requestId, current, changes);
        // Busy until the list shows it: its day decides the documents offered for a link.
        await props.readAgain();
        props.onCorrected(feedbackCorrectedWords(feedback, changes, answer.value));
      } catch (error) {
        // Another feedback saying the same: the list shows it, under the typing kept.
        if (error instanceof ProblemError && error.problem.status === 409) await props.readAgain();
        throw error;
      }
    },
    { onStale: props.readAgain },
  );
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
      <ReadCurrentVersion
        id="feedback-correct-read"
        submitting={submitting}
        read={() => feedbackWithEtag(props.requestId, feedback.id)}
        onRead={(now) => {
          setReread({ words: feedbackReadAgainWords(now.value, typed) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="feedback-correct-now" read={reread} />
      <button type="button" class="secondary" onClick={props.onClose}>
        Keep the feedback as it is
      </button>
    </FieldForm>
  );
}

/** Feedback `feedbackId` read with its ETag, and its correction form; a stale save reads it again here (`put`). */
export function CorrectFeedback(props: Props & { feedbackId: string }) {
  return (
    <FeedbackRead requestId={props.requestId} feedbackId={props.feedbackId}>
      {(current, put) => <CorrectFeedbackForm {...props} current={current} onReread={put} />}
    </FeedbackRead>
  );
}
