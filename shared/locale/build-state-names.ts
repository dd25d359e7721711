// Writes state-names.json: each Member State's short name in the six UN languages. Run it again when the registry
// or the overrides change: `node --import tsx shared/locale/build-state-names.ts`. Sources: docs/data/state-names.SOURCES.md.
import { writeFileSync } from "node:fs";
import { loadMemberStates } from "../registry/member-states.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { UN_LANGUAGES } from "./languages.ts";
import { unShortNames } from "./un-short-names.ts";

const names: Record<string, Record<UnLanguage, string>> = {};
for (const state of loadMemberStates()) {
  const row = {} as Record<UnLanguage, string>;
  for (const language of UN_LANGUAGES) {
    const cldr = new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(state.iso2);
    // The registry's name is the UN's English short name; CLDR's typographic apostrophe becomes the UN's straight one.
    const base = language === "en" ? state.name : (cldr ?? state.name).replaceAll("\u2019", "'");
    row[language] = (language === "en" ? undefined : unShortNames[state.iso3]?.[language]) ?? base;
  }
  names[state.iso3] = row;
}
writeFileSync(new URL("./state-names.json", import.meta.url), `${JSON.stringify(names, null, 1)}\n`);
console.log(`${Object.keys(names).length} States written to shared/locale/state-names.json`);
