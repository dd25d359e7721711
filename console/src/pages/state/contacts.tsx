// The State's points of contact as the API shows them to the signed-in group; the secretariat adds, verifies and
// deactivates them (each write against the version the list showed).
import { useEffect, useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { FieldForm, problemOf, problemWords, useSubmit } from "../../ui/form.tsx";
import { ListTable } from "../../ui/list-table.tsx";
import { messageOf, Show, useLoad } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import {
  addContact,
  type Contact,
  currentContact,
  deactivateContact,
  type State,
  stateContacts,
  verifyContact,
} from "./data.ts";
import { CONTACT_ROLES, codeIn, LANGUAGES, STATE_CONTACT_ROLES } from "./labels.ts";
import { standing } from "./readings.ts";

type NewContactField = "role" | "name" | "title" | "agency" | "email" | "phone" | "language" | "designatedOn";

function AddContact({ state, onAdded }: { state: State; onAdded: () => void }) {
  const empty: Record<NewContactField, string> = {
    role: "capital-poc",
    name: "",
    title: "",
    agency: "",
    email: "",
    phone: "",
    language: "",
    designatedOn: "",
  };
  const [form, setForm] = useState(empty);
  const submitting = useSubmit(async () => {
    const { role, name, email, language, ...optional } = form;
    const given = Object.fromEntries(Object.entries(optional).filter(([, value]) => value.trim() !== ""));
    const chosenLanguage = codeIn(LANGUAGES, language);
    await addContact({
      owner: `STATE:${state.iso3}`,
      role: codeIn(CONTACT_ROLES, role) ?? "capital-poc",
      name,
      email,
      ...given,
      ...(chosenLanguage ? { language: chosenLanguage } : {}),
    });
    setForm(empty);
    onAdded();
  });
  return (
    <FieldForm
      name="add-contact"
      prefix="contact"
      title="Add a contact"
      fields={[
        { name: "role", label: "Role", control: "select", options: STATE_CONTACT_ROLES },
        { name: "name", label: "Name" },
        { name: "title", label: "Title (optional)" },
        { name: "agency", label: "Agency (optional)" },
        { name: "email", label: "E-mail", control: "email" },
        { name: "phone", label: "Telephone (optional)", control: "tel" },
        {
          name: "language",
          label: "Language of letters",
          control: "select",
          options: { "": `The State's (${LANGUAGES[state.language]})`, ...LANGUAGES },
        },
        { name: "designatedOn", label: "Designated on (YYYY-MM-DD; today when empty)", control: "date" },
      ]}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Add the contact"
    />
  );
}

/** After a stale write, the contact as it stands now: what the reader checks before acting again. */
function NowOnRecord({ contact }: { contact: Contact }) {
  return (
    <p role="status" id="contact-now" tabIndex={-1}>
      {`Now on record for ${contact.name}: ${contact.email}${contact.phone ? `, ${contact.phone}` : ""}, ` +
        `${contact.title ? `${contact.title}, ` : ""}letters in ${LANGUAGES[contact.language]}, last verified ` +
        `${contact.lastVerifiedOn} (${standing(contact)}). Act again if these are right.`}
    </p>
  );
}

/**
 * A stale write's way out: the contact read again in place (a reload of the page would sign the reader out). A read
 * that fails says so beside the button, so that the press is not lost in silence and can be tried again.
 */
function ReadAgain({ contact, onReread }: { contact: Contact; onReread: (contact: Contact) => void }) {
  const [failed, setFailed] = useState<string>();
  const id = `reread-${contact.id}-problem`;
  const readAgain = () =>
    currentContact(contact.id).then(
      (current) => {
        setFailed(undefined);
        onReread(current);
      },
      (error: unknown) => setFailed(`Could not read ${contact.name}'s current details: ${messageOf(error)}`),
    );
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-describedby={failed ? id : undefined}
        onClick={() => void readAgain()}
      >
        Read {contact.name}'s current details
      </button>
      {failed && (
        <span role="alert" class="error" id={id}>
          {" "}
          {failed}
        </span>
      )}
    </>
  );
}

function Deactivate(props: {
  contact: Contact;
  onDone: () => void;
  onCancel: () => void;
  onReread: (contact: Contact) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const [form, setForm] = useState({ reason: "" });
  // Opened from a row's button: the keyboard continues in the reason.
  useEffect(() => document.getElementById("deactivate-reason")?.focus(), []);
  const submitting = useSubmit(async () => {
    await deactivateContact(props.contact, form.reason);
    props.onDone();
  });
  return (
    <FieldForm
      name="deactivate"
      prefix="deactivate"
      title={`Deactivate ${props.contact.name}`}
      fields={[{ name: "reason", label: "Why (left the post, address no longer used…)", control: "textarea" }]}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Deactivate the contact"
      onKeyDown={props.onKeyDown}
    >
      {submitting.problem?.status === 412 && (
        <ReadAgain
          contact={props.contact}
          onReread={(current) => {
            submitting.dismiss();
            props.onReread(current);
          }}
        />
      )}
      <button type="button" class="secondary" onClick={props.onCancel}>
        Keep the contact
      </button>
    </FieldForm>
  );
}

export function Contacts(props: { state: State; session: Session; onChanged: () => void }) {
  const [contacts, reload] = useLoad(() => stateContacts(props.state.iso3), props.state.iso3);
  const [deactivating, setDeactivating] = useState<Contact>();
  const changed = () => {
    reload();
    props.onChanged();
  };
  const [refused, setRefused] = useState<{ contact: Contact; problem: Problem }>();
  const [reread, setReread] = useState<Contact>();
  const focusReturn = useFocusReturn();
  const manage = may(props.session.group, "POST /contacts/{id}/verify");
  const verify = (contact: Contact) =>
    verifyContact(contact).then(
      () => {
        setRefused(undefined);
        setReread(undefined);
        changed();
      },
      (error: unknown) => setRefused({ contact, problem: problemOf(error) }),
    );
  // The list is read again too, so that its buttons act on the version now shown; the status line takes the focus.
  const showCurrent = (current: Contact) => {
    setRefused(undefined);
    setReread(current);
    setDeactivating((open) => (open?.id === current.id ? current : open));
    reload();
  };
  useEffect(() => {
    if (reread) document.getElementById("contact-now")?.focus();
  }, [reread]);
  // A deactivated row keeps no buttons: the panel's heading is the nearest place to go on from.
  const closeDeactivate = () => {
    setDeactivating(undefined);
    focusReturn.closed(() => document.getElementById("contacts-title"));
  };
  return (
    <Panel id="contacts" title="Contacts">
      <Show what={contacts}>
        {(list) => (
          <ListTable
            empty="No contact on record."
            label="The State's contacts"
            rows={list}
            keyOf={(c) => c.id}
            classOf={(c) => (c.active ? undefined : "inactive")}
            columns={[
              { header: "Name", names: true, cell: (c) => c.name },
              { header: "Role", cell: (c) => CONTACT_ROLES[c.role] },
              { header: "E-mail", cell: (c) => c.email },
              { header: "Telephone", cell: (c) => c.phone ?? "" },
              { header: "Language", cell: (c) => LANGUAGES[c.language] },
              { header: "Last verified", cell: (c) => c.lastVerifiedOn },
              { header: "Standing", cell: standing },
              ...(manage
                ? [
                    {
                      header: "Actions",
                      cell: (c: Contact) =>
                        c.active ? (
                          <span class="actions">
                            <button type="button" aria-label={`Verify ${c.name}`} onClick={() => verify(c)}>
                              Verify
                            </button>
                            <button
                              type="button"
                              aria-label={`Deactivate ${c.name}`}
                              onClick={() => {
                                focusReturn.opened();
                                setDeactivating(c);
                              }}
                            >
                              Deactivate
                            </button>
                          </span>
                        ) : (
                          ""
                        ),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Show>
      {refused && (
        <p role="alert" class="error">
          {`${refused.contact.name}: ${problemWords(refused.problem)}`}{" "}
          {refused.problem.status === 412 && <ReadAgain contact={refused.contact} onReread={showCurrent} />}
        </p>
      )}
      {reread && <NowOnRecord contact={reread} />}
      {deactivating && (
        <Deactivate
          key={deactivating.id}
          contact={deactivating}
          onCancel={closeDeactivate}
          onReread={showCurrent}
          onKeyDown={focusReturn.escapeCloses(closeDeactivate)}
          onDone={() => {
            closeDeactivate();
            setReread(undefined);
            changed();
          }}
        />
      )}
      {may(props.session.group, "POST /contacts") && <AddContact state={props.state} onAdded={changed} />}
    </Panel>
  );
}
