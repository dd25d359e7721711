// The button that starts a write. While the write runs it says it is unavailable (aria-disabled) instead of being
// `disabled`: Chromium drops the focus of a disabled button to the page's body, where a keyboard or screen-reader user
// would start the page over; this one keeps the focus, and a press meanwhile does nothing.
import type { ComponentChildren } from "preact";

export function BusyButton(props: {
  busy: boolean;
  type: "submit" | "button";
  onClick?: (event: MouseEvent) => void;
  /** Unavailable for a reason other than a running write (e.g. nothing checked to import): the plain `disabled`. */
  disabled?: boolean;
  id?: string;
  class?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  children: ComponentChildren;
}) {
  const { busy, onClick, children, ...button } = props;
  return (
    <button
      {...button}
      aria-disabled={busy ? "true" : undefined}
      onClick={(event) => {
        // A submit button's press would still submit its form (Enter in a field too): stopped here while busy.
        if (busy) return event.preventDefault();
        onClick?.(event);
      }}
    >
      {children}
    </button>
  );
}
