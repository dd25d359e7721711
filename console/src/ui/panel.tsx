// A titled part of a page: a section named by its heading, so screen readers list it among the page's regions. The
// heading takes the focus (not the tab order) when what the keyboard was on leaves the panel (ui/focus-return.ts).
import type { ComponentChildren } from "preact";

export function Panel({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
