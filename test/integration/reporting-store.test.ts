// The DynamoDB reporting adapter passes the reporting store contract, on DynamoDB Local (the in-memory one does too).

import { writeTransaction } from "#shared/dynamo/transaction.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { requestUnderSymbol } from "#shared/reporting/symbol-guard.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";
import { reportingStoreContract } from "../contracts/reporting.contract.ts";

reportingStoreContract(() =>
  onDynamo((doc, tableNames, clock) => ({
    registry: registryRepository(doc, tableNames, clock),
    reporting: reportingRepository(doc, tableNames, clock),
    // The assistance store's own write of it, in a transaction of its own.
    requestUnderSymbol: (request) => writeTransaction(doc, [requestUnderSymbol(tableNames.desk, request)]),
  })),
);
