// One assistance request: its history (the State's consent among the moves) and, for the groups that may, the State's
// consent to circulation and a move to another status. Only the moves the API would accept are offered
// (assistance-moves.ts: the lifecycle's table and the API's guards on the request and its matches); those it would
// refuse are said with why. Either write refused as stale reads the request again in place and says what a colleague
// did meanwhile (assistance-request-stale.ts); so does a proposal refused (409) because a colleague moved the request.
// A request that arrived in one of its State's documents (the same symbol) names it. Its symbol, day received, areas
// and description are corrected in place (assistance-request-correction.tsx).
import { useState } from "preact/hooks";
import { finalRequestStatuses } from "../../../shared/assistance/transitions.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { href } from "../router.ts";
import { deskToday } from "../ui/desk-today.ts";
import { useFocusReturn } from "../ui/focus-return.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { CONSENT_FIRST_FIELD, ConsentForm } from "./assistance-consent.tsx";
import { type AssistanceRequest, requestWithEtag, type Versioned } from "./assistance-data.ts";
import { Feedback } from "./assistance-feedback.tsx";
import { Candidates, Matches } from "./assistance-matches.tsx";
import { matchesOf } from "./assistance-matching.ts";
import { mayRecordConsent } from "./assistance-moves.ts";
import { RequestCorrection } from "./assistance-request-correction.tsx";
import { ReceivedInDocument, useStateDocuments } from "./assistance-request-document.tsx";
import { MoveForm } from "./assistance-request-move.tsx";
import {
  consentInHistory,
  consentWindowWords,
  requestHistory,
  windowCountedParts,
} from "./assistance-request-standing.ts";
import { areasInWords, proposalOvertaken, REQUEST_STATUS_WORDS } from "./assistance-words.ts";
import { ConsentWindowCounted } from "./holidays-counted.tsx";
import { providerName } from "./provider-names.ts";
import { ReadAgainStatus } from "./read-current-version.tsx";
import { useOwnerNames } from "./use-owner-names.ts";

export function AssistanceRequestPage({ id, session }: { id: string; session: Session }) {
  const [loaded, reload, put] = useLoad(() => requestWithEtag(id), id);
  // States and providers are named by code in the API's answers: their names are read once for the page.
  const names = useOwnerNames();
  // Matchmaking moves the request too (an accepted match makes it matched): every part is read again after one.
  const [round, setRound] = useState(0);
  const mayMove = may(session.group, "POST /assistance/requests/{id}/transitions");
  const mayConsent = may(session.group, "POST /assistance/requests/{id}/consent");
  const mayCorrect = may(session.group, "PATCH /assistance/requests/{id}");
  // Read once a round, for the matches' table and the moves offered (matched needs an accepted one).
  const [matches, rereadMatches] = useLoad(() => matchesOf(id), `${id}/${round}`);
  // The State's documents, once its request is read: for the line naming the one it arrived in, and the feedback form.
  const documents = useStateDocuments(loaded.status === "ready" ? loaded.data.value.iso3 : undefined);
  const [said, setSaid] = useState("");
  // What a colleague did meanwhile, once a stale write has read the request again.
  const [reread, setReread] = useState<{ words: string }>();
  // The move form starts afresh after each move made here, and only then: read again, it keeps what was typed.
  const [moves, setMoves] = useState(0);
  const focusReturn = useFocusReturn();
  const matched = () => {
    setRound((n) => n + 1);
    return reload();
  };
  // A write's answer is the request as it now stands, with its ETag: shown at once, so the next write goes against it;
  // the matchmaking parts read again.
  const moved = (request: Versioned<AssistanceRequest>) => {
    setSaid("");
    setReread(undefined);
    setMoves((n) => n + 1);
    put(request);
    setRound((n) => n + 1);
  };
  // Read again after a stale write: shown, with its matchmaking, so the forms offer only what is possible now.
  const rereadAfterStale = (request: Versioned<AssistanceRequest>, changed: string) => {
    setSaid("");
    setReread({ words: changed });
    put(request);
    setRound((n) => n + 1);
  };
  // The request as a correction answered it, or read it again after a stale one (the correction says which): shown,
  // the page's words about earlier writes gone; the candidates follow the areas, so the matchmaking reads again.
  const correctionShown = (request: Versioned<AssistanceRequest>) => {
    setSaid("");
    setReread(undefined);
    put(request);
    setRound((n) => n + 1);
  };
  // A proposal refused (409) as the request moved meanwhile: read again and shown as it stands, saying what moved.
  const proposalRefused = async (shown: AssistanceRequest) => {
    const now = await requestWithEtag(id);
    const words = proposalOvertaken(shown, now.value);
    if (words) rereadAfterStale(now, words);
    return words !== undefined;
  };
  const consented = (request: Versioned<AssistanceRequest>) => {
    const on = request.value.consentedOn ?? request.value.receivedOn;
    setReread(undefined);
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
        const consentWindow = consentWindowWords(request, deskToday());
        const stateName = providerName({ kind: "state", iso3: request.iso3 }, names);
        return (
          <>
            <h1>Assistance request {request.symbol}</h1>
            <p>
              From <a href={href.state(request.iso3)}>{stateName}</a>, received {request.receivedOn}; status{" "}
              <strong data-field="status" data-status={request.status}>
                {REQUEST_STATUS_WORDS[request.status]}
              </strong>
              {consentWindow ? `; consent window: ${consentWindow}` : ""}
              <ConsentWindowCounted parts={windowCountedParts(request, deskToday())} />
            </p>
            <ReceivedInDocument request={request} stateName={stateName} documents={documents} />
            <p>Areas: {areasInWords(request.areas)}</p>
            <p>{request.description}</p>
            {mayCorrect && <RequestCorrection current={current} onShown={correctionShown} />}
            <h2>History</h2>
            <ol class="timeline">
              {requestHistory(request).map((entry) =>
                entry.kind === "consent" ? (
                  <li key="consent" data-history="consent">
                    <time dateTime={entry.on}>{entry.on}</time> <strong>{consentInHistory(entry.withRequest)}</strong>
                  </li>
                ) : (
                  <li key={`${entry.move.at}-${entry.move.to}`}>
                    <time dateTime={entry.on}>{entry.on}</time> {REQUEST_STATUS_WORDS[entry.move.from]} →{" "}
                    <strong>{REQUEST_STATUS_WORDS[entry.move.to]}</strong>
                    {entry.move.note ? `: ${entry.move.note}` : ""}
                  </li>
                ),
              )}
            </ol>
            {consentOpen && <ConsentForm current={current} onConsented={consented} onReread={rereadAfterStale} />}
            <p role="status" id="request-said">
              {said}
            </p>
            <ReadAgainStatus id="request-now" read={reread} />
            {mayMove &&
              (finalRequestStatuses.includes(request.status) ? (
                <p id="move-final">A {REQUEST_STATUS_WORDS[request.status]} request moves no more.</p>
              ) : (
                <Show what={matches}>
                  {(list) => (
                    <MoveForm
                      key={moves}
                      current={current}
                      stateName={stateName}
                      matches={list}
                      onMoved={moved}
                      onReread={rereadAfterStale}
                      onConsentWanted={
                        consentOpen ? () => document.getElementById(CONSENT_FIRST_FIELD)?.focus() : undefined
                      }
                    />
                  )}
                </Show>
              ))}
            <Feedback request={request} stateName={stateName} documents={documents} session={session} />
            <Candidates
              requestId={request.id}
              requestStatus={request.status}
              session={session}
              round={round}
              names={names}
              onProposed={matched}
              onRefusedAsMoved={() => proposalRefused(request)}
            />
            <Matches loaded={matches} reread={rereadMatches} session={session} names={names} onMoved={matched} />
          </>
        );
      }}
    </Show>
  );
}
