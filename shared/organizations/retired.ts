// A retired organization is history and is never changed again: the refusal of every write to it (a correction, a
// second retirement, a contact or an offer added to it), naming it in words, when, by whom and why.
import { Conflict } from "../errors.ts";
import { capitalized } from "../listed.ts";
import { isRetired, organizationInWords, retirementWords } from "./retirement-words.ts";
import type { Organization } from "./schemas.ts";

/** 409: `then` says what the caller may do instead. */
export class OrganizationRetired extends Conflict {
  constructor(organization: Organization, then: string) {
    super(`${capitalized(organizationInWords(organization))} was ${retirementWords(organization)}; ${then}`, {
      organizationId: organization.id,
    });
  }
}

/** What a retired organization's refusal of a new contact or offer says it may do instead. */
export const NOTHING_NEW = "nothing new is recorded for it";

/** Refuses a write to `organization` once it is retired. */
export function assertNotRetired(organization: Organization, then: string): void {
  if (isRetired(organization)) throw new OrganizationRetired(organization, then);
}
