// Small fixtures the store contracts and use-case tests share: a Member State as the registry stores one, and the
// error a refused call rejects with.
import type { MemberState } from "#shared/registry/member-states.ts";
import { type RegionSlug, regionalGroups, type UnLanguage } from "#shared/registry/schemas.ts";

/** A made-up Member State named after its code; African and French unless said otherwise. */
export const aMemberState = (
  iso3: string,
  region: RegionSlug = "african",
  language: UnLanguage = "fr",
): MemberState => ({
  iso3,
  iso2: iso3.slice(0, 2),
  name: `State ${iso3}`,
  region,
  regionName: regionalGroups[region],
  language,
  languageBasis: "official language",
});

/** What the promise rejects with; a promise that resolves fails the test, since a refusal was expected. */
export const refusal = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => error,
  );
