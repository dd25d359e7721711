// Points of contact of States for the wave tests: a capital PoC by default, named and addressed from a short key.
import type { AuditContext } from "#shared/audit/audit-entry.ts";
import { type ContactDependencies, createContact } from "#shared/contacts/contacts.ts";
import type { NewContact } from "#shared/contacts/schemas.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";

/** `contact("MLI", "mli", "fr")` creates the capital PoC `Poc mli <mli@states.example>` of Mali, reading French. */
export const stateContactMaker =
  (contacts: ContactDependencies, audit: AuditContext) =>
  (iso3: string, key: string, language: UnLanguage, more: Partial<NewContact> = {}) =>
    createContact(contacts)(
      {
        owner: `STATE:${iso3}`,
        role: "capital-poc",
        name: `Poc ${key}`,
        email: `${key}@states.example`,
        language,
        ...more,
      },
      audit,
    );
