// The in-memory contacts store passes the contacts store contract (the DynamoDB adapter, in integration), linked to
// an in-memory organizations store as the adapter's transactions reach the organization's item.
import { type ContactsUnderTest, contactStoreContract } from "../contracts/contacts.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";

contactStoreContract(async (): Promise<ContactsUnderTest> => {
  const subject = await inMemory((clock) => {
    const organizations = inMemoryOrganizations(clock);
    return { ...inMemoryContacts(clock, undefined, organizations), organizations };
  });
  return {
    ...subject,
    organizations: subject.store.organizations,
    givenStates: async (iso3s) => {
      for (const iso3 of iso3s) subject.store.givenPocObligation(iso3);
    },
  };
});
