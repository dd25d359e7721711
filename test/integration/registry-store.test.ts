// The DynamoDB registry adapter passes the registry store contract, on DynamoDB Local (the in-memory one does too).
import { fixedClock } from "#shared/clock.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { registryStoreContract } from "../contracts/registry.contract.ts";
import { dynamoAuditActions } from "../support/audit-actions.ts";
import { freshTables } from "./fresh-tables.ts";

registryStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const { doc, tableNames } = await freshTables();
  return {
    store: registryRepository(doc, tableNames, clock),
    clock,
    auditActions: dynamoAuditActions(doc, tableNames),
  };
});
