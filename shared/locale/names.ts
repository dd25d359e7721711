// State and organization names in a letter's language, from state-names.json (built by build-state-names.ts) and
// organization-names.json (sources of both in docs/data/state-names.SOURCES.md). A State or organization the files
// lack keeps the name its registry gives it, in every language.
import type { UnLanguage } from "../registry/schemas.ts";
import organizationNames from "./organization-names.json" with { type: "json" };
import stateNames from "./state-names.json" with { type: "json" };

export type LocalizedText = Readonly<Record<UnLanguage, string>>;

const names: Readonly<Record<string, LocalizedText | undefined>> = stateNames;
const organizations: Readonly<Record<string, Omit<LocalizedText, "en"> | undefined>> = organizationNames;

const same = (text: string): LocalizedText => ({ ar: text, zh: text, en: text, fr: text, ru: text, es: text });

/** The State's short name in each of the six languages; `registryName` where the file has none. */
export function stateNamesOf(iso3: string, registryName: string): LocalizedText {
  return names[iso3] ?? same(registryName);
}

/** The organization's name in each language; English (and any language the file lacks) as its registry has it. */
export function organizationNamesOf(id: string, registryName: string): LocalizedText {
  const translated = organizations[id];
  return translated ? { ...translated, en: registryName } : same(registryName);
}
