// The DynamoDB contacts adapter passes the contacts store contract, on DynamoDB Local (memory does too). The States
// are seeded as the registry's seed does, with their obligations.
import { systemActor } from "#shared/auth/actor.ts";
import { contactRepository } from "#shared/contacts/repository.ts";
import type { MemberState } from "#shared/registry/member-states.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { regionalGroups } from "#shared/registry/schemas.ts";
import { initialObligationItems } from "#shared/reporting/repository.ts";
import { type ContactsUnderTest, contactStoreContract } from "../contracts/contacts.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";

contactStoreContract(async (): Promise<ContactsUnderTest> => {
  const subject = await onDynamo(contactRepository);
  const registry = registryRepository(subject.doc, subject.tableNames, subject.clock);
  return {
    ...subject,
    givenStates: async (iso3s) => {
      const states = iso3s.map(
        (iso3): MemberState => ({
          iso3,
          iso2: iso3.slice(0, 2),
          name: `State ${iso3}`,
          region: "african",
          regionName: regionalGroups.african,
          language: "fr",
          languageBasis: "official language",
        }),
      );
      await registry.addMissingStates(states, initialObligationItems, { actor: systemActor("contract") });
    },
  };
});
