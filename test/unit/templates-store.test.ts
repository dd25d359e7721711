// The in-memory templates store passes the templates store contract (the DynamoDB adapter passes it in integration).
import { inMemory } from "../contracts/store-contract.ts";
import { templateStoreContract } from "../contracts/templates.contract.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";

templateStoreContract(() => inMemory(inMemoryTemplates));
