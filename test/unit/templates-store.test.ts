// The in-memory templates store passes the templates store contract (the DynamoDB adapter passes it in integration).
import { fixedClock } from "#shared/clock.ts";
import { templateStoreContract } from "../contracts/templates.contract.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";

templateStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const store = inMemoryTemplates(clock);
  return { store, clock, auditActions: async (entity) => store.audit.actionsOf(entity) };
});
