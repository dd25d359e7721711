// The in-memory assistance store passes the assistance store contract (the DynamoDB adapter, in integration).

import { fixedClock } from "#shared/clock.ts";
import { obligationKinds, obligationRules } from "#shared/reporting/obligations.ts";
import { type AssistanceUnderTest, assistanceStoreContract } from "../contracts/assistance.contract.ts";
import { CONTRACT_START } from "../contracts/store-contract.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemorySymbolGuards } from "../support/in-memory/symbol-guards.ts";

assistanceStoreContract(async (): Promise<AssistanceUnderTest> => {
  const clock = fixedClock(CONTRACT_START);
  // Linked as the adapter's transactions reach an organization provider's item.
  const organizations = inMemoryOrganizations(clock);
  const symbols = inMemorySymbolGuards();
  const store = inMemoryAssistance(clock, undefined, organizations, symbols);
  return {
    store,
    organizations,
    clock,
    auditActions: async (entity) => store.trail.actionsOf(entity),
    // The obligations as the registry's seed writes them.
    givenStates: async (iso3s) => {
      for (const iso3 of iso3s) {
        for (const kind of obligationKinds) {
          const { mandatory, initial } = obligationRules[kind];
          store.givenObligation({ iso3, kind, mandatory, status: initial, submissions: 0 });
        }
      }
    },
    givenOfferRecordedBeforeGuards: async (offer) => store.givenOfferRecordedBeforeGuards(offer),
    // Memory has no store from before versions: the feedback is recorded as now, at its first version.
    givenFeedbackRecordedBeforeVersions: async (feedback) => store.write([store.newFeedback(feedback)]),
    obligationOf: async (iso3, kind) => store.obligation(iso3, kind),
    // As the in-memory reporting store's write leaves it.
    givenDocumentUnderSymbol: async (symbol, document) => {
      symbols.set(symbol.toUpperCase(), { ...symbols.get(symbol.toUpperCase()), ...document });
    },
  };
});
