// The document cell of a request's feedback row (ADR 0070): the review of a link to a document of the note's day, or
// the linked document's symbol with the undoing of the link. Asked first by the table (assistance-feedback.tsx).
import { useState } from "preact/hooks";
import type { Schemas } from "../api/client.ts";
import { BusyButton } from "../ui/busy-button.tsx";
import type { Feedback as FeedbackNote } from "./assistance-data.ts";

/**
 * In the document cell of the requesting State's feedback that names none: the review of its link to the one
 * document of its day it may be, or a choice among several.
 */
export function ReviewLink(props: {
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
 * In the document cell of feedback that names one: its symbol, and for the groups that may, the undoing of the link.
 * A component of its own: the link made or undone, the cell is drawn anew, and the button pressed goes.
 */
export function LinkedDocument(props: {
  symbol: string;
  /** Said when the document no longer counts as the note (voided, or of another kind since): it counts nowhere. */
  voidedWords?: string | undefined;
  mayUnlink: boolean;
  busy: boolean;
  onUnlink: () => void;
}) {
  if (!props.mayUnlink) return <>{props.symbol}</>;
  return (
    <>
      {props.voidedWords && <p class="caution">{props.voidedWords}</p>}
      {props.symbol}{" "}
      <BusyButton
        type="button"
        class="secondary"
        busy={props.busy}
        aria-label={`Unlink ${props.symbol}`}
        onClick={props.onUnlink}
      >
        Unlink
      </BusyButton>
    </>
  );
}
