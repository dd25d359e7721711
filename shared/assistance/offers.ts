// Use cases on assistance offers and their providers: record, correct, list, and who has not updated for a year.

import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import { deskToday } from "../clock.ts";
import { everyPage } from "../dynamo/every-page.ts";
import type { Page } from "../dynamo/pagination.ts";
import { Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { newId } from "../ids.ts";
import { organizationNamedInBody } from "../organizations/organizations.ts";
import { assertNotRetired } from "../organizations/retired.ts";
import { stateNamedInBody } from "../registry/states.ts";
import type { Versioned } from "../versioning.ts";
import type { AssistanceAudienceReads } from "./audience-reads.ts";
import { offerRepeated, sameOffer } from "./offer-content.ts";
import { isActiveOn, isStale } from "./ranking.ts";
import type { AssistanceChange, ListOffersQuery } from "./repository.ts";
import { type AssistanceDependencies, notInFuture } from "./requests.ts";
import {
  type AssistanceArea,
  type AssistanceOffer,
  type AssistanceOfferChanges,
  assistanceAreas,
  type NewAssistanceOffer,
  type Provider,
  type ProviderSummary,
  providerKey,
} from "./schemas.ts";

type OfferDependencies = Pick<AssistanceDependencies, "assistance" | "registry" | "organizations" | "clock">;

/** A provider must exist: a Member State in the registry, or an organization the desk knows (422 at its field). */
async function checkProvider(deps: OfferDependencies, provider: Provider): Promise<void> {
  if (provider.kind === "state") {
    await stateNamedInBody(deps.registry)(provider.iso3, "body.provider.iso3", "The provider does not exist");
    return;
  }
  await organizationNamedInBody(deps)(provider.id, "body.provider.id", "The provider does not exist");
}

/**
 * Refuses (409, in the retirement's words) a write to an offer of a retired organization: a correction could run it
 * again, and matching would propose it (ADR 0061). `then` says what stays.
 */
export async function assertProviderActive(
  deps: Pick<OfferDependencies, "organizations">,
  provider: Provider,
  then: string,
): Promise<void> {
  if (provider.kind !== "organization") return;
  const organization = await deps.organizations.getOrganization(provider.id);
  if (organization) assertNotRetired(organization.value, then);
}

function checkValidity(offer: Pick<AssistanceOffer, "validFrom" | "validUntil">): void {
  if (offer.validUntil !== undefined && offer.validUntil < offer.validFrom) {
    throw new Invalid("The offer ends before it starts", [
      { path: "body.validUntil", message: `is before the day it is valid from (${offer.validFrom})` },
    ]);
  }
}

/**
 * A new offer, checked, with the writes that record it and its audit entry: `createOffer` carries them out, the demo
 * seed several offers in one transaction (ADR 0043).
 */
export const prepareOffer =
  (deps: OfferDependencies) =>
  async (
    input: NewAssistanceOffer & { demo?: boolean; offerId?: string },
    audit: AuditContext,
  ): Promise<{ offer: AssistanceOffer; changes: AssistanceChange[] }> => {
    const lastUpdatedOn = input.lastUpdatedOn ?? deskToday(deps.clock);
    notInFuture(lastUpdatedOn, "body.lastUpdatedOn", deps.clock);
    checkValidity(input);
    await checkProvider(deps, input.provider);
    const now = deps.clock.now().toISOString();
    const { offerId, ...fields } = input;
    const offer: AssistanceOffer = {
      ...fields,
      id: offerId ?? newId(deps.clock),
      lastUpdatedOn,
      createdAt: now,
      updatedAt: now,
    };
    const changes = [
      deps.assistance.newOffer(offer),
      deps.assistance.audit({
        ...audit,
        action: "assistance.offer.create",
        entity: { type: "assistance-offer", id: offer.id },
        after: offer,
      }),
    ];
    return { offer, changes };
  };

/**
 * Refuses `offer` when another of its provider's offers says the same (409 naming that one, with what to do). For a
 * correction, `before` is the offer as it stood: one it repeated already (recorded before this rule) does not stop a
 * correction that leaves the two as alike as they were, such as a new last-updated day. Two writes of the same content
 * at once both pass this reading; the store's guard of each offer's content refuses the second (ADR 0006).
 */
async function refuseRepeat(deps: OfferDependencies, offer: AssistanceOffer, before?: AssistanceOffer): Promise<void> {
  const theirs = await everyPage((page) => deps.assistance.listOffers({ ...page, provider: offer.provider }));
  const repeated = theirs.find(
    ({ value: held }) =>
      held.id !== offer.id && sameOffer(held, offer) && !(before !== undefined && sameOffer(held, before)),
  );
  if (repeated) throw offerRepeated(repeated.value.id, repeated.value, before === undefined ? "create" : "update");
}

/**
 * Records a new offer. One the provider's offers already says (a form sent twice, a letter recorded by two officers) is
 * refused, 409 naming it: correct that one, or change what differs. Renewed for another period, it is a new offer.
 */
export const createOffer =
  (deps: OfferDependencies) =>
  async (
    input: NewAssistanceOffer & { demo?: boolean; offerId?: string },
    audit: AuditContext,
  ): Promise<Versioned<AssistanceOffer>> => {
    const { offer, changes } = await prepareOffer(deps)(input, audit);
    await refuseRepeat(deps, offer);
    await deps.assistance.write(changes);
    return { value: offer, version: 1 };
  };

export const getOffer =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  async (id: string): Promise<Versioned<AssistanceOffer>> => {
    const offer = await deps.assistance.getOffer(id);
    if (!offer) throw new NotFound("Offer", id);
    return offer;
  };

export const listOffers =
  (deps: Pick<AssistanceDependencies, "assistance">) =>
  (query: ListOffersQuery): Promise<Page<Versioned<AssistanceOffer>>> =>
    deps.assistance.listOffers(query);

/**
 * Applies changes if the offer is still at `expectedVersion`; the provider never changes (record a new offer). A change
 * that would make it say what another of the provider's offers says is refused, as recording it would be, and so is
 * any change to an offer of a retired organization (read here, and checked again by the write). One that changes
 * nothing writes nothing and answers the offer as it stands, a retired organization's too (nothing is changed).
 */
export const updateOffer =
  (deps: OfferDependencies) =>
  async (
    id: string,
    expectedVersion: number,
    changes: AssistanceOfferChanges,
    audit: AuditContext,
  ): Promise<Versioned<AssistanceOffer>> => {
    if (changes.lastUpdatedOn) notInFuture(changes.lastUpdatedOn, "body.lastUpdatedOn", deps.clock);
    const current = await getOffer(deps)(id);
    if (current.version !== expectedVersion)
      throw new PreconditionFailed(`Offer ${id}`, current.version, expectedVersion);
    const { validUntil, ...rest } = changes;
    const corrected: AssistanceOffer = {
      ...current.value,
      ...rest,
      validUntil: validUntil === null ? undefined : (validUntil ?? current.value.validUntil),
    };
    if (corrected.validUntil === undefined) delete corrected.validUntil;
    // A correction that says what the offer says already (a form sent twice) is no change: nothing to version or audit.
    if (saysTheSame(corrected, current.value)) return current;
    const next: AssistanceOffer = { ...corrected, updatedAt: deps.clock.now().toISOString() };
    await assertProviderActive(deps, current.value.provider, "its offers stay as they are");
    checkValidity(next);
    await refuseRepeat(deps, next, current.value);
    await deps.assistance.write([
      deps.assistance.replaceOffer(next, current.version, current.value),
      deps.assistance.audit({
        ...audit,
        action: "assistance.offer.update",
        entity: { type: "assistance-offer", id },
        before: current.value,
        after: next,
      }),
    ]);
    return { value: next, version: current.version + 1 };
  };

/**
 * Every provider with an offer: the areas of all its offers, how many are active today, the latest day it updated
 * one, and whether that was more than 12 months ago (the May letter asks those providers to update).
 */
export const listProviders =
  (deps: Pick<OfferDependencies, "registry" | "clock"> & { assistance: Pick<AssistanceAudienceReads, "allOffers"> }) =>
  async (): Promise<ProviderSummary[]> => {
    const today = deskToday(deps.clock);
    const byProvider = new Map<string, AssistanceOffer[]>();
    for (const offer of await deps.assistance.allOffers()) {
      const key = providerKey(offer.provider);
      byProvider.set(key, [...(byProvider.get(key) ?? []), offer]);
    }
    const states = [...byProvider.values()].flatMap((offers) =>
      offers[0]?.provider.kind === "state" ? [offers[0].provider.iso3] : [],
    );
    const names = new Map((await deps.registry.getStates(states)).map((state) => [state.value.iso3, state.value.name]));
    const summaries: ProviderSummary[] = [];
    for (const offers of byProvider.values()) {
      const [first] = offers;
      if (!first) continue;
      const areas = new Set<AssistanceArea>(offers.flatMap((offer) => offer.areas));
      const lastUpdatedOn =
        offers
          .map((offer) => offer.lastUpdatedOn)
          .sort()
          .at(-1) ?? first.lastUpdatedOn;
      const name = first.provider.kind === "state" ? names.get(first.provider.iso3) : undefined;
      summaries.push({
        provider: first.provider,
        ...(name ? { name } : {}),
        areas: assistanceAreas.filter((area) => areas.has(area)),
        offers: offers.length,
        activeOffers: offers.filter((offer) => isActiveOn(offer, today)).length,
        lastUpdatedOn,
        stale: isStale(lastUpdatedOn, today),
      });
    }
    return summaries.sort((a, b) => providerKey(a.provider).localeCompare(providerKey(b.provider)));
  };
