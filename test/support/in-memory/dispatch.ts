// What wave dispatch reads and writes, in memory around the test's own waves and templates: the ledger, the
// registry, organizations, contacts and assistance, and a queue that takes every batch.
import type { Clock } from "#shared/clock.ts";
import { inMemoryAssistance } from "./assistance.ts";
import { inMemoryContacts } from "./contacts.ts";
import { inMemoryLedger } from "./ledger.ts";
import { inMemoryOrganizations } from "./organizations.ts";
import { inMemoryRegistry } from "./registry.ts";

export function inMemoryDispatchStores<Given extends { clock: Clock }>(given: Given) {
  const { clock } = given;
  return {
    ...given,
    ledger: inMemoryLedger(clock),
    registry: inMemoryRegistry(clock),
    organizations: inMemoryOrganizations(clock),
    contacts: inMemoryContacts(clock),
    assistance: inMemoryAssistance(clock),
    queue: { sendBatch: async () => undefined },
  };
}
