// The in-memory reporting store passes the reporting store contract (the DynamoDB adapter passes it in integration).
import { requestOnSymbol } from "#shared/reporting/symbol-guard.ts";
import { type ReportingStores, reportingStoreContract } from "../contracts/reporting.contract.ts";
import { inMemory } from "../contracts/store-contract.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { inMemoryReporting } from "../support/in-memory/reporting.ts";
import { inMemorySymbolGuards } from "../support/in-memory/symbol-guards.ts";

reportingStoreContract(() =>
  inMemory((clock) => {
    const registry = inMemoryRegistry(clock);
    const symbols = inMemorySymbolGuards();
    return {
      registry,
      reporting: inMemoryReporting(clock, registry, registry.audit, symbols),
      audit: registry.audit,
      // As the in-memory assistance store's write leaves it.
      requestUnderSymbol: async (request: Parameters<ReportingStores["requestUnderSymbol"]>[0]) => {
        const key = request.symbol.toUpperCase();
        symbols.set(key, { ...symbols.get(key), ...requestOnSymbol(request) });
      },
    };
  }),
);
