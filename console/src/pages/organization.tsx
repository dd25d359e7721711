// An organization's page: what it is, and its retirement once retired (organization-retire.tsx, which also retires
// it for the secretariat), its points of contact (the same panel as a State's: the secretariat adds, verifies,
// corrects and deactivates them), the assistance it offers (provider-offers.tsx), the letters it was sent
// (letters-received.tsx), everything about it newest first (the State's timeline panel), and for the secretariat,
// while it is not retired, its details corrected against the version read (only what was typed is sent; a change
// made meanwhile is the API's 412, and the organization is read again in place, keeping what was typed over the
// fields left alone).
import { useState } from "preact/hooks";
import type { Versioned } from "../api/versioned.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { FieldForm, nothingChanged, useSubmit } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { AuditTrailLink } from "./audit-trail-link.tsx";
import { LettersReceivedPanel } from "./letters-received.tsx";
import {
  correctionValuesOf,
  KINDS,
  ORGANIZATION_WORDS,
  type OrganizationField,
  organizationChanges,
} from "./organization-changes.ts";
import { OrganizationRetirement } from "./organization-retire.tsx";
import { isRetired } from "./organization-retirement.ts";
import { ORGANIZATION_FIELDS } from "./organizations.tsx";
import {
  correctOrganization,
  type Organization,
  organizationLettersPage,
  organizationTimelinePage,
  organizationWithEtag,
} from "./organizations-data.ts";
import { ProviderOffers } from "./provider-offers.tsx";
import { ReadAgainStatus, ReadCurrentVersion } from "./read-current-version.tsx";
import { organizationOwner } from "./state/contact-owner.ts";
import { ContactsPanel } from "./state/contacts.tsx";
import { contactsOf } from "./state/data.ts";
import { Timeline } from "./state/timeline.tsx";
import { formOver, readAgainWords, type Typed, typedWith } from "./typed-over.ts";

function CorrectOrganization(props: {
  current: Versioned<Organization>;
  onDone: (written: Versioned<Organization>) => void;
  onReread: (current: Versioned<Organization>) => void;
}) {
  const { current } = props;
  // Only the fields typed: the others show the organization as it stands, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<OrganizationField>>({});
  const [done, setDone] = useState<string>();
  const [reread, setReread] = useState<{ words: string }>();
  const submitting = useSubmit(async () => {
    const changes = organizationChanges(current.value, typed);
    if (Object.keys(changes).length === 0) {
      throw nothingChanged("Nothing to correct", "change a detail before saving");
    }
    const written = await correctOrganization(current, changes);
    setTyped({});
    setReread(undefined);
    setDone("Saved.");
    props.onDone(written);
  });
  const stored = correctionValuesOf(current.value);
  return (
    <FieldForm
      name="correct-organization"
      prefix="correct-organization"
      title={`Correct ${current.value.acronym}`}
      level={2}
      fields={ORGANIZATION_FIELDS}
      values={formOver(stored, typed)}
      onChange={(name, value) => {
        setDone(undefined);
        setTyped(typedWith(typed, stored, name, value));
      }}
      submitting={submitting}
      submitLabel="Save the correction"
    >
      <p class="muted">Its id, {current.value.id}, never changes: contacts and letters refer to it.</p>
      <ReadCurrentVersion
        id="correct-organization-read"
        submitting={submitting}
        read={() => organizationWithEtag(current.value.id)}
        onRead={(now) => {
          setReread({ words: readAgainWords(correctionValuesOf(now.value), typed, ORGANIZATION_WORDS) });
          props.onReread(now);
        }}
      />
      <ReadAgainStatus id="correct-organization-now" read={reread} />
      {done && <p role="status">{done}</p>}
    </FieldForm>
  );
}

export function OrganizationPage({ id, session }: { id: string; session: Session }) {
  // A correction's answer is the organization as it now stands, with its ETag: shown at once (`put`), so a second
  // correction writes against it.
  const [loaded, , put] = useLoad(() => organizationWithEtag(id), id);
  // Moves with each write on the page (a contact's, a correction, the retirement), so the timeline is read again.
  const [round, setRound] = useState(0);
  const changed = () => setRound((value) => value + 1);
  // Read once for the two panels that show them (the contacts, and the letters, whose roles they give), again after a
  // contact's write (the panel's `reload`) and once it is retired: a retirement succeeds only when a colleague has
  // deactivated them all.
  const retired = loaded.status === "ready" && isRetired(loaded.data.value);
  const [contacts, rereadContacts] = useLoad(() => contactsOf(`ORG:${id}`), `${id}:${retired}`);
  const shown = (now: Versioned<Organization>) => {
    put(now);
    changed();
  };
  return (
    <Show what={loaded}>
      {(current) => {
        const organization = current.value;
        return (
          <>
            <h1>
              {organization.name} <span class="muted">({organization.acronym})</span>
            </h1>
            <p data-field="organization">
              {KINDS[organization.kind]}
              {organization.region ? `; ${organization.region}` : ""}
              {organization.note ? `. ${organization.note}` : ""}
            </p>
            <OrganizationRetirement
              current={current}
              mayRetire={may(session.group, "POST /organizations/{id}/retire")}
              onChanged={shown}
            />
            <AuditTrailLink
              owner={{ kind: "organization", id: organization.id }}
              name={organization.name}
              session={session}
            />
            <ContactsPanel
              owner={organizationOwner(organization)}
              session={session}
              onChanged={changed}
              takesNew={!isRetired(organization)}
              contacts={contacts}
              reload={rereadContacts}
            />
            <LettersReceivedPanel
              load={(cursor) => organizationLettersPage(organization.id, cursor)}
              loadKey={organization.id}
              owner={`ORG:${organization.id}`}
              ownerName={`the ${organization.name}`}
              contacts={contacts}
            />
            <ProviderOffers
              provider={`organization:${organization.id}`}
              who="this organization"
              onChanged={changed}
              history={isRetired(organization)}
            />
            {may(session.group, "PATCH /organizations/{id}") && !isRetired(organization) && (
              <CorrectOrganization current={current} onDone={shown} onReread={shown} />
            )}
            <Timeline
              load={(cursor) => organizationTimelinePage(organization.id, cursor)}
              loadKey={`${organization.id}:${round}`}
            />
          </>
        );
      }}
    </Show>
  );
}
