// Assistance requests: every pending one by default, the whole caseload on one page, or those in one status, of every
// State or of one (chosen by name), the choice kept in the URL; each with its State, status, areas, age and, in the
// consent window, the days left; and for the groups that may, recording a new request.
import { useEffect, useMemo, useState } from "preact/hooks";
import { may } from "../auth/access.ts";
// The list is given no session (main.tsx): the signed-in group is read from the session itself.
import { currentSession } from "../auth/session.ts";
import { href } from "../router.ts";
import { deskToday } from "../ui/desk-today.ts";
import { Choice } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { AssistanceLinks } from "./assistance-links.tsx";
import { requestsFor } from "./assistance-list-data.ts";
import {
  isStatusChoice,
  type ListFilter,
  listFilterOf,
  listQueryOf,
  STATUS_CHOICES,
  shownRequests,
  shownWords,
} from "./assistance-list-filter.ts";
import { RecordRequest } from "./assistance-record-request.tsx";
import { consentWindowWords } from "./assistance-request-standing.ts";
import { areasInWords, REQUEST_STATUS_WORDS } from "./assistance-words.ts";
import { noSuchState } from "./correspondence/state-entry.ts";
import { type NamedState, stateCodeOf, statesNamedIn } from "./named-states.ts";
import { providerName } from "./provider-names.ts";
import { StateEntryField } from "./state-entry-field.tsx";
import { useOwnerNames } from "./use-owner-names.ts";

/** The page's address for `filter`: the query as the States' list keeps its filters. */
function addressOf(filter: ListFilter): string {
  const query = listQueryOf(filter);
  return query.size > 0 ? `${href.assistance()}?${query}` : href.assistance();
}

/** The filters as the URL names them, typed over until shown. */
function RequestFilters(props: { filter: ListFilter; states: NamedState[]; stateName: (iso3: string) => string }) {
  const { filter, states, stateName } = props;
  const named = () => ({ status: filter.status, state: filter.iso3 ?? "" });
  const [draft, setDraft] = useState(named);
  const [stateProblem, setStateProblem] = useState<string>();
  // Another URL (a link, the browser's back) names other filters: the fields say them.
  const address = listQueryOf(filter).toString();
  useEffect(() => {
    setDraft(named());
    setStateProblem(undefined);
  }, [address]);
  // The URL's State by name once the names are read, unless the reader has typed another meanwhile.
  const shownState = filter.iso3 && draft.state === filter.iso3 ? stateName(filter.iso3) : draft.state;
  return (
    <form
      class="filters"
      aria-label="Filter the requests"
      onSubmit={(event) => {
        event.preventDefault();
        const entry = shownState.trim();
        const iso3 = entry ? stateCodeOf(entry, states) : undefined;
        if (entry && !iso3) {
          setStateProblem(noSuchState(entry));
          document.getElementById("request-state")?.focus();
          return;
        }
        setStateProblem(undefined);
        window.location.hash = addressOf({ status: draft.status, iso3 });
      }}
    >
      <Choice
        id="request-status"
        label="Status"
        value={draft.status}
        options={STATUS_CHOICES}
        onChange={(value) => {
          if (isStatusChoice(value)) setDraft({ ...draft, status: value });
        }}
      />
      <StateEntryField
        id="request-state"
        label="State (every State when empty)"
        value={shownState}
        problem={stateProblem}
        states={states}
        onInput={(state) => setDraft({ ...draft, state })}
      />
      <button type="submit">Show</button>
    </form>
  );
}

export function Assistance({ query }: { query: URLSearchParams }) {
  const filter = listFilterOf(query);
  const key = listQueryOf(filter).toString();
  const [requests, reread] = useLoad(async () => shownRequests(filter, await requestsFor(filter)), key);
  // Requests name their State by code: the States' names are read once for the page, and offered by name.
  const names = useOwnerNames();
  const states = useMemo(() => statesNamedIn(names), [names]);
  const stateName = (iso3: string) => providerName({ kind: "state", iso3 }, names);
  return (
    <>
      <h1>Assistance requests</h1>
      <AssistanceLinks current="requests" />
      <RequestFilters filter={filter} states={states} stateName={stateName} />
      <Show what={requests}>
        {(list) => {
          const words = shownWords(filter, list.length, filter.iso3 && stateName(filter.iso3));
          return (
            <>
              <p aria-live="polite">{words}</p>
              <ListTable
                label={`Assistance requests: ${words}`}
                rows={list}
                keyOf={(request) => request.id}
                columns={[
                  {
                    header: "Request",
                    cell: (request) => <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>,
                  },
                  {
                    header: "State",
                    cell: (request) => <a href={href.state(request.iso3)}>{stateName(request.iso3)}</a>,
                  },
                  { header: "Status", cell: (request) => REQUEST_STATUS_WORDS[request.status] },
                  { header: "Areas", cell: (request) => areasInWords(request.areas) },
                  { header: "Received", cell: (request) => request.receivedOn },
                  {
                    header: "Consent window",
                    cell: (request) => consentWindowWords(request, deskToday()),
                  },
                ]}
              />
            </>
          );
        }}
      </Show>
      {may(currentSession.value?.group, "POST /assistance/requests") && (
        // A new request is received: the list reads again, as it may show it.
        <RecordRequest level={2} names={names} onRecorded={() => reread()} />
      )}
    </>
  );
}
