// The in-memory send ledger passes the send ledger's contract (the DynamoDB adapter, in integration).
import { ledgerStoreContract } from "../contracts/ledger.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";

ledgerStoreContract(() => inMemory(inMemoryLedger));
