// The DynamoDB send ledger passes the send ledger's contract, on DynamoDB Local (memory does too).
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { ledgerStoreContract } from "../contracts/ledger.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";

ledgerStoreContract(() => onDynamo(ledgerRepository));
