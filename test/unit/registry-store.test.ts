// The in-memory registry passes the registry store contract (the DynamoDB adapter passes it in integration).
import { fixedClock } from "#shared/clock.ts";
import { registryStoreContract } from "../contracts/registry.contract.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";

registryStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const store = inMemoryRegistry(clock);
  return { store, clock, auditActions: async (entity) => store.audit.actionsOf(entity) };
});
