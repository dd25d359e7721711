// An organization's page: what it is, its points of contact (the same panel as a State's: the secretariat adds,
// verifies, corrects and deactivates them), the assistance it offers (provider-offers.tsx), the letters it was sent
// (letters-received.tsx), everything about it newest first (the State's timeline panel), and for the secretariat,
// its details corrected against the version read (a change made meanwhile is the API's 412; only what changed is sent).
import { useState } from "preact/hooks";
import type { Versioned } from "../api/versioned.ts";
import { may } from "../auth/access.ts";
import type { Session } from "../auth/session.ts";
import { FieldForm, nothingChanged, useSubmit } from "../ui/form.tsx";
import { Show, useLoad } from "../ui/load.tsx";
import { LettersReceived } from "./letters-received.tsx";
import { KINDS, organizationChanges, typedOf } from "./organization-changes.ts";
import { ORGANIZATION_FIELDS } from "./organizations.tsx";
import {
  correctOrganization,
  type Organization,
  organizationLettersPage,
  organizationTimelinePage,
  organizationWithEtag,
} from "./organizations-data.ts";
import { ProviderOffers } from "./provider-offers.tsx";
import { organizationOwner } from "./state/contact-owner.ts";
import { Contacts } from "./state/contacts.tsx";
import { Timeline } from "./state/timeline.tsx";

function CorrectOrganization(props: {
  current: Versioned<Organization>;
  onDone: (written: Versioned<Organization>) => void;
  onStale: () => Promise<void>;
}) {
  const { current } = props;
  const [form, setForm] = useState(() => typedOf(current.value));
  const [done, setDone] = useState<string>();
  const submitting = useSubmit(
    async () => {
      const changes = organizationChanges(current.value, form);
      if (Object.keys(changes).length === 0) {
        throw nothingChanged("Nothing to correct", "change a detail before saving");
      }
      const written = await correctOrganization(current, changes);
      setDone("Saved.");
      props.onDone(written);
    },
    { onStale: props.onStale },
  );
  return (
    <FieldForm
      name="correct-organization"
      prefix="correct-organization"
      title={`Correct ${current.value.acronym}`}
      level={2}
      fields={ORGANIZATION_FIELDS}
      values={form}
      onChange={(name, value) => {
        setDone(undefined);
        setForm({ ...form, [name]: value });
      }}
      submitting={submitting}
      submitLabel="Save the correction"
    >
      <p class="muted">Its id, {current.value.id}, never changes: contacts and letters refer to it.</p>
      {done && <p role="status">{done}</p>}
    </FieldForm>
  );
}

export function OrganizationPage({ id, session }: { id: string; session: Session }) {
  // A correction's answer is the organization as it now stands, with its ETag: shown at once (`put`), so a second
  // correction writes against it.
  const [loaded, reread, put] = useLoad(() => organizationWithEtag(id), id);
  // Moves with each write on the page (a contact's, a correction), so the timeline is read again.
  const [round, setRound] = useState(0);
  const changed = () => setRound((value) => value + 1);
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
            <Contacts owner={organizationOwner(organization)} session={session} onChanged={changed} />
            <LettersReceived
              load={(cursor) => organizationLettersPage(organization.id, cursor)}
              loadKey={organization.id}
              who="organization"
            />
            <ProviderOffers provider={`organization:${organization.id}`} who="this organization" />
            {may(session.group, "PATCH /organizations/{id}") && (
              <CorrectOrganization
                current={current}
                onDone={(written) => {
                  put(written);
                  changed();
                }}
                onStale={reread}
              />
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
