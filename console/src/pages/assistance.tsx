// Assistance requests by status, each with its State, areas, age and, in the consent window, the days left.
import { useState } from "preact/hooks";
import { daysBetween } from "../../../shared/assistance/dates.ts";
import { href } from "../router.ts";
import { counted } from "../ui/counted.ts";
import { deskToday } from "../ui/desk-today.ts";
import { Choice } from "../ui/form.tsx";
import { ListTable } from "../ui/list-table.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { isRequestStatus, REQUEST_STATUSES, type RequestStatus, requestsIn } from "./assistance-data.ts";
import { AssistanceLinks } from "./assistance-links.tsx";

/** The status filter's choices: each status under its own name. */
const STATUS_CHOICES: Readonly<Record<string, string>> = Object.fromEntries(
  REQUEST_STATUSES.map((status) => [status, status]),
);

export function Assistance({ query }: { query: URLSearchParams }) {
  const chosen = query.get("status");
  const status: RequestStatus = isRequestStatus(chosen) ? chosen : "received";
  const [requests] = useLoad(() => requestsIn(status), status);
  const [draft, setDraft] = useState<RequestStatus>(status);
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
              {counted(list.length, "request")} {status}
            </p>
            <ListTable
              label={`Assistance requests ${status}`}
              rows={list}
              keyOf={(request) => request.id}
              columns={[
                {
                  header: "Request",
                  cell: (request) => <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>,
                },
                { header: "State", cell: (request) => <a href={href.state(request.iso3)}>{request.iso3}</a> },
                { header: "Areas", cell: (request) => request.areas.join(", ") },
                { header: "Received", cell: (request) => request.receivedOn },
                {
                  header: "Consent window",
                  cell: (request) => consentWindowText(request.consentWindowClosesOn, request.consentedToCirculation),
                },
              ]}
            />
          </>
        )}
      </Show>
    </>
  );
}

export function consentWindowText(closesOn: string | undefined, consented: boolean): string {
  if (consented) return "the State consented";
  if (!closesOn) return "";
  const left = daysBetween(deskToday(), closesOn);
  return left >= 0 ? `${counted(left, "day")} left (closes ${closesOn})` : `closed ${closesOn}`;
}
