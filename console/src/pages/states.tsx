// The Member States: the API's own filters (region, reporting status, what the language of letters rests on, action
// plan) and its search. The best guesses among the languages are listed for the secretariat to confirm, one by one.
import { useState } from "preact/hooks";
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import type { paths } from "../api/schema";
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { Choice } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { REGIONS } from "./region-words.ts";
import { LANGUAGES } from "./state/labels.ts";
import { inNameOrder } from "./states-order.ts";

type State = Schemas["State"];
type Region = State["region"];
type Basis = State["languageBasis"];
type ListQuery = NonNullable<paths["/states"]["get"]["parameters"]["query"]>;

const BASES: Record<Basis, string> = {
  inferred: "A best guess",
  "official language": "An official language",
  confirmed: "Confirmed",
};

function filtersOf(query: URLSearchParams): ListQuery {
  const region = query.get("region");
  const status = query.get("status");
  const plan = query.get("hasActionPlan");
  const basis = query.get("languageBasis");
  return {
    ...(region && region in REGIONS ? { region: region as Region } : {}),
    ...(status === "reported" || status === "non-reporting" ? { status } : {}),
    ...(basis && basis in BASES ? { languageBasis: basis as Basis } : {}),
    ...(plan === "true" || plan === "false" ? { hasActionPlan: plan } : {}),
  };
}

/** The most hits the search gives of one kind (the API's limit): a query matching more says so. */
const SEARCH_HITS = 50;

interface Matching {
  states: State[];
  /** The search matched more States than it gives: some that match may be missing from the list. */
  capped: boolean;
}

async function statesMatching(query: URLSearchParams): Promise<Matching> {
  const filters = filtersOf(query);
  const states = await allPages(async (cursor) =>
    dataOf(
      await api.GET("/states", { params: { query: { ...filters, limit: "100", ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  const q = query.get("q")?.trim();
  if (!q) return { states: inNameOrder(states), capped: false };
  // The search index matches the start of any word in any UN language; the list's filters then narrow its hits.
  const found = dataOf(await api.GET("/search", { params: { query: { q, kinds: "state", limit: SEARCH_HITS } } }));
  const ids = new Set(found.groups.flatMap((group) => group.items.map((hit) => hit.id.toUpperCase())));
  return {
    states: inNameOrder(states.filter((state) => ids.has(state.iso3))),
    capped: found.groups.some((group) => group.more),
  };
}

export function States({ query }: { query: URLSearchParams }) {
  const [states] = useLoad(() => statesMatching(query), query.toString());
  const [draft, setDraft] = useState(() => new URLSearchParams(query));
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(draft);
    if (value) next.set(name, value);
    else next.delete(name);
    setDraft(next);
  };
  return (
    <>
      <h1>Member States</h1>
      <search>
        <form
          class="filters"
          aria-label="Filter and search the Member States"
          onSubmit={(event) => {
            event.preventDefault();
            window.location.hash = href.states(draft);
          }}
        >
          <div class="field">
            <label for="q">Search</label>
            <input id="q" type="search" value={draft.get("q") ?? ""} onInput={(e) => set("q", e.currentTarget.value)} />
          </div>
          <Choice
            id="region"
            label="Regional group"
            value={draft.get("region") ?? ""}
            options={{ "": "All", ...REGIONS }}
            onChange={(value) => set("region", value)}
          />
          <Choice
            id="status"
            label="Reporting status"
            value={draft.get("status") ?? ""}
            options={{ "": "All", reported: "Reported", "non-reporting": "Non-reporting" }}
            onChange={(value) => set("status", value)}
          />
          <Choice
            id="basis"
            label="Language of letters"
            value={draft.get("languageBasis") ?? ""}
            options={{ "": "Any", ...BASES }}
            onChange={(value) => set("languageBasis", value)}
          />
          <Choice
            id="plan"
            label="Action plan"
            value={draft.get("hasActionPlan") ?? ""}
            options={{ "": "Any", true: "Has one", false: "Has none" }}
            onChange={(value) => set("hasActionPlan", value)}
          />
          <button type="submit">Show</button>
        </form>
      </search>
      <Show what={states}>
        {({ states: list, capped }) => (
          <>
            <p aria-live="polite">
              {counted(list.length, "State")}
              {capped
                ? `: the search matched more than ${SEARCH_HITS} States and gave the first ${SEARCH_HITS}; ` +
                  "some that match may be missing. Add a word to narrow it."
                : ""}
            </p>
            <ListTable
              label="Member States matching the filters"
              rows={list}
              keyOf={(state) => state.iso3}
              columns={[
                { header: "State", cell: (state) => <a href={href.state(state.iso3)}>{state.name}</a> },
                { header: "Code", cell: (state) => state.iso3 },
                { header: "Regional group", cell: (state) => state.regionName },
                {
                  header: "Letters in",
                  cell: (state) =>
                    `${LANGUAGES[state.language]}${state.languageBasis === "inferred" ? " (a best guess)" : ""}`,
                },
                { header: "Reporting", cell: (state) => state.reportingStatus },
                { header: "First report", cell: (state) => state.firstReportOn ?? "" },
              ]}
            />
          </>
        )}
      </Show>
    </>
  );
}
