// Assistance requests by status, each with its State, areas, age and, in the consent window, the days left; and for the
// groups that may, recording a new request.
import { useState } from "preact/hooks";
import { may } from "../auth/access.ts";
// The list is given no session (main.tsx): the signed-in group is read from the session itself.
import { currentSession } from "../auth/session.ts";
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { deskToday } from "../ui/desk-today.ts";
import { Choice } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { isRequestStatus, REQUEST_STATUSES, type RequestStatus, requestsIn } from "./assistance-data.ts";
import { AssistanceLinks } from "./assistance-links.tsx";
import { RecordRequest } from "./assistance-record-request.tsx";
import { consentWindowWords } from "./assistance-request-standing.ts";
import { areasInWords, REQUEST_STATUS_WORDS } from "./assistance-words.ts";
import { providerName } from "./provider-names.ts";
import { useOwnerNames } from "./use-owner-names.ts";

/** The status filter's choices, in the lifecycle's order, in words. */
const STATUS_CHOICES: Readonly<Record<string, string>> = Object.fromEntries(
  REQUEST_STATUSES.map((status) => [status, REQUEST_STATUS_WORDS[status]]),
);

export function Assistance({ query }: { query: URLSearchParams }) {
  const chosen = query.get("status");
  const status: RequestStatus = isRequestStatus(chosen) ? chosen : "received";
  const [requests, reread] = useLoad(() => requestsIn(status), status);
  const [draft, setDraft] = useState<RequestStatus>(status);
  // Requests name their State by code: the States' names are read once for the page.
  const names = useOwnerNames();
  return (
    <>
      <h1>Assistance requests</h1>
      <AssistanceLinks current="requests" />
      <form
        class="filters"
        aria-label="Filter the requests"
        onSubmit={(event) => {
          event.preventDefault();
          window.location.hash = href.assistance(draft);
        }}
      >
        <Choice
          id="request-status"
          label="Status"
          value={draft}
          options={STATUS_CHOICES}
          onChange={(value) => {
            if (isRequestStatus(value)) setDraft(value);
          }}
        />
        <button type="submit">Show</button>
      </form>
      <Show what={requests}>
        {(list) => (
          <>
            <p aria-live="polite">
              {counted(list.length, "request")} {REQUEST_STATUS_WORDS[status]}
            </p>
            <ListTable
              label={`Assistance requests ${REQUEST_STATUS_WORDS[status]}`}
              rows={list}
              keyOf={(request) => request.id}
              columns={[
                {
                  header: "Request",
                  cell: (request) => <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>,
                },
                {
                  header: "State",
                  cell: (request) => (
                    <a href={href.state(request.iso3)}>{providerName({ kind: "state", iso3: request.iso3 }, names)}</a>
                  ),
                },
                { header: "Areas", cell: (request) => areasInWords(request.areas) },
                { header: "Received", cell: (request) => request.receivedOn },
                {
                  header: "Consent window",
                  cell: (request) => consentWindowWords(request, deskToday()),
                },
              ]}
            />
          </>
        )}
      </Show>
      {may(currentSession.value?.group, "POST /assistance/requests") && (
        // A new request is received: the list reads again when it shows received ones.
        <RecordRequest
          level={2}
          names={names}
          onRecorded={() => (status === "received" ? reread() : Promise.resolve())}
        />
      )}
    </>
  );
}
