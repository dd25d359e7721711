// Sending again a letter left unknown by a crash (POST /waves/{id}/messages/{recipient}/resend, secretariat): asked
// first, with what the API will say of it now and of its contact as it is now (the API writes to the contact's
// current address); its answer, or its refusal, is said under the wave's letters.
import { useEffect, useRef, useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { Confirm } from "../../ui/confirm.tsx";
import type { FocusReturn } from "../../ui/focus-return.ts";
import { problemOf } from "../../ui/form.tsx";
import { currentContact } from "../state/data.ts";
import { type ResentLetter, resendLetter, type WaveMessage } from "./data.ts";
import { utcText } from "./time.ts";
import { resendOutlook } from "./wave-repair.ts";
import { type ContactRead, contactOutlook, resendRefusalWords } from "./wave-resend-contact.ts";

/** The letter being asked about, and the name its owner goes by on the page. */
export type Resending = { message: WaveMessage; name: string };

type Outcome = { name: string } & ({ resent: ResentLetter } | { problem: Problem });

/** The letter's contact as it is now, read when the question opens; a failed read leaves the judgement to the API. */
function useContactNow(message: WaveMessage | undefined): ContactRead {
  const [read, setRead] = useState<ContactRead>();
  const contactId = message?.contactId;
  useEffect(() => {
    setRead(undefined);
    if (!contactId) return;
    let current = true;
    currentContact(contactId).then(
      (contact) => current && setRead({ contact }),
      (error: unknown) => current && problemOf(error).status === 404 && setRead({ gone: true }),
    );
    return () => {
      current = false;
    };
  }, [contactId]);
  return read;
}

/** Said in place of the question when the contact can no longer be written to: only the way back is offered. */
function CannotResend(props: {
  name: string;
  words: string;
  onClose: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <fieldset class="confirm" onKeyDown={props.onKeyDown}>
      <legend>The letter to {props.name} cannot be sent again</legend>
      <p>{props.words}</p>
      <button type="button" class="secondary" ref={close} onClick={props.onClose}>
        Leave it unknown
      </button>
    </fieldset>
  );
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
  asking: Resending | undefined;
  focusReturn: FocusReturn;
  onClose: () => void;
  onResent: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const { asking, focusReturn } = props;
  const contactNow = contactOutlook(asking?.message.email, useContactNow(asking?.message));
  const close = () => {
    props.onClose();
    // A letter queued again loses its button: its outcome is where the reader goes on from.
    focusReturn.closed(() => document.getElementById("resend-outcome"));
  };
  const refusal = useRef<HTMLParagraphElement>(null);
  // A refusal takes the focus, as every refusal that names no field does (each time, the same one again too).
  useEffect(() => {
    if (outcome && "problem" in outcome) refusal.current?.focus();
  }, [outcome]);
  async function resend({ message, name }: Resending) {
    setBusy(true);
    try {
      setOutcome({ name, resent: await resendLetter(props.waveId, message.recipient) });
      props.onResent();
      close();
    } catch (error) {
      setOutcome({ name, problem: problemOf(error) });
      props.onClose();
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      {asking && !contactNow.allowed && (
        <CannotResend
          name={asking.name}
          words={contactNow.words}
          onClose={close}
          onKeyDown={focusReturn.escapeCloses(close)}
        />
      )}
      {asking && contactNow.allowed && (
        <Confirm
          question={`Send again the letter to ${asking.name}${contactNow.email ? ` (${contactNow.email})` : ""}?`}
          yes="Yes, send it again"
          no="Leave it unknown"
          busy={busy}
          onYes={() => void resend(asking)}
          onNo={close}
          onKeyDown={focusReturn.escapeCloses(close)}
        >
          <p>
            Its fate is unknown: the sender stopped between SES and the ledger, so SES may or may not have taken it.{" "}
            {contactNow.words && `${contactNow.words} `}
            {resendOutlook(asking.message, new Date()).words}
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
        <p role="alert" class="error" id="resend-outcome" tabIndex={-1} data-field="resend-refused" ref={refusal}>
          {resendRefusalWords(outcome.problem, outcome.name)}
        </p>
      )}
    </>
  );
}
