// The in-memory contacts store passes the contacts store contract (the DynamoDB adapter, in integration).
import { type ContactsUnderTest, contactStoreContract } from "../contracts/contacts.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryContacts } from "../support/in-memory/contacts.ts";

contactStoreContract(async (): Promise<ContactsUnderTest> => {
  const subject = await inMemory(inMemoryContacts);
  return {
    ...subject,
    givenStates: async (iso3s) => {
      for (const iso3 of iso3s) subject.store.givenPocObligation(iso3);
    },
  };
});
