// The in-memory waves store passes the waves store contract (the DynamoDB adapter passes it in the integration layer).
import { fixedClock } from "#shared/clock.ts";
import { waveStoreContract } from "../contracts/waves.contract.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

waveStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const store = inMemoryWaves(clock);
  return {
    store,
    clock,
    addMessage: async (message) => store.addMessage(message),
    auditActions: async (entity) => store.audit.actionsOf(entity),
  };
});
