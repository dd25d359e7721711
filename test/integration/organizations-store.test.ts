// The DynamoDB organizations adapter passes the organizations store contract, on DynamoDB Local (memory does too).
import { fixedClock } from "#shared/clock.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { organizationStoreContract } from "../contracts/organizations.contract.ts";
import { dynamoAuditActions } from "../support/audit-actions.ts";
import { freshTables } from "./fresh-tables.ts";

organizationStoreContract(async () => {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const { doc, tableNames } = await freshTables();
  return {
    store: organizationRepository(doc, tableNames, clock),
    clock,
    auditActions: dynamoAuditActions(doc, tableNames),
  };
});
