// A contact write refused as stale (412): the contact as it stands now, and the button that reads it again in place,
// for every form that writes a contact against the version the list showed (verify, deactivate, correct).
import { useState } from "preact/hooks";
import type { Submitting } from "../../ui/form.tsx";
import { messageOf } from "../../ui/load.tsx";
import { type Contact, currentContact } from "./data.ts";
import { LANGUAGES } from "./labels.ts";
import { standing } from "./readings.ts";

/** After a stale write, the contact as it stands now: what the reader checks before acting again (ReadAgainStatus). */
export const nowOnRecord = (contact: Contact): string =>
  `Now on record for ${contact.name}: ${contact.email}${contact.phone ? `, ${contact.phone}` : ""}, ` +
  `${contact.title ? `${contact.title}, ` : ""}letters in ${LANGUAGES[contact.language]}, last verified ` +
  `${contact.lastVerifiedOn} (${standing(contact)}). Act again if these are right.`;

/**
 * A stale write's way out: the contact read again in place (a reload of the page would sign the reader out). A read
 * that fails says so beside the button, so that the press is not lost in silence and can be tried again.
 */
export function ReadAgain({ contact, onReread }: { contact: Contact; onReread: (contact: Contact) => void }) {
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

/** In a contact's form whose write was refused as stale: the contact read again, the form keeping what was typed. */
export function StaleWayOut(props: { submitting: Submitting; contact: Contact; onReread: (contact: Contact) => void }) {
  if (props.submitting.problem?.status !== 412) return null;
  return (
    <ReadAgain
      contact={props.contact}
      onReread={(current) => {
        props.submitting.dismiss();
        props.onReread(current);
      }}
    />
  );
}
