// The question a page asks before an act that sends mail or cannot be undone (cancel a wave, send a letter again,
// dispatch again, adopt a programme): the safe answer takes the focus, so a second Enter does no harm; the caller's
// keys close it (Escape).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export function Confirm(props: {
  question: string;
  /** What the act does, as the API says it, under the question. */
  children?: ComponentChildren;
  yes: string;
  no: string;
  busy: boolean;
  onYes: () => void;
  onNo: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), []);
  return (
    <fieldset class="confirm" onKeyDown={props.onKeyDown}>
      <legend>{props.question}</legend>
      {props.children}
      <button type="button" disabled={props.busy} onClick={props.onYes}>
        {props.yes}
      </button>{" "}
      <button type="button" class="secondary" ref={no} onClick={props.onNo}>
        {props.no}
      </button>
    </fieldset>
  );
}
