// The Member States: the API's own filters (region, reporting status, action plan) and its search.
import { useState } from "preact/hooks";
import { allPages, api, dataOf, type Schemas } from "../api/client.ts";
import type { paths } from "../api/schema";
import { href } from "../router.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";

type State = Schemas["State"];
type Region = State["region"];
type ListQuery = NonNullable<paths["/states"]["get"]["parameters"]["query"]>;

const REGIONS: Record<Region, string> = {
  african: "African",
  "asia-pacific": "Asia-Pacific",
  "eastern-european": "Eastern European",
  grulac: "Latin American and Caribbean",
  weog: "Western European and others",
};

function filtersOf(query: URLSearchParams): ListQuery {
  const region = query.get("region");
  const status = query.get("status");
  const plan = query.get("hasActionPlan");
  return {
    ...(region && region in REGIONS ? { region: region as Region } : {}),
    ...(status === "reported" || status === "non-reporting" ? { status } : {}),
    ...(plan === "true" || plan === "false" ? { hasActionPlan: plan } : {}),
  };
}

async function statesMatching(query: URLSearchParams): Promise<State[]> {
  const filters = filtersOf(query);
  const states = await allPages(async (cursor) =>
    dataOf(
      await api.GET("/states", { params: { query: { ...filters, limit: "100", ...(cursor ? { cursor } : {}) } } }),
    ),
  );
  const q = query.get("q")?.trim();
  if (!q) return states;
  // The search index matches the start of any word in any UN language; the list's filters then narrow its hits.
  const found = dataOf(await api.GET("/search", { params: { query: { q, kinds: "state", limit: 50 } } }));
  const ids = new Set(found.groups.flatMap((group) => group.items.map((hit) => hit.id.toUpperCase())));
  return states.filter((state) => ids.has(state.iso3));
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
          <div class="field">
            <label for="region">Regional group</label>
            <select
              id="region"
              value={draft.get("region") ?? ""}
              onChange={(e) => set("region", e.currentTarget.value)}
            >
              <option value="">All</option>
              {Object.entries(REGIONS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="status">Reporting status</label>
            <select
              id="status"
              value={draft.get("status") ?? ""}
              onChange={(e) => set("status", e.currentTarget.value)}
            >
              <option value="">All</option>
              <option value="reported">Reported</option>
              <option value="non-reporting">Non-reporting</option>
            </select>
          </div>
          <div class="field">
            <label for="plan">Action plan</label>
            <select
              id="plan"
              value={draft.get("hasActionPlan") ?? ""}
              onChange={(e) => set("hasActionPlan", e.currentTarget.value)}
            >
              <option value="">Any</option>
              <option value="true">Has one</option>
              <option value="false">Has none</option>
            </select>
          </div>
          <button type="submit">Show</button>
        </form>
      </search>
      <Show what={states}>
        {(list) => (
          <>
            <p aria-live="polite">
              {list.length} {list.length === 1 ? "State" : "States"}
            </p>
            <ScrollTable label="Member States matching the filters">
              <table>
                <caption class="visually-hidden">Member States matching the filters</caption>
                <thead>
                  <tr>
                    <th scope="col">State</th>
                    <th scope="col">Code</th>
                    <th scope="col">Regional group</th>
                    <th scope="col">Reporting</th>
                    <th scope="col">First report</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((state) => (
                    <tr key={state.iso3}>
                      <td>
                        <a href={href.state(state.iso3)}>{state.name}</a>
                      </td>
                      <td>{state.iso3}</td>
                      <td>{state.regionName}</td>
                      <td>{state.reportingStatus}</td>
                      <td>{state.firstReportOn ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </>
        )}
      </Show>
    </>
  );
}
