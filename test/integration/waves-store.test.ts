// The DynamoDB waves adapter passes the waves store contract, on DynamoDB Local (the in-memory store passes it too).
import { fixedClock } from "#shared/clock.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { waveStoreContract } from "../contracts/waves.contract.ts";
import { dynamoAuditActions } from "../support/audit-actions.ts";
import { freshTables } from "./fresh-tables.ts";

waveStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const { doc, tableNames } = await freshTables();
  const ledger = ledgerRepository(doc, tableNames, clock);
  return {
    store: waveRepository(doc, tableNames, clock),
    clock,
    addMessage: async (message) => {
      await ledger.putNew(message);
    },
    auditActions: dynamoAuditActions(doc, tableNames),
  };
});
