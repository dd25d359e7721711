// What the assistance use cases read and write, in memory, on one clock fixed at `at`: the registry, the
// organizations and the assistance store, which touches its organization's item in its writes as the DynamoDB adapter
// does, the trail they all write, and the UN Headquarters holidays (none on record until a test saves a year's).
import { fixedClock } from "#shared/clock.ts";
import { inMemoryAssistance } from "./assistance.ts";
import { inMemoryAudit } from "./audit.ts";
import { inMemoryHolidayStore } from "./holidays.ts";
import { inMemoryOrganizations } from "./organizations.ts";
import { inMemoryRegistry } from "./registry.ts";

export function inMemoryAssistanceDesk(at: string) {
  const clock = fixedClock(at);
  const trail = inMemoryAudit(clock);
  const organizations = inMemoryOrganizations(clock, trail);
  return {
    clock,
    trail,
    registry: inMemoryRegistry(clock, trail),
    organizations,
    assistance: inMemoryAssistance(clock, trail, organizations),
    holidays: inMemoryHolidayStore(clock),
  };
}
