// An owner's points of contact (a State's, or an organization's) as the API shows them to the signed-in group; the
// secretariat adds, verifies, corrects and deactivates them (each write against the version the list showed). The
// page reads them once, for this panel and its letters panel (`ContactsPanel`).
import { useEffect, useState } from "preact/hooks";
import type { Problem } from "../../api/client.ts";
import { may } from "../../auth/access.ts";
import type { Session } from "../../auth/session.ts";
import { BusyButton } from "../../ui/busy-button.tsx";
import { useFocusReturn } from "../../ui/focus-return.ts";
import { FieldForm, problemOf, problemWords, useSubmit, useWrites } from "../../ui/form.tsx";
import { type Column, ListTable } from "../../ui/list-table.tsx";
import { type Loaded, Show } from "../../ui/load.tsx";
import { Panel } from "../../ui/panel.tsx";
import { ReadAgainStatus } from "../read-current-version.tsx";
import { CorrectContact } from "./contact-correction.tsx";
import { type ContactField, contactFields } from "./contact-fields.ts";
import type { ContactOwner } from "./contact-owner.ts";
import { ReadAgain, StaleWayOut, unlessDeactivated } from "./contact-stale.tsx";
import { type ContactWrite, contactStanding, deactivatedMeanwhileWords, nowOnRecord } from "./contact-words.ts";
import { addContact, type Contact, deactivateContact, verifyContact } from "./data.ts";
import { CONTACT_ROLES, codeIn, LANGUAGES } from "./labels.ts";

function AddContact({ owner, onAdded }: { owner: ContactOwner; onAdded: () => Promise<void> }) {
  const [firstRole = "provider-poc"] = Object.keys(owner.roles);
  const empty: Record<ContactField, string> = {
    role: firstRole,
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
      owner: owner.owner,
      role: codeIn(CONTACT_ROLES, role) ?? "provider-poc",
      name,
      email,
      ...given,
      ...(chosenLanguage ? { language: chosenLanguage } : {}),
    });
    setForm(empty);
    // Busy until the list shows the contact added: a person who does not see it yet might add it again.
    await onAdded();
  });
  return (
    <FieldForm
      name="add-contact"
      prefix="contact"
      title="Add a contact"
      fields={contactFields(owner, { optional: "optional", designatedOn: "; today when empty" })}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Add the contact"
    />
  );
}

function Deactivate(props: {
  contact: Contact;
  onDone: () => Promise<void>;
  onCancel: () => void;
  onReread: (contact: Contact) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const [form, setForm] = useState({ reason: "" });
  // Opened from a row's button: the keyboard continues in the reason.
  useEffect(() => document.getElementById("deactivate-reason")?.focus(), []);
  const submitting = useSubmit(
    unlessDeactivated(props.contact, props.onReread, async () => {
      await deactivateContact(props.contact, form.reason);
      await props.onDone();
    }),
  );
  return (
    <FieldForm
      name="deactivate"
      prefix="deactivate"
      title={`Deactivate ${props.contact.name}`}
      fields={[
        {
          name: "reason",
          // The reason is in the audit trail (a State's timeline), which experts and members read (ADR 0048 keeps
          // persons from them).
          label: "Why (left the post, address no longer used…); experts and members read it, so name no one",
          control: "textarea",
        },
      ]}
      values={form}
      onChange={(name, value) => setForm({ ...form, [name]: value })}
      submitting={submitting}
      submitLabel="Deactivate the contact"
      onKeyDown={props.onKeyDown}
    >
      <StaleWayOut submitting={submitting} contact={props.contact} onReread={props.onReread} />
      <button type="button" class="secondary" onClick={props.onCancel}>
        Keep the contact
      </button>
    </FieldForm>
  );
}

const namesPeople = (list: readonly Contact[]) => list.some((c) => c.email !== undefined);

/**
 * Who each contact is: the person for the secretariat; for experts and members, whose answers carry no person (ADR
 * 0048), the role names the row.
 */
function whoColumns(list: readonly Contact[]): Column<Contact>[] {
  const role: Column<Contact> = { header: "Role", cell: (c) => CONTACT_ROLES[c.role] };
  if (!namesPeople(list)) return [{ ...role, names: true }];
  return [
    { header: "Name", names: true, cell: (c) => c.name },
    role,
    { header: "E-mail", cell: (c) => c.email },
    { header: "Telephone", cell: (c) => c.phone ?? "" },
  ];
}

/** The inline form open under the list, and the contact it acts on. */
type OpenForm = { form: "correct" | "deactivate"; contact: Contact };

interface ContactsProps {
  owner: ContactOwner;
  session: Session;
  onChanged: () => Promise<void> | void;
  /** False for an owner that takes no new contact: a retired organization (ADR 0061), whose contacts are history. */
  takesNew?: boolean;
}

/** The panel over the contacts its page read (`contacts`), read again by `reload` after a write here. */
export function ContactsPanel(props: ContactsProps & { contacts: Loaded<Contact[]>; reload: () => Promise<void> }) {
  const { contacts, reload } = props;
  const [open, setOpen] = useState<OpenForm>();
  const changed = async () => {
    await Promise.all([reload(), props.onChanged()]);
  };
  const [refused, setRefused] = useState<{ contact: Contact; problem: Problem }>();
  const [reread, setReread] = useState<{ words: string }>();
  const focusReturn = useFocusReturn();
  const manage = may(props.session.group, "POST /contacts/{id}/verify");
  const correct = may(props.session.group, "PATCH /contacts/{id}");
  // Busy until the list is read again: a second press meanwhile would act on the version listed before the
  // verification, and be refused as changed by someone else. A refusal is said at its contact, not by the button.
  const verifying = useWrites();
  const verify = (event: Event, contact: Contact) =>
    verifying.run(event, async () => {
      // Deactivated by a colleague meanwhile: said as the forms say it, and the page read again.
      let deactivated = false;
      const saidDeactivated = (current: Contact) => {
        deactivated = true;
        showCurrent(contact, "verification")(current);
      };
      try {
        await unlessDeactivated(contact, saidDeactivated, async () => {
          await verifyContact(contact);
        })();
      } catch (error) {
        setRefused({ contact, problem: problemOf(error) });
        return;
      }
      if (deactivated) return;
      setRefused(undefined);
      setReread(undefined);
      await changed();
    });
  // The list is read again too, so that its buttons act on the version now shown; the status line takes the focus
  // the pressed button leaves with. An open form goes on with the contact as read, keeping what was typed; unless a
  // colleague deactivated it meanwhile: then nothing is left to write, the form closes, and the page is read again
  // (the row leaves the active contacts; the State's point of contact may have changed with it).
  const showCurrent = (listed: Contact, write: ContactWrite) => (current: Contact) => {
    setRefused(undefined);
    if (!current.active) {
      setReread({ words: deactivatedMeanwhileWords(current, write) });
      setOpen((form) => (form?.contact.id === current.id ? undefined : form));
      void changed();
      return;
    }
    setReread({ words: nowOnRecord(listed, current) });
    setOpen((form) => (form?.contact.id === current.id ? { ...form, contact: current } : form));
    reload();
  };
  const opener = (contact: Contact, form: OpenForm["form"], verb: string) => (
    <button
      type="button"
      aria-label={`${verb} ${contact.name}`}
      onClick={() => {
        focusReturn.opened();
        setOpen({ form, contact });
      }}
    >
      {verb}
    </button>
  );
  // A deactivated row keeps no buttons: the panel's heading is the nearest place to go on from. A corrected row keeps
  // its Correct button, which gets the focus back.
  const close = () => {
    setOpen(undefined);
    focusReturn.closed(() => document.getElementById("contacts-title"));
  };
  // The form stays open, busy, until the list shows the change; then it closes.
  const done = async () => {
    await changed();
    setReread(undefined);
    close();
  };
  return (
    <Panel id="contacts" title="Contacts">
      <Show what={contacts}>
        {(list) => (
          <>
            {list.length > 0 && !namesPeople(list) && (
              <p data-field="contacts-people">Names, addresses and telephone numbers are the secretariat's alone.</p>
            )}
            <ListTable
              empty="No contact on record."
              label={`${props.owner.whose} contacts`}
              rows={list}
              keyOf={(c) => c.id}
              classOf={(c) => (c.active ? undefined : "inactive")}
              columns={[
                ...whoColumns(list),
                { header: "Language", cell: (c) => LANGUAGES[c.language] },
                { header: "Last verified", cell: (c) => c.lastVerifiedOn },
                { header: "Standing", cell: contactStanding },
                ...(manage || correct
                  ? [
                      {
                        header: "Actions",
                        cell: (c: Contact) =>
                          c.active ? (
                            <span class="actions">
                              {manage && (
                                <BusyButton
                                  type="button"
                                  busy={verifying.busy}
                                  aria-label={`Verify ${c.name}`}
                                  onClick={(event) => void verify(event, c)}
                                >
                                  Verify
                                </BusyButton>
                              )}
                              {correct && opener(c, "correct", "Correct")}
                              {manage && opener(c, "deactivate", "Deactivate")}
                            </span>
                          ) : (
                            ""
                          ),
                      },
                    ]
                  : []),
              ]}
            />
          </>
        )}
      </Show>
      {refused && (
        <p role="alert" class="error">
          {`${refused.contact.name}: ${problemWords(refused.problem)}`}{" "}
          {refused.problem.status === 412 && (
            <ReadAgain contact={refused.contact} onReread={showCurrent(refused.contact, "verification")} />
          )}
        </p>
      )}
      <ReadAgainStatus id="contact-now" read={reread} />
      {open?.form === "deactivate" && (
        <Deactivate
          key={open.contact.id}
          contact={open.contact}
          onCancel={close}
          onReread={showCurrent(open.contact, "deactivation")}
          onKeyDown={focusReturn.escapeCloses(close)}
          onDone={done}
        />
      )}
      {open?.form === "correct" && (
        <CorrectContact
          key={open.contact.id}
          contact={open.contact}
          owner={props.owner}
          onCancel={close}
          onReread={showCurrent(open.contact, "correction")}
          onKeyDown={focusReturn.escapeCloses(close)}
          onDone={done}
        />
      )}
      {may(props.session.group, "POST /contacts") && props.takesNew !== false && (
        <AddContact owner={props.owner} onAdded={changed} />
      )}
    </Panel>
  );
}
