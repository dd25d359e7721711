// The DynamoDB templates adapter passes the templates store contract, on DynamoDB Local (the in-memory store too).
import { fixedClock } from "#shared/clock.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { templateStoreContract } from "../contracts/templates.contract.ts";
import { dynamoAuditActions } from "../support/audit-actions.ts";
import { freshTables } from "./fresh-tables.ts";

templateStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const { doc, tableNames } = await freshTables();
  return {
    store: templateRepository(doc, tableNames, clock),
    clock,
    auditActions: dynamoAuditActions(doc, tableNames),
  };
});
