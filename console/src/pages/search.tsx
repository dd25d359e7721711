// The desk's search: States, organizations, contacts (the API gives them to the secretariat alone), assistance requests,
// waves and templates, grouped by kind, each hit a link to its page (search-hits.ts). A query the API refuses (one
// letter) is its words at the field.
import { useEffect, useRef, useState } from "preact/hooks";
import { api, dataOf, type Problem, type Schemas } from "../api/client.ts";
import { FormProblem, fieldProblem, formProblem, InputField, problemOf, RefusalScope } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { Panel } from "../ui/panel.tsx";
import type { OwnerNames } from "./provider-names.ts";
import {
  hitWords,
  inLabelOrder,
  KIND_HEADINGS,
  KIND_NOUNS,
  MAX_HITS,
  moreOf,
  type SearchGroup,
  type SearchRequest,
  searchedWords,
  searchHref,
  searchRequestOf,
} from "./search-hits.ts";
import { useOwnerNames } from "./use-owner-names.ts";

type Reading = { found: Schemas["SearchResult"] } | { refused: Problem } | { nothingAsked: true };

async function searchFor(request: SearchRequest | undefined): Promise<Reading> {
  if (!request) return { nothingAsked: true };
  try {
    return { found: dataOf(await api.GET("/search", { params: { query: request } })) };
  } catch (error) {
    return { refused: problemOf(error) };
  }
}

function SearchForm(props: {
  request: SearchRequest | undefined;
  refused: Problem | undefined;
  searchAgain: () => void;
}) {
  const { request, refused, searchAgain } = props;
  const [q, setQ] = useState(request?.q ?? "");
  const form = useRef<HTMLFormElement>(null);
  // A refused query takes the focus to the field, whose problem it then reads out.
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-form-problem]')?.focus();
  }, [refused]);
  const general = formProblem(refused, ["query.q"]);
  return (
    <search>
      <form
        ref={form}
        class="filters"
        aria-label="Search the desk's records"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const target = searchHref({ ...request, q });
          // The same search again is asked again: the index follows each write within a second.
          if (request && target === searchHref(request)) searchAgain();
          else window.location.hash = target;
        }}
      >
        {general && <FormProblem>{general}</FormProblem>}
        <RefusalScope refusal={refused}>
          <InputField
            id="search-q"
            label="Search for"
            problem={fieldProblem(refused, "query.q")}
            value={q}
            onInput={setQ}
          />
        </RefusalScope>
        <button type="submit">Search</button>
      </form>
    </search>
  );
}

function Group({ group, request, names }: { group: SearchGroup; request: SearchRequest; names: OwnerNames }) {
  const more = group.more ? moreOf(group, request) : undefined;
  return (
    <Panel id={`hits-${group.kind}`} title={KIND_HEADINGS[group.kind]}>
      <ul data-list={`hits-${group.kind}`}>
        {inLabelOrder(group.items).map((hit) => {
          const words = hitWords(hit, names);
          return (
            <li key={hit.id} class={words.inactive ? "muted" : undefined}>
              {words.href ? <a href={words.href}>{words.text}</a> : words.text}
              {words.inactive ? ` (${words.inactive})` : ""}
              {words.detail && <span class="muted"> · {words.detail}</span>}
            </li>
          );
        })}
      </ul>
      {more && (
        <p data-field="more">
          {more.words}{" "}
          {more.wider && (
            <a href={more.wider}>
              Show up to {MAX_HITS} {KIND_NOUNS[group.kind]}
            </a>
          )}
        </p>
      )}
    </Panel>
  );
}

export function Search({ query }: { query: URLSearchParams }) {
  const request = searchRequestOf(query);
  const [round, setRound] = useState(0);
  const [reading] = useLoad(() => searchFor(request), `${query}#${round}`);
  const names = useOwnerNames();
  const refused = reading.status === "ready" && "refused" in reading.data ? reading.data.refused : undefined;
  return (
    <>
      <h1>Search</h1>
      <SearchForm request={request} refused={refused} searchAgain={() => setRound(round + 1)} />
      {request?.kinds && (
        <p>
          Only {KIND_NOUNS[request.kinds]}: <a href={searchHref({ q: request.q })}>search every kind</a>
        </p>
      )}
      <Show what={reading}>
        {(data) =>
          request && "found" in data ? (
            <>
              <p aria-live="polite">{searchedWords(request, data.found)}</p>
              {data.found.groups
                .filter((group) => group.items.length > 0)
                .map((group) => (
                  <Group key={group.kind} group={group} request={request} names={names} />
                ))}
            </>
          ) : null
        }
      </Show>
    </>
  );
}
