// A State's page: its whole dossier, one panel each (pages/state/): obligations, submissions, contacts, the letters
// it was sent, its assistance requests and offers, its matrix and its timeline. Writes are offered only to the groups
// that may.
import { useState } from "preact/hooks";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { Show, useLoad } from "../ui/load.tsx";
import { AuditTrailLink } from "./audit-trail-link.tsx";
import { LettersReceivedPanel } from "./letters-received.tsx";
import { ProviderOffers } from "./provider-offers.tsx";
import { StateAssistance } from "./state/assistance.tsx";
import { stateOwner } from "./state/contact-owner.ts";
import { ContactsPanel } from "./state/contacts.tsx";
import { contactsOf, dossierOf, stateRequests, timelinePage } from "./state/data.ts";
import { BASIS_WORDS, LANGUAGES } from "./state/labels.ts";
import { LanguageOfLetters } from "./state/language.tsx";
import { Matrix } from "./state/matrix.tsx";
import { Obligations } from "./state/obligations.tsx";
import { Submissions } from "./state/submissions.tsx";
import { Timeline } from "./state/timeline.tsx";

export function StatePage({ iso3, session }: { iso3: string; session: Session }) {
  const [dossier, reload] = useLoad(() => dossierOf(iso3), iso3);
  // Each write reads the dossier again (a contact changes the point-of-contact obligation, a submission the others)
  // and moves the round on, so the panels that read what it changed read again: the timeline above all, and the
  // contacts, whose language follows the State's.
  const [round, setRound] = useState(0);
  // Read once a round for the two panels that show them: the contacts, and the letters, whose roles they give.
  const [contacts, rereadContacts] = useLoad(() => contactsOf(`STATE:${iso3}`), `${iso3}:${round}`);
  // Read once for the two panels that show them: the requests, and the submissions, which mark a document that is also
  // one of them (a request that arrived in it, under its symbol).
  const [requests, rereadRequests] = useLoad(() => stateRequests(iso3), iso3);
  const changed = () => {
    setRound((n) => n + 1);
    return reload();
  };
  return (
    <Show what={dossier}>
      {(data) => (
        <>
          <h1>
            {data.state.name} <span class="muted">({data.state.iso3})</span>
          </h1>
          <p>
            {data.state.regionName}; letters in{" "}
            <span data-field="language">
              {LANGUAGES[data.state.language]} ({BASIS_WORDS[data.state.languageBasis]})
            </span>
            ; reporting status: <strong data-field="reportingStatus">{data.state.reportingStatus}</strong>
            {data.state.firstReportOn ? ` (first report received ${data.state.firstReportOn})` : ""}
          </p>
          <AuditTrailLink owner={{ kind: "state", iso3: data.state.iso3 }} name={data.state.name} session={session} />
          {may(session.group, "PATCH /states/{iso3}") && <LanguageOfLetters dossier={data} onChanged={changed} />}
          <Obligations obligations={data.obligations} />
          <Submissions dossier={data} requests={requests} session={session} onChanged={changed} />
          <ContactsPanel
            owner={stateOwner(data.state)}
            session={session}
            onChanged={changed}
            contacts={contacts}
            reload={rereadContacts}
          />
          <LettersReceivedPanel
            load={(cursor) => timelinePage(iso3, cursor, ["letter"])}
            loadKey={`${iso3}:${round}`}
            owner={`STATE:${iso3}`}
            ownerName={data.state.name}
            contacts={contacts}
          />
          <StateAssistance iso3={iso3} requests={requests} reread={rereadRequests} />
          <ProviderOffers provider={`state:${iso3}`} who="this State" onChanged={changed} />
          <Matrix iso3={iso3} round={round} session={session} onChanged={changed} />
          <Timeline load={(cursor) => timelinePage(iso3, cursor)} loadKey={`${iso3}:${round}`} />
        </>
      )}
    </Show>
  );
}
