// Assistance providers by name: a provider ({kind, iso3 | id}) and the `state:DEU` / `organization:iaea` keys the
// pending-assistance report's "last action" words carry, put as the State's or organization's name (by owner key,
// api/owner-names.ts), or as the code while the names are read. Pure: it runs in Node too.
import type { components } from "../api/schema";

type Provider = components["schemas"]["AssistanceProvider"];
export type OwnerNames = ReadonlyMap<string, string>;

/** The names while they are read: providers go by their codes. */
export const NO_NAMES: OwnerNames = new Map();

const ownerKey = (kind: Provider["kind"], code: string) => (kind === "state" ? `STATE:${code}` : `ORG:${code}`);
const codeOf = (provider: Provider) => (provider.kind === "state" ? provider.iso3 : provider.id);

/** The provider's name, once read. */
export const providerNameRead = (provider: Provider, names: OwnerNames): string | undefined =>
  names.get(ownerKey(provider.kind, codeOf(provider)));

/** The provider's name; its code (ISO3, organization id) when the name is not known. */
export const providerName = (provider: Provider, names: OwnerNames): string =>
  providerNameRead(provider, names) ?? codeOf(provider);

/** A provider key as the API words it in the report (`state:DEU`), with the kind and the code it names. */
const PROVIDER_KEY = /\b(state|organization):([A-Za-z0-9-]+)/g;

/** The words with every provider key in them put as the provider's name (or its code): `match accepted (Germany)`. */
export const withProviderNames = (words: string, names: OwnerNames): string =>
  words.replace(PROVIDER_KEY, (_key, kind: Provider["kind"], code: string) => names.get(ownerKey(kind, code)) ?? code);
