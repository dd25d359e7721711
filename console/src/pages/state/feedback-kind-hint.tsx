// Beside the record form's kind, once "assistance feedback" is chosen: where feedback on one of the State's requests
// goes (on the request), with a link to each request that takes it now, so that a note is recorded once; a request
// whose State's feedback is on it already says so: a note recorded there counts once here only once linked (ADR 0070).
import { href } from "../../router.ts";
import { Show, useLoad } from "../../ui/load.tsx";
import { feedbackOf } from "../assistance-data.ts";
import { REQUEST_STATUS_WORDS } from "../assistance-words.ts";
import { stateRequests } from "./data.ts";
import {
  feedbackGoesWords,
  feedbackOnRecordWords,
  noRequestTakesFeedbackWords,
  requestsTakingFeedback,
} from "./feedback-kind.ts";

/**
 * The State's requests, and the feedback recorded on each that takes feedback now (read with them, for the hint and
 * for what the form says once a note is recorded).
 */
export async function requestsWithFeedback(iso3: string) {
  const requests = await stateRequests(iso3);
  const open = requestsTakingFeedback(requests);
  const feedback = await Promise.all(open.map((request) => feedbackOf(request.id)));
  return { requests, open: open.map((request, index) => ({ request, feedback: feedback[index] ?? [] })) };
}

export function FeedbackGoesOnRequest({ id, iso3, stateName }: { id: string; iso3: string; stateName: string }) {
  const [requests] = useLoad(() => requestsWithFeedback(iso3), iso3);
  return (
    <div id={id}>
      <p>{feedbackGoesWords(stateName)}</p>
      <Show what={requests}>
        {({ requests: list, open }) => {
          if (open.length === 0) return <p>{noRequestTakesFeedbackWords(stateName, list)}</p>;
          return (
            <ul aria-label="Requests that take feedback">
              {open.map(({ request, feedback }) => {
                const onRecord = feedbackOnRecordWords(feedback);
                return (
                  <li key={request.id}>
                    <a href={href.assistanceRequest(request.id)}>{request.symbol}</a>
                    {` (${REQUEST_STATUS_WORDS[request.status]}, received ${request.receivedOn})`}
                    {onRecord && <span data-field="feedback-on-record">{`: ${onRecord}.`}</span>}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </Show>
    </div>
  );
}
