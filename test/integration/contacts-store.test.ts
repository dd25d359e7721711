// The DynamoDB contacts adapter passes the contacts store contract, on DynamoDB Local (memory does too). The States
// are seeded as the registry's seed does, with their obligations.
import { systemActor } from "#shared/auth/actor.ts";
import { contactRepository } from "#shared/contacts/repository.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import { type ContactsUnderTest, contactStoreContract } from "../contracts/contacts.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { aMemberState } from "../support/fixtures.ts";

contactStoreContract(async (): Promise<ContactsUnderTest> => {
  const subject = await onDynamo(contactRepository);
  const registry = registryRepository(subject.doc, subject.tableNames, subject.clock);
  return {
    ...subject,
    organizations: organizationRepository(subject.doc, subject.tableNames, subject.clock),
    givenStates: async (iso3s) => {
      const states = iso3s.map((iso3) => aMemberState(iso3));
      await registry.addMissingStates(states, initialObligationItems, { actor: systemActor("contract") });
    },
  };
});
