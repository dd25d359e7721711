// One assistance request: its history and, for the groups that may, the State's consent to circulation and a move to
// another status. Only the moves the API would accept are offered (assistance-moves.ts: the lifecycle's table and the
// API's guards on the request and its matches); those it would refuse are said with why.
import { useState } from "preact/hooks";
import { finalRequestStatuses } from "../../../shared/assistance/transitions.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { useFocusReturn } from "../ui/focus-return.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { consentWindowText } from "./assistance.tsx";
import { CONSENT_FIRST_FIELD, ConsentForm } from "./assistance-consent.tsx";
import { type AssistanceRequest, requestWithEtag, type Versioned } from "./assistance-data.ts";
import { Feedback } from "./assistance-feedback.tsx";
import { Candidates, Matches } from "./assistance-matches.tsx";
import { matchesOf } from "./assistance-matching.ts";
import { mayRecordConsent } from "./assistance-moves.ts";
import { MoveForm } from "./assistance-request-move.tsx";
import { areasInWords, REQUEST_STATUS_WORDS } from "./assistance-words.ts";
import { providerName } from "./provider-names.ts";
import { useOwnerNames } from "./use-owner-names.ts";

export function AssistanceRequestPage({ id, session }: { id: string; session: Session }) {
  const [loaded, reload, put] = useLoad(() => requestWithEtag(id), id);
  // States and providers are named by code in the API's answers: their names are read once for the page.
  const names = useOwnerNames();
  // Matchmaking moves the request too (an accepted match makes it matched): every part is read again after one.
  const [round, setRound] = useState(0);
  const mayMove = may(session.group, "POST /assistance/requests/{id}/transitions");
  const mayConsent = may(session.group, "POST /assistance/requests/{id}/consent");
  // The moves offered depend on the request's matches (matched needs an accepted one), read with each round.
  const [matches] = useLoad(() => (mayMove ? matchesOf(id) : Promise.resolve([])), `${id}/${round}`);
  const [said, setSaid] = useState("");
  const focusReturn = useFocusReturn();
  const matched = () => {
    setRound((n) => n + 1);
    return reload();
  };
  // A write's answer is the request as it now stands, with its ETag: shown at once, so the next write goes against it;
  // the matchmaking parts read again.
  const moved = (request: Versioned<AssistanceRequest>) => {
    setSaid("");
    put(request);
    setRound((n) => n + 1);
  };
  const consented = (request: Versioned<AssistanceRequest>) => {
    const on = request.value.consentedOn ?? request.value.receivedOn;
    setSaid(`Recorded the State's consent to circulation, received on ${on}.`);
    // The consent form goes, with the button just pressed: the keyboard goes on at the move, the next step.
    focusReturn.opened();
    put(request);
    focusReturn.closed(() => document.getElementById("to"));
  };
  return (
    <Show what={loaded}>
      {(current) => {
        const request = current.value;
        const consentOpen = mayConsent && mayRecordConsent(request);
        const consentWindow = consentWindowText(request);
        return (
          <>
            <h1>Assistance request {request.symbol}</h1>
            <p>
              From <a href={href.state(request.iso3)}>{providerName({ kind: "state", iso3: request.iso3 }, names)}</a>,
              received {request.receivedOn}; status{" "}
              <strong data-field="status" data-status={request.status}>
                {REQUEST_STATUS_WORDS[request.status]}
              </strong>
              {consentWindow ? `; consent window: ${consentWindow}` : ""}
            </p>
            <p>Areas: {areasInWords(request.areas)}</p>
            <p>{request.description}</p>
            <h2>History</h2>
            <ol class="timeline">
              {request.history.map((move) => (
                <li key={`${move.at}-${move.to}`}>
                  <time dateTime={move.on}>{move.on}</time> {REQUEST_STATUS_WORDS[move.from]} →{" "}
                  <strong>{REQUEST_STATUS_WORDS[move.to]}</strong>
                  {move.note ? `: ${move.note}` : ""}
                </li>
              ))}
            </ol>
            {consentOpen && <ConsentForm key={current.etag} current={current} onConsented={consented} />}
            <p role="status" id="request-said">
              {said}
            </p>
            {mayMove &&
              (finalRequestStatuses.includes(request.status) ? (
                <p id="move-final">A {REQUEST_STATUS_WORDS[request.status]} request moves no more.</p>
              ) : (
                <Show what={matches}>
                  {(list) => (
                    <MoveForm
                      key={current.etag}
                      current={current}
                      matches={list}
                      onMoved={moved}
                      onConsentWanted={
                        consentOpen ? () => document.getElementById(CONSENT_FIRST_FIELD)?.focus() : undefined
                      }
                    />
                  )}
                </Show>
              ))}
            {request.status === "fulfilled" && <Feedback request={request} session={session} />}
            <Candidates
              requestId={request.id}
              requestStatus={request.status}
              session={session}
              round={round}
              names={names}
              onProposed={matched}
            />
            <Matches requestId={request.id} session={session} round={round} names={names} onMoved={matched} />
          </>
        );
      }}
    </Show>
  );
}
