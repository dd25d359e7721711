// Beside the record form's kind, once "assistance feedback" is chosen: where feedback on one of the State's requests
// goes (on the request), with a link to each request that takes it now, so that a note is recorded once.
import { href } from "../../router.ts";
import { Show, useLoad } from "../../ui/load.tsx";
import { REQUEST_STATUS_WORDS } from "../assistance-words.ts";
import { stateRequests } from "./data.ts";
import { feedbackGoesWords, noRequestTakesFeedbackWords, requestsTakingFeedback } from "./feedback-kind.ts";

export function FeedbackGoesOnRequest({ id, iso3, stateName }: { id: string; iso3: string; stateName: string }) {
  const [requests] = useLoad(() => stateRequests(iso3), iso3);
  return (
    <div id={id}>
      <p>{feedbackGoesWords(stateName)}</p>
      <Show what={requests}>
        {(list) => {
          const open = requestsTakingFeedback(list);
          if (open.length === 0) return <p>{noRequestTakesFeedbackWords(stateName, list)}</p>;
          return (
            <ul aria-label="Requests that take feedback">
              {open.map((request) => (
                <li key={request.id}>
                  <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>
                  {` (${REQUEST_STATUS_WORDS[request.status]}, received ${request.receivedOn})`}
                </li>
              ))}
            </ul>
          );
        }}
      </Show>
    </div>
  );
}
