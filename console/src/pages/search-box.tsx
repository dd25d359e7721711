// The banner's search box: a query goes to the search page (#/search?q=). No <form>: pages that offer a group no write
// are checked to hold no form at all, and Enter in the box does what a form's submission would.
import { useState } from "preact/hooks";
import { href } from "../router.ts";
import { searchHref } from "./search-hits.ts";

export function SearchBox() {
  const [q, setQ] = useState("");
  // An empty box opens the search page, its own form waiting.
  const go = () => {
    window.location.hash = q.trim() ? searchHref({ q }) : href.search();
  };
  return (
    <search class="inline-form" aria-label="Desk search">
      <label class="visually-hidden" for="banner-q">
        Search the desk
      </label>
      <input
        id="banner-q"
        type="search"
        value={q}
        onInput={(event) => setQ(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter") go();
        }}
      />
      <button type="button" onClick={go}>
        Search
      </button>
    </search>
  );
}
