// The DynamoDB organizations adapter passes the organizations store contract, on DynamoDB Local (memory does too).
import { writeTransaction } from "#shared/dynamo/transaction.ts";
import { actingForOrganization } from "#shared/organizations/acting-writes.ts";
import { organizationRepository } from "#shared/organizations/repository.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { organizationStoreContract } from "../contracts/organizations.contract.ts";

organizationStoreContract(async () => {
  const subject = await onDynamo(organizationRepository);
  return {
    ...subject,
    actFor: (id) => writeTransaction(subject.doc, [actingForOrganization(subject.tableNames.desk, id)]),
  };
});
