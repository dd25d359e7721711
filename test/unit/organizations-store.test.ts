// The in-memory organizations store passes the organizations store contract (the DynamoDB adapter, in integration).
import { fixedClock } from "#shared/clock.ts";
import { organizationStoreContract } from "../contracts/organizations.contract.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";

organizationStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const store = inMemoryOrganizations(clock);
  return { store, clock, auditActions: async (entity) => store.audit.actionsOf(entity) };
});
