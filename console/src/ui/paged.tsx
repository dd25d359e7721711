// A list the API pages (a timeline, a State's letters): the first page on mount, older pages on request.
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { messageOf, Show, useLoad } from "./load.tsx";

export interface PageOf<Item> {
  items: Item[];
  cursor?: string;
}

export function Paged<Item>(props: {
  load: (cursor?: string) => Promise<PageOf<Item>>;
  /** What `load` reads: a new key starts again from the first page. */
  loadKey: string;
  moreLabel: string;
  children: (items: Item[]) => ComponentChildren;
}) {
  const [first] = useLoad(() => props.load(), props.loadKey);
  const [more, setMore] = useState<PageOf<Item>[]>([]);
  const [failure, setFailure] = useState<string>();
  return (
    <Show what={first}>
      {(page) => {
        const pages = [page, ...more];
        const cursor = pages.at(-1)?.cursor;
        return (
          <>
            {props.children(pages.flatMap((p) => p.items))}
            {cursor && (
              <button
                type="button"
                onClick={() =>
                  props.load(cursor).then(
                    (next) => setMore([...more, next]),
                    (error: unknown) => setFailure(messageOf(error)),
                  )
                }
              >
                {props.moreLabel}
              </button>
            )}
            {failure && (
              <p role="alert" class="error">
                {failure}
              </p>
            )}
          </>
        );
      }}
    </Show>
  );
}
