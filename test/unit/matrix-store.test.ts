// The in-memory matrices store passes the matrices store contract (the DynamoDB adapter, in integration).
import { matrixStoreContract } from "../contracts/matrix.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryMatrix } from "../support/in-memory/matrix.ts";

matrixStoreContract(() => inMemory(inMemoryMatrix));
