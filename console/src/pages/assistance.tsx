// Assistance requests by status, each with its State, areas, age and, in the consent window, the days left.
import { useState } from "preact/hooks";
import { href } from "../router.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { ScrollTable } from "../ui/scroll-table.tsx";
import { daysFrom, isRequestStatus, REQUEST_STATUSES, type RequestStatus, requestsIn } from "./assistance-data.ts";
import { AssistanceLinks } from "./assistance-links.tsx";

export const today = () => new Date().toISOString().slice(0, 10);

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
        <div class="field">
          <label for="request-status">Status</label>
          <select
            id="request-status"
            value={draft}
            onChange={(e) => {
              const value = e.currentTarget.value;
              if (isRequestStatus(value)) setDraft(value);
            }}
          >
            {REQUEST_STATUSES.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Show</button>
      </form>
      <Show what={requests}>
        {(list) => (
          <>
            <p aria-live="polite">
              {list.length} {list.length === 1 ? "request" : "requests"} {status}
            </p>
            <ScrollTable label={`Assistance requests ${status}`}>
              <table>
                <caption class="visually-hidden">Assistance requests {status}</caption>
                <thead>
                  <tr>
                    <th scope="col">Request</th>
                    <th scope="col">State</th>
                    <th scope="col">Areas</th>
                    <th scope="col">Received</th>
                    <th scope="col">Consent window</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((request) => (
                    <tr key={request.id}>
                      <td>
                        <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>
                      </td>
                      <td>
                        <a href={href.state(request.iso3)}>{request.iso3}</a>
                      </td>
                      <td>{request.areas.join(", ")}</td>
                      <td>{request.receivedOn}</td>
                      <td>{consentWindowText(request.consentWindowClosesOn, request.consentedToCirculation)}</td>
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

export function consentWindowText(closesOn: string | undefined, consented: boolean): string {
  if (consented) return "the State consented";
  if (!closesOn) return "";
  const left = daysFrom(today(), closesOn);
  return left >= 0 ? `${left} ${left === 1 ? "day" : "days"} left (closes ${closesOn})` : `closed ${closesOn}`;
}
