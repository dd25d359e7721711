// Correcting an active contact's details in place (PATCH /contacts/{id}, secretariat): only the fields changed are
// sent, against the version the list showed; an address another active contact holds (409) is said at the e-mail.
import { useEffect, useState } from "preact/hooks";
import { ProblemError } from "../../api/client.ts";
import { FieldForm, problemWords, useSubmit } from "../../ui/form.tsx";
import { type CorrectableField, changesFrom, correctionValuesOf, type TypedCorrection } from "./contact-changes.ts";
import { contactFields } from "./contact-fields.ts";
import { StaleWayOut } from "./contact-stale.tsx";
import { type Contact, correctContact, type State } from "./data.ts";

const nothingChanged = new ProblemError({
  type: "about:blank",
  title: "Nothing to correct",
  status: 0,
  detail: "change a detail before saving, or keep the details as they are",
});

export function CorrectContact(props: {
  contact: Contact;
  state: State;
  onDone: () => void;
  onCancel: () => void;
  onReread: (contact: Contact) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}) {
  const [typed, setTyped] = useState<TypedCorrection>({});
  // Opened from a row's button: the keyboard continues in the first field.
  useEffect(() => document.getElementById("correct-role")?.focus(), []);
  const submitting = useSubmit(async () => {
    const changes = changesFrom(props.contact, typed);
    if (Object.keys(changes).length === 0) throw nothingChanged;
    await correctContact(props.contact, changes);
    props.onDone();
  });
  const { problem } = submitting;
  // The API's 409 for an address in use names no field; the form puts it where the reader typed the address.
  const emailTaken = problem?.status === 409 && /already used/i.test(problem.detail ?? "");
  return (
    <FieldForm<CorrectableField>
      name="correct-contact"
      prefix="correct"
      title={`Correct ${props.contact.name}`}
      fields={contactFields(props.state, { optional: "empty clears it", designatedOn: "" })}
      values={{ ...correctionValuesOf(props.contact), ...typed }}
      onChange={(name, value) => setTyped({ ...typed, [name]: value })}
      submitting={submitting}
      submitLabel="Save the correction"
      claims={emailTaken && problem ? { email: problemWords(problem) } : undefined}
      onKeyDown={props.onKeyDown}
    >
      <StaleWayOut submitting={submitting} contact={props.contact} onReread={props.onReread} />
      <button type="button" class="secondary" onClick={props.onCancel}>
        Keep the details as they are
      </button>
    </FieldForm>
  );
}
