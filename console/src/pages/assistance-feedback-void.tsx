// Voiding one feedback recorded in error (ADR 0073), opened from its row under the request's Feedback table
// (assistance-feedback.tsx), against the version read when it opened (ADR 0072); its words are in
// assistance-feedback-void-words.ts.
import { useEffect, useState } from "preact/hooks";
import { ProblemError } from "../api/client.ts";
import { Field, FormFrame, fieldProblem, formProblem, useSubmit } from "../ui/form.tsx";
import { type Feedback as FeedbackNote, feedbackWithEtag, type Versioned, voidFeedback } from "./assistance-data.ts";
import { FeedbackRead } from "./assistance-feedback-read.tsx";
import {
  feedbackVoidedWords,
  voidedMeanwhileWords,
  voidFeedbackWords,
  voidMeansWords,
  voidReadAgainWords,
} from "./assistance-feedback-void-words.ts";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";

const REASON_ID = "feedback-void-reason";

interface Props {
  requestId: string;
  /** The requesting State's name, as the page says it. */
  stateName: string;
  /** Reads the page's list again, so that the table shows what stands. */
  readAgain: () => Promise<void>;
  /** The form's end, voided here or found voided meanwhile: what the status line says. */
  onDone: (words: string) => void;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/**
 * The form over the feedback as read (`current`): what voiding this note does, the reason, sent with its ETag. A
 * colleague's change since is 412: the table is read again at once, and the form reads the feedback again in place,
 * keeping the reason. Found voided meanwhile (the API's 409, or that reading), the form ends, saying so. The API's
 * refusal of the reason lands at its field.
 */
function VoidFeedbackForm(
  props: Props & { current: Versioned<FeedbackNote>; onReread: (now: Versioned<FeedbackNote>) => void },
) {
  const { current } = props;
  const feedback = current.value;
  const [reason, setReason] = useState("");
  const [reread, setReread] = useState<{ words: string }>();
  // Opened from its button: the keyboard continues in the reason.
  useEffect(() => document.getElementById(REASON_ID)?.focus(), []);
  const leaveVoided = async (now: FeedbackNote) => {
    await props.readAgain();
    if (now.voided) props.onDone(voidedMeanwhileWords(now, now.voided));
  };
  const submitting = useSubmit(
    async () => {
      try {
        const answer = await voidFeedback(props.requestId, current, reason);
        // Busy until the list shows it voided: its row offers nothing more.
        await props.readAgain();
        props.onDone(feedbackVoidedWords(feedback, answer.value.voided?.reason ?? reason));
      } catch (error) {
        if (!(error instanceof ProblemError && error.problem.status === 409)) throw error;
        // Voided meanwhile: the feedback read again closes the form and the status line says when and why, as the
        // row will. Unread, or another conflict, the refusal is said as the API gave it.
        const now = await feedbackWithEtag(props.requestId, feedback.id).catch(() => undefined);
        if (!now?.value.voided) throw error;
        await leaveVoided(now.value);
      }
    },
    { onStale: props.readAgain },
  );
  const { problem } = submitting;
  return (
    <FormFrame
      titleId="feedback-void-title"
      title={voidFeedbackWords(feedback)}
      general={formProblem(problem, ["reason"])}
      refusal={problem}
      problemId="feedback-void-problem"
      onSubmit={submitting.submit}
      onKeyDown={props.onKeyDown}
      busy={submitting.busy}
      submitLabel="Void this feedback"
    >
      <p id="feedback-void-means">{voidMeansWords(feedback, props.stateName)}</p>
      <Field id={REASON_ID} label="Why it was recorded in error" problem={fieldProblem(problem, "reason")}>
        {(describedBy, invalid) => (
          <textarea
            id={REASON_ID}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            value={reason}
            onInput={(event) => setReason(event.currentTarget.value)}
          />
        )}
      </Field>
      <ReadCurrentVersion
        id="feedback-void-read"
        submitting={submitting}
        read={() => feedbackWithEtag(props.requestId, feedback.id)}
        gone={{ is: (now) => now.value.voided !== undefined, leave: (now) => leaveVoided(now.value) }}
        onRead={(now) => {
          setReread({ words: voidReadAgainWords(now.value) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="feedback-void-now" read={reread} />
      <button type="button" class="secondary" onClick={props.onClose}>
        Keep the feedback
      </button>
    </FormFrame>
  );
}

/** Feedback `feedbackId` read with its ETag, and its void's form; a stale void reads it again here (`put`). */
export function VoidFeedback(props: Props & { feedbackId: string }) {
  return (
    <FeedbackRead requestId={props.requestId} feedbackId={props.feedbackId}>
      {(current, put) => <VoidFeedbackForm {...props} current={current} onReread={put} />}
    </FeedbackRead>
  );
}
