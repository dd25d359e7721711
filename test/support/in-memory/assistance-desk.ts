// What the assistance use cases read and write, in memory, on one clock fixed at `at`: the registry, the
// organizations and the assistance store, which touches its organization's item in its writes as the DynamoDB adapter
// does, the trail they all write, the UN Headquarters holidays (none on record until a test saves a year's), and the
// reporting store, which sees the requests' symbols as the assistance store sees its documents' (one desk table).
import { fixedClock } from "#shared/clock.ts";
import { inMemoryAssistance } from "./assistance.ts";
import { inMemoryAudit } from "./audit.ts";
import { inMemoryHolidayStore } from "./holidays.ts";
import { inMemoryOrganizations } from "./organizations.ts";
import { inMemoryRegistry } from "./registry.ts";
import { inMemoryReporting } from "./reporting.ts";
import { inMemorySymbolGuards } from "./symbol-guards.ts";

export function inMemoryAssistanceDesk(at: string) {
  const clock = fixedClock(at);
  const trail = inMemoryAudit(clock);
  const organizations = inMemoryOrganizations(clock, trail);
  const registry = inMemoryRegistry(clock, trail);
  const symbols = inMemorySymbolGuards();
  return {
    clock,
    trail,
    registry,
    organizations,
    assistance: inMemoryAssistance(clock, trail, organizations, symbols),
    reporting: inMemoryReporting(clock, registry, trail, symbols),
    holidays: inMemoryHolidayStore(clock),
  };
}
