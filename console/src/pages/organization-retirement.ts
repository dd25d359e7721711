// A retired organization as the console says it (ADR 0061), apart from the pages so it is tested in Node
// (test/unit/console-organization-retirement.test.ts): its retirement in words, as the API's refusals say it
// (shared/organizations/retirement-words.ts), and the list that leaves the retired out unless asked.
import { capitalized } from "../../../shared/listed.ts";
import { isRetired, retirementWords } from "../../../shared/organizations/retirement-words.ts";
import type { components } from "../api/schema";
import { counted } from "../ui/counted.ts";

type Organization = components["schemas"]["Organization"];

export { isRetired };

/** "Retired on 2027-03-01 by officer: recorded twice". */
export const retiredWords = (organization: Organization): string => capitalized(retirementWords(organization));

/** What the page says a retirement does, before it is asked for and after it is done. */
export const RETIREMENT_MEANS =
  "A retired organization stays on record as history (its contacts, offers, letters and timeline), is left out of " +
  "the letters' audiences and changes no more; its name may be recorded again.";

/**
 * The list's rows by name: the active ones, then the retired ones when asked for. A retired organization is written to
 * no more, so the list of whom letters reach leaves it out unless the reader looks for it.
 */
export function organizationsListed<T extends Organization>(organizations: readonly T[], showRetired: boolean): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, "en");
  const active = organizations.filter((organization) => !isRetired(organization)).sort(byName);
  const retired = organizations.filter(isRetired).sort(byName);
  return showRetired ? [...active, ...retired] : active;
}

/** The filter's label, with how many it would show: undefined while none is retired. */
export function showRetiredLabel(organizations: readonly Organization[]): string | undefined {
  const retired = organizations.filter(isRetired).length;
  return retired ? `Show the ${counted(retired, "retired organization")} too` : undefined;
}
