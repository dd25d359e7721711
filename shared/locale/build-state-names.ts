// Writes state-names.json (each Member State's short name in the six UN languages) and state-names-in-text.json (the
// names a sentence writes otherwise, only where they differ). Run it again when the registry or the overrides change:
// `node --import tsx shared/locale/build-state-names.ts`. Sources: docs/data/state-names.SOURCES.md.
import { writeFileSync } from "node:fs";
import { loadMemberStates } from "../registry/member-states.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { UN_LANGUAGES } from "./languages.ts";
import { ENGLISH_WITH_ARTICLE, QUALIFIED_NAMES_IN_TEXT } from "./un-names-in-text.ts";
import { unShortNames } from "./un-short-names.ts";

const names: Record<string, Record<UnLanguage, string>> = {};
const namesInText: Record<string, Partial<Record<UnLanguage, string>>> = {};
for (const state of loadMemberStates()) {
  const row = {} as Record<UnLanguage, string>;
  for (const language of UN_LANGUAGES) {
    const cldr = new Intl.DisplayNames([language], { type: "region", fallback: "none" }).of(state.iso2);
    // The registry's name is the UN's English short name; CLDR's typographic apostrophe becomes the UN's straight one.
    const base = language === "en" ? state.name : (cldr ?? state.name).replaceAll("\u2019", "'");
    row[language] = (language === "en" ? undefined : unShortNames[state.iso3]?.[language]) ?? base;
  }
  names[state.iso3] = row;
  const inText =
    QUALIFIED_NAMES_IN_TEXT[state.iso3] ??
    (ENGLISH_WITH_ARTICLE.has(state.iso3) ? { en: `the ${state.name}` } : undefined);
  if (inText) namesInText[state.iso3] = inText;
  // A name in brackets inside the letters' brackets ("votre État (Iran (République islamique d'))") is what this fixes.
  for (const language of UN_LANGUAGES) {
    const written = inText?.[language as keyof typeof inText] ?? row[language];
    if (/[(（]/u.test(written)) throw new Error(`${state.iso3} in ${language} has no name for a sentence: ${written}`);
  }
}
const write = (file: string, data: unknown) =>
  writeFileSync(new URL(`./${file}`, import.meta.url), `${JSON.stringify(data, null, 2)}\n`);
write("state-names.json", names);
write("state-names-in-text.json", namesInText);
console.log(
  `${Object.keys(names).length} States written to shared/locale/state-names.json, ` +
    `${Object.keys(namesInText).length} names in text to state-names-in-text.json`,
);
