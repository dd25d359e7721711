// The in-memory send ledger lists the letters sent again as the DynamoDB adapter does (that one in integration).
import { ledgerResentContract } from "../contracts/ledger-resent.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryLedger } from "../support/in-memory/ledger.ts";

ledgerResentContract(() => inMemory(inMemoryLedger));
