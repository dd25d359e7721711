// What wave dispatch reads and writes, in memory around the test's own waves and templates: the ledger, the
// registry, organizations, contacts and assistance, and a queue that takes every batch.
import { type Clock, fixedClock } from "#shared/clock.ts";
import { inMemoryAssistance } from "./assistance.ts";
import { inMemoryAudit } from "./audit.ts";
import { inMemoryContacts } from "./contacts.ts";
import { inMemoryLedger } from "./ledger.ts";
import { inMemoryOrganizations } from "./organizations.ts";
import { inMemoryRegistry } from "./registry.ts";
import { inMemoryTemplates } from "./templates.ts";
import { inMemoryWaves } from "./waves.ts";

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

/** The dispatch stores with waves and templates of their own, on one clock fixed at `at`, and the trail they write. */
export function inMemoryDispatchDesk(at: string) {
  const clock = fixedClock(at);
  const trail = inMemoryAudit(clock);
  return {
    trail,
    ...inMemoryDispatchStores({
      clock,
      waves: inMemoryWaves(clock, trail),
      templates: inMemoryTemplates(clock, trail),
    }),
  };
}
