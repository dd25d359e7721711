// The in-memory reporting store passes the reporting store contract (the DynamoDB adapter passes it in integration).
import { reportingStoreContract } from "../contracts/reporting.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryReporting } from "../support/in-memory/reporting.ts";

reportingStoreContract(() =>
  inMemory((clock) => {
    const registry = inMemoryRegistry(clock);
    return { registry, reporting: inMemoryReporting(clock, registry), audit: registry.audit };
  }),
);
