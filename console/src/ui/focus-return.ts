// Keyboard continuity for inline forms and confirms: when one closes, the focus goes back to the control that opened
// it, or to a neighbour when that control has gone (a voided row, a revoked feed), instead of dropping to <body>, where
// a keyboard or screen-reader user would have to start the page over. Escape closes such a form.
import { useEffect, useRef } from "preact/hooks";

type Neighbour = () => HTMLElement | null | undefined;

interface Return {
  opener: HTMLElement | null;
  /** Where the focus was last put, so that the reader moving it elsewhere ends the return. */
  focused: HTMLElement | null;
  /** Whether `focused` is where this return put the focus (not where it was as the form closed). */
  given: boolean;
  neighbour: Neighbour | undefined;
  /** The render during which the form closed: an effect of it or an earlier one still sees the form. */
  closedIn: number;
}

const usable = (element: HTMLElement | null): element is HTMLElement =>
  element?.isConnected === true && !element.matches(":disabled");

export interface FocusReturn {
  /** Notes the control that has the focus (the one just pressed) as the opener. */
  opened: () => void;
  /**
   * After the next render of the component holding the hook, and the renders the close causes (a list read again),
   * gives the focus back; a close that causes no render of it gives nothing back.
   */
  closed: (neighbour?: Neighbour) => void;
  /** For the form's keydown: Escape runs `close`. */
  escapeCloses: (close: () => void) => (event: KeyboardEvent) => void;
}

export function useFocusReturn(): FocusReturn {
  const pending = useRef<Return | null>(null);
  const remembered = useRef<HTMLElement | null>(null);
  const renders = useRef(0);
  renders.current += 1;
  const thisRender = renders.current;
  // Every render: the opener may be disabled while a write runs, or leave when the list is read again; so may the
  // neighbour given the focus (a list read again after a revoke draws its label field anew), on a slow line after
  // the focus was given. Watched until the reader moves the focus elsewhere.
  useEffect(() => {
    const back = pending.current;
    // Preact runs effects late: one of a render before the close could find the form still drawn and its opener gone,
    // and give the focus to the neighbour meant for a control that was about to be drawn again (CI, stop 44).
    if (!back || thisRender <= back.closedIn) return;
    const active = document.activeElement;
    const dropped = !(active instanceof HTMLElement) || active === document.body;
    const neighbourGiven = back.given && back.focused !== back.opener;
    // The reader moved on: to another control, or to the page while the neighbour given the focus still stands.
    if ((!dropped && active !== back.focused) || (dropped && neighbourGiven && usable(back.focused))) {
      pending.current = null;
      return;
    }
    // A neighbour that has the focus keeps it; only its leaving the page moves the focus again.
    if (!dropped && neighbourGiven) return;
    const target = usable(back.opener) ? back.opener : back.neighbour?.();
    if (!target) return;
    if (target !== active) target.focus();
    back.focused = target;
    back.given = true;
  });
  return {
    opened: () => {
      const active = document.activeElement;
      remembered.current = active instanceof HTMLElement ? active : null;
    },
    closed: (neighbour) => {
      const opener = remembered.current;
      // The focus as the form closes (its button, or a field Escape was pressed in) is the reader's, not a move away:
      // an effect of an earlier render, run before the form has gone, must not read it as one.
      const active = document.activeElement;
      const focused = active instanceof HTMLElement && active !== document.body ? active : opener;
      pending.current = { opener, focused, neighbour, given: false, closedIn: renders.current };
    },
    escapeCloses: (close) => (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      close();
    },
  };
}
