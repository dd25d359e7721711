// A contact write refused as stale (412): the button that reads the contact again in place, for every form that writes
// a contact against the version the list showed (verify, deactivate, correct); and a write refused because a colleague
// deactivated the contact meanwhile (409), read again the same way.

import { useState } from "preact/hooks";
import { possessive } from "../../../../shared/possessive.ts";
import { problemOf, type Submitting } from "../../ui/form.tsx";
import { messageOf } from "../../ui/load.tsx";
import { refusedAsDeactivated } from "./contact-words.ts";
import { type Contact, currentContact } from "./data.ts";

/**
 * A contact's write, unless the API refuses it because the contact was deactivated meanwhile (409): then the contact
 * is read again and handed to `onReread`, which says who deactivated it, when and why, and closes the form. Unread,
 * the refusal is said as the API gave it (it names the contact, the day and why).
 */
export const unlessDeactivated =
  (contact: Contact, onReread: (contact: Contact) => void, write: () => Promise<void>) => async () => {
    try {
      await write();
    } catch (error) {
      if (!refusedAsDeactivated(problemOf(error))) throw error;
      const now = await currentContact(contact.id).catch(() => undefined);
      if (!now || now.active) throw error;
      onReread(now);
    }
  };

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
      (error: unknown) =>
        setFailed(`Could not read ${possessive(contact.name ?? "the contact")} current details: ${messageOf(error)}`),
    );
  return (
    <>
      <button
        type="button"
        class="secondary"
        aria-describedby={failed ? id : undefined}
        onClick={() => void readAgain()}
      >
        Read {possessive(contact.name ?? "the contact")} current details
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
