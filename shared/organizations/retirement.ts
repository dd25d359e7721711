// Retiring an organization (ADR 0061): recorded twice, dissolved, or no longer working with the Committee, it keeps its
// record, as history, and leaves the audiences and the organizations list (unless asked for). Refused while anything
// still acts for it: an active contact (letters would reach it), an offer running today or later (matching would
// propose it) or a match of its offers still proposed or accepted (assistance under way). What merely names it stays
// as history: its letters, deactivated contacts, ended offers, closed matches, the audit trail, and the waves and
// programme letters, whose audiences are resolved when they send and leave it out. A contact or an offer written at
// the moment of a retirement is refused, or refuses it, in either order (acting-writes.ts).

import type { AssistanceRepository } from "../assistance/repository.ts";
import type { AuditContext } from "../audit/audit-entry.ts";
import { usernameOf } from "../auth/actor.ts";
import { deskToday } from "../clock.ts";
import type { ContactRepository } from "../contacts/repository.ts";
import { everyPage } from "../dynamo/every-page.ts";
import { Conflict, NotFound, PreconditionFailed } from "../errors.ts";
import { capitalized, listed } from "../listed.ts";
import { possessive } from "../possessive.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { Versioned } from "../versioning.ts";
import { deskDay } from "../zoned-time.ts";
import type { OrganizationDependencies } from "./organizations.ts";
import { OrganizationActedMeanwhile } from "./repository.ts";
import { assertNotRetired } from "./retired.ts";
import { organizationInWords } from "./retirement-words.ts";
import type { Organization } from "./schemas.ts";

export interface RetirementDependencies extends OrganizationDependencies {
  contacts: Pick<ContactRepository, "contactsOf">;
  assistance: Pick<AssistanceRepository, "listOffers" | "pendingRequests" | "requestFile">;
  /** Names the States whose requests an open match serves. */
  registry: Pick<RegistryRepository, "getStates">;
}

/** 409: what still acts for the organization, each in words with what to do first. */
export class OrganizationStillActing extends Conflict {
  constructor(
    organization: Organization,
    readonly blockers: string[],
  ) {
    super(`${capitalized(organizationInWords(organization))} cannot be retired yet: ${blockers.join("; ")}`, {
      organizationId: organization.id,
    });
  }
}

/** An offer's description as a refusal quotes it: its start, whole words. */
const quoted = (description: string) => {
  const oneLine = description.replace(/\s+/g, " ").trim();
  return oneLine.length <= 60 ? `"${oneLine}"` : `"${oneLine.slice(0, 60).replace(/\s+\S*$/, "")}…"`;
};

/**
 * One kind of thing still acting, in words: "its active contact A: deactivate it first", "its active contacts A and B:
 * deactivate them first"; nothing for none. `todo` is told "it" or "them", "its" or "their".
 */
function blocker(
  items: readonly string[],
  [one, many]: [string, string],
  todo: (them: string, their: string) => string,
): string[] {
  if (!items.length) return [];
  const single = items.length === 1;
  return [`${single ? one : many} ${listed(items)}: ${single ? todo("it", "its") : todo("them", "their")}`];
}

/** Its active contacts, by name: letters would still reach it. */
async function activeContacts(deps: RetirementDependencies, organization: Organization): Promise<string[]> {
  const contacts = await deps.contacts.contactsOf({ kind: "organization", id: organization.id });
  const names = contacts.filter(({ value }) => value.active).map(({ value }) => value.name);
  return blocker(names, ["its active contact", "its active contacts"], (them) => `deactivate ${them} first`);
}

/** Its offers valid today or later: matching would still propose them. */
async function runningOffers(deps: RetirementDependencies, organization: Organization): Promise<string[]> {
  const provider = { kind: "organization", id: organization.id } as const;
  const today = deskToday(deps.clock);
  const offers = await everyPage((page) => deps.assistance.listOffers({ ...page, provider }));
  const running = offers
    .map(({ value }) => value)
    .filter((offer) => offer.validUntil === undefined || offer.validUntil >= today)
    .map((offer) => `${quoted(offer.description)} (${offer.validUntil ? `until ${offer.validUntil}` : "open-ended"})`);
  // The rule as it stands: an offer valid today still runs today, so its last valid day must be yesterday or before.
  return blocker(
    running,
    ["its offer", "its offers"],
    (them, their) =>
      `end ${them} first: ${their} last valid day must be before today (an offer still valid today keeps the ` +
      "organization from being retired until tomorrow)",
  );
}

/** The matches of its offers still proposed or accepted: assistance under way. Only a pending request's can move. */
async function openMatches(deps: RetirementDependencies, organization: Organization): Promise<string[]> {
  const pending = await deps.assistance.pendingRequests();
  const files = await Promise.all(pending.map((request) => deps.assistance.requestFile(request.id)));
  const open = files.flatMap((file) =>
    file
      ? file.matches
          .map(({ value }) => ({ match: value, symbol: file.request.value.symbol }))
          .filter(
            ({ match }) =>
              match.provider.kind === "organization" &&
              match.provider.id === organization.id &&
              (match.status === "proposed" || match.status === "accepted"),
          )
      : [],
  );
  if (!open.length) return [];
  const states = await deps.registry.getStates(open.map(({ match }) => match.iso3));
  const stateNames = new Map(states.map(({ value }) => [value.iso3, value.name]));
  // By its symbol, as officers know it: a request's id is no word for people.
  const words = open.map(
    ({ match, symbol }) =>
      `${possessive(stateNames.get(match.iso3) ?? match.iso3)} request ${symbol} (${match.status})`,
  );
  return blocker(
    words.map((request) => `to ${request}`),
    ["a match of its offers", "matches of its offers"],
    (them) => `deliver or decline ${them} first`,
  );
}

/** Everything that still acts for the organization, in words; empty when it may be retired. */
async function retirementBlockers(deps: RetirementDependencies, organization: Organization): Promise<string[]> {
  const found = await Promise.all([
    activeContacts(deps, organization),
    runningOffers(deps, organization),
    openMatches(deps, organization),
  ]);
  return found.flat();
}

/**
 * Retires the organization at the caller's version: it keeps its record and gains the day, who and why. 409 when it is
 * retired already (naming who, when and why) or while anything still acts for it; 412 at another version. The
 * organization is read before what acts for it, and its write checks that no contact or offer acted for it since: one
 * that did is read again, so the refusal names it.
 */
export const retireOrganization =
  (deps: RetirementDependencies) =>
  async (
    id: string,
    expectedVersion: number,
    reason: string,
    audit: AuditContext,
  ): Promise<Versioned<Organization>> => {
    const attempt = async () => {
      const seen = await deps.organizations.readForRetirement(id);
      if (!seen) throw new NotFound("Organization", id);
      const { value: current, version } = seen.organization;
      if (version !== expectedVersion) throw new PreconditionFailed(`Organization ${id}`, version, expectedVersion);
      assertNotRetired(current, "it stays as it is");
      const blockers = await retirementBlockers(deps, current);
      if (blockers.length) throw new OrganizationStillActing(current, blockers);
      const now = deps.clock.now();
      const retiredBy = usernameOf(audit.actor);
      const retired: Organization = {
        ...current,
        retiredOn: deskDay(now),
        // As the timeline names actors; a system actor or a token without a username names no one.
        ...(retiredBy ? { retiredBy } : {}),
        retirementReason: reason,
        updatedAt: now.toISOString(),
      };
      return deps.organizations.retireOrganization(seen, retired, { ...audit, reason });
    };
    try {
      return await attempt();
    } catch (error) {
      if (error instanceof OrganizationActedMeanwhile) return attempt();
      throw error;
    }
  };
