// The in-memory registry passes the registry store contract (the DynamoDB adapter passes it in integration).
import { registryStoreContract } from "../contracts/registry.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";

registryStoreContract(() => inMemory(inMemoryRegistry));
