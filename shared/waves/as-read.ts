// What a reader of a wave's audience and letters is shown (ADR 0048): the secretariat everything; experts and members
// every recipient without the person (name, title, agency, e-mail, phone) and a letter without its text, which is
// written to that person and can list the owner's points of contact; an address quoted in a bounce's reason withheld.
import type { Actor } from "../auth/actor.ts";
import { readerGroups, readsPersonalData, withoutAddresses, withoutPersonalFields } from "../contacts/personal-data.ts";
import type { Message } from "../correspondence/schemas.ts";
import type { AudiencePreview } from "./waves.ts";

export const audienceAsReadBy = (reader: Actor | undefined) => (preview: AudiencePreview) =>
  readsPersonalData(readerGroups(reader))
    ? preview
    : {
        ...preview,
        recipients: preview.recipients.map((recipient) => ({
          ...withoutPersonalFields(recipient),
          contact: withoutPersonalFields(recipient.contact),
        })),
        skipped: preview.skipped.map(withoutPersonalFields),
      };

export const messageAsReadBy =
  (reader: Actor | undefined) =>
  <M extends Message>(message: M) => {
    if (readsPersonalData(readerGroups(reader))) return message;
    const { letter, ...rest } = withoutPersonalFields(message);
    const kept = rest.reason === undefined ? rest : { ...rest, reason: withoutAddresses(rest.reason) };
    return letter
      ? { ...kept, letter: { language: letter.language, fellBack: letter.fellBack, subject: letter.subject } }
      : kept;
  };
