// State names in a letter's language, from state-names.json (built by build-state-names.ts; sources in
// docs/data/state-names.SOURCES.md). A State the file lacks keeps the name the registry gives it.
import type { UnLanguage } from "../registry/schemas.ts";
import stateNames from "./state-names.json" with { type: "json" };

export type LocalizedText = Readonly<Record<UnLanguage, string>>;

const names: Readonly<Record<string, LocalizedText | undefined>> = stateNames;

/** The State's short name in each of the six languages; `registryName` where the file has none. */
export function stateNamesOf(iso3: string, registryName: string): LocalizedText {
  return (
    names[iso3] ?? {
      ar: registryName,
      zh: registryName,
      en: registryName,
      fr: registryName,
      ru: registryName,
      es: registryName,
    }
  );
}
