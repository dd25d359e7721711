// The memory programme years store passes the programme years store contract (the DynamoDB one, in integration).
import { fixedClock } from "#shared/clock.ts";
import { programmeStoreContract } from "../contracts/programme-years.contract.ts";
import { CONTRACT_START } from "../contracts/store-contract.ts";
import { memoryProgrammeStore } from "../support/in-memory/programme.ts";

programmeStoreContract(async () => {
  const store = memoryProgrammeStore();
  return {
    store,
    clock: fixedClock(CONTRACT_START),
    auditActions: async (entity) =>
      store.audit
        .filter((entry) => entry.entity.type === entity.type && entry.entity.id === entity.id)
        .map((entry) => entry.action)
        .sort(),
  };
});
