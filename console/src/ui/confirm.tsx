// The question a page asks before an act that sends mail or cannot be undone (cancel a wave, send a letter again,
// dispatch again, adopt a programme): the safe answer takes the focus, so a second Enter does no harm; the caller's
// keys close it (Escape). While the act runs, "yes" stays focusable and ignores a second press (BusyButton).
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { BusyButton } from "./busy-button.tsx";

export function Confirm(props: {
  question: string;
  /** What the act does, as the API says it, under the question. */
  children?: ComponentChildren;
  yes: string;
  no: string;
  busy: boolean;
  onYes: (event: MouseEvent) => void;
  onNo: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), []);
  return (
    <fieldset class="confirm" onKeyDown={props.onKeyDown}>
      <legend>{props.question}</legend>
      {props.children}
      <BusyButton type="button" busy={props.busy} onClick={props.onYes}>
        {props.yes}
      </BusyButton>{" "}
      <button type="button" class="secondary" ref={no} onClick={props.onNo}>
        {props.no}
      </button>
    </fieldset>
  );
}
