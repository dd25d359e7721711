// Correcting an active contact's details in place (PATCH /contacts/{id}, secretariat): only the fields typed that differ
// are sent, against the version the list showed (typed-over.ts, as the organization's and the submission's corrections:
// after a 412 the contact is read again under what was typed); an address another active contact holds (409) is said
// at the e-mail, where the API's problem puts it (body.email). An address SES reported can be set back to ok here; a
// contact a colleague deactivated meanwhile ends the form (contacts.tsx says by whom and why).
import { useEffect, useState } from "preact/hooks";
import { FieldForm, type FieldSpec, nothingChanged, useSubmit } from "../../ui/form.tsx";
import { formOver, type Typed, typedWith } from "../typed-over.ts";
import { type CorrectableField, changesFrom, correctionValuesOf, EMAIL_STATUS_CHOICES } from "./contact-changes.ts";
import { contactFields } from "./contact-fields.ts";
import type { ContactOwner } from "./contact-owner.ts";
import { StaleWayOut, unlessDeactivated } from "./contact-stale.tsx";
import { emailStatusWords } from "./contact-words.ts";
import { type Contact, correctContact } from "./data.ts";

/**
 * Offered only while SES's report stands: what was reported and when (if the record has the day), and the choice to
 * set it back to ok; a new address starts ok without it.
 */
const emailStatusField = (contact: Contact): FieldSpec<CorrectableField>[] =>
  contact.emailStatus === "ok"
    ? []
    : [
        {
          name: "emailStatus",
          label: `E-mail status: ${emailStatusWords(contact)} (a new address starts ok)`,
          control: "select",
          options: EMAIL_STATUS_CHOICES,
        },
      ];

const unchanged = nothingChanged(
  "Nothing to correct",
  "change a detail before saving, or keep the details as they are",
);

export function CorrectContact(props: {
  contact: Contact;
  owner: ContactOwner;
  onDone: () => Promise<void>;
  onCancel: () => void;
  onReread: (contact: Contact) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  // Only the fields typed: the others show the contact as it stands, read again after a 412 included.
  const [typed, setTyped] = useState<Typed<CorrectableField>>({});
  // Opened from a row's button: the keyboard continues in the first field.
  useEffect(() => document.getElementById("correct-role")?.focus(), []);
  const submitting = useSubmit(
    unlessDeactivated(props.contact, props.onReread, async () => {
      const changes = changesFrom(props.contact, typed);
      if (Object.keys(changes).length === 0) throw unchanged;
      await correctContact(props.contact, changes);
      await props.onDone();
    }),
  );
  const stored = correctionValuesOf(props.contact);
  return (
    <FieldForm<CorrectableField>
      name="correct-contact"
      prefix="correct"
      title={`Correct ${props.contact.name}`}
      fields={[
        ...contactFields(props.owner, { optional: "empty clears it", designatedOn: "" }),
        ...emailStatusField(props.contact),
      ]}
      values={formOver(stored, typed)}
      onChange={(name, value) => setTyped(typedWith(typed, stored, name, value))}
      submitting={submitting}
      submitLabel="Save the correction"
      onKeyDown={props.onKeyDown}
    >
      <StaleWayOut submitting={submitting} contact={props.contact} onReread={props.onReread} />
      <button type="button" class="secondary" onClick={props.onCancel}>
        Keep the details as they are
      </button>
    </FieldForm>
  );
}
