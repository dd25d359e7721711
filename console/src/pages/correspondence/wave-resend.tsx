// Sending again a letter left unknown by a crash (POST /waves/{id}/messages/{recipient}/resend, secretariat): asked
// first, with what the API will say of it now; its answer, or its refusal, is said under the wave's letters.
import { useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Confirm } from "../../ui/confirm.tsx";
import type { FocusReturn } from "../../ui/focus-return.ts";
import { problemOf, problemWords } from "../../ui/form.tsx";
import { type ResentLetter, resendLetter, type WaveMessage } from "./data.ts";
import { utcText } from "./time.ts";
import type { WaveStatus } from "./wave-facts.ts";
import { resendOutlook } from "./wave-repair.ts";

/** The letter being asked about, and the name its owner goes by on the page. */
export type Resending = { message: WaveMessage; name: string };

type Outcome = { name: string } & ({ resent: ResentLetter } | { recipient: string; problem: Problem });

/**
 * The API's 409 names the letter by its recipient's id ("The letter to 01J… is not sent again: <why>"): the page has
 * named it already, by its owner's name, so only the why is said; any other refusal in full.
 */
function whyRefused(problem: Problem, recipient: string): string {
  const named = `The letter to ${recipient} is not sent again: `;
  return problem.status === 409 && problem.detail?.startsWith(named)
    ? `${problem.detail.slice(named.length)}.`
    : problemWords(problem);
}

/** The row's button: on an unknown letter only; its id finds it again when the question closes. */
export function SendAgainButton(props: { message: WaveMessage; name: string; onOpen: () => void }) {
  return (
    <button
      type="button"
      id={`resend-${props.message.recipient}`}
      aria-label={`Send again the letter to ${props.name}`}
      onClick={props.onOpen}
    >
      Send again
    </button>
  );
}

export function SendAgain(props: {
  waveId: string;
  waveStatus: WaveStatus;
  asking: Resending | undefined;
  focusReturn: FocusReturn;
  onClose: () => void;
  onResent: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const { asking, focusReturn } = props;
  const close = () => {
    props.onClose();
    // A letter queued again loses its button: its outcome is where the reader goes on from.
    focusReturn.closed(() => document.getElementById("resend-outcome"));
  };
  async function resend({ message, name }: Resending) {
    setBusy(true);
    try {
      setOutcome({ name, resent: await resendLetter(props.waveId, message.recipient) });
      props.onResent();
    } catch (error) {
      setOutcome({ name, recipient: message.recipient, problem: problemOf(error) });
    } finally {
      setBusy(false);
      close();
    }
  }
  return (
    <>
      {asking && (
        <Confirm
          question={`Send again the letter to ${asking.name}${asking.message.email ? ` (${asking.message.email})` : ""}?`}
          yes="Yes, send it again"
          no="Leave it unknown"
          busy={busy}
          onYes={() => void resend(asking)}
          onNo={close}
          onKeyDown={focusReturn.escapeCloses(close)}
        >
          <p>
            Its fate is unknown: the sender stopped between SES and the ledger, so SES may or may not have taken it.{" "}
            {resendOutlook(asking.message, props.waveStatus, new Date()).words}
          </p>
        </Confirm>
      )}
      {outcome && "resent" in outcome && (
        <p role="status" id="resend-outcome" tabIndex={-1} data-field="resent">
          The letter to {outcome.name} is queued again
          {outcome.resent.firesAt ? `: dispatch sends it at ${utcText(outcome.resent.firesAt)}.` : "."}
        </p>
      )}
      {outcome && "problem" in outcome && (
        <p role="alert" class="error" id="resend-outcome" tabIndex={-1} data-field="resend-refused">
          The letter to {outcome.name} was not sent again: {whyRefused(outcome.problem, outcome.recipient)}
        </p>
      )}
    </>
  );
}
