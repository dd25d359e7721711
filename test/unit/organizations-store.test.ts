// The in-memory organizations store passes the organizations store contract (the DynamoDB adapter, in integration).
import { organizationStoreContract } from "../contracts/organizations.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";

organizationStoreContract(async () => {
  const subject = await inMemory(inMemoryOrganizations);
  return { ...subject, actFor: async (id) => subject.store.actingFor(id)() };
});
