// The DynamoDB send ledger lists the letters sent again through its resends index, on DynamoDB Local (memory does too).
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { ledgerResentContract } from "../contracts/ledger-resent.contract.ts";
import { onDynamo } from "../contracts/on-dynamo.ts";

ledgerResentContract(() => onDynamo(ledgerRepository));
