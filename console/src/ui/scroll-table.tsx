// A wide table scrolls inside its own region on a narrow screen; the region takes focus so the keyboard can scroll it.
import type { ComponentChildren } from "preact";

export function ScrollTable({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable to scroll by keyboard
    <section class="table-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
