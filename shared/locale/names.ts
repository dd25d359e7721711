// State and organization names in a letter's language, from state-names.json and state-names-in-text.json (built by
// build-state-names.ts) and organization-names.json (sources in docs/data/state-names.SOURCES.md), and the areas of
// assistance an offer names (assistance-area-names.json). A State or organization the files lack keeps the name its
// registry gives it, in every language. The files are read on the first letter, not bundled: six languages of 193
// names weigh 39 KB in every bundle that writes letters (ADR 0014's budget, ADR 0024).
import { readFileSync } from "node:fs";
import type { AssistanceArea } from "../assistance/schemas.ts";
import { lazy } from "../lazy.ts";
import type { UnLanguage } from "../registry/schemas.ts";

/** Beside this module in the source tree, beside the bundle in a Lambda package (infra/desk-function.ts copies them). */
export const LOCALE_FILES = [
  "state-names.json",
  "state-names-in-text.json",
  "organization-names.json",
  "assistance-area-names.json",
  "letter-sentences.json",
] as const;

/** The files are the project's own, written by build-state-names.ts and checked by test/unit/letters-locale.test.ts. */
export const readLocaleFile = (file: (typeof LOCALE_FILES)[number]): unknown =>
  JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), "utf8"));

export type LocalizedText = Readonly<Record<UnLanguage, string>>;

const names = lazy(() => readLocaleFile("state-names.json") as Readonly<Record<string, LocalizedText | undefined>>);
const organizations = lazy(
  () => readLocaleFile("organization-names.json") as Readonly<Record<string, Omit<LocalizedText, "en"> | undefined>>,
);

const same = (text: string): LocalizedText => ({ ar: text, zh: text, en: text, fr: text, ru: text, es: text });

/** The State's short name in each of the six languages; `registryName` where the file has none. */
export function stateNamesOf(iso3: string, registryName: string): LocalizedText {
  return names()[iso3] ?? same(registryName);
}

const namesInText = lazy(
  () => readLocaleFile("state-names-in-text.json") as Readonly<Record<string, Partial<LocalizedText> | undefined>>,
);

/** The State's name as a sentence writes it ("the Gambia", "the Islamic Republic of Iran"): un-names-in-text.ts. */
export function stateNamesInTextOf(iso3: string, registryName: string): LocalizedText {
  return { ...stateNamesOf(iso3, registryName), ...namesInText()[iso3] };
}

/** The organization's name in each language; English (and any language the file lacks) as its registry has it. */
export function organizationNamesOf(id: string, registryName: string): LocalizedText {
  const translated = organizations()[id];
  return translated ? { ...translated, en: registryName } : same(registryName);
}

const areaNames = lazy(
  () => readLocaleFile("assistance-area-names.json") as Readonly<Record<AssistanceArea, LocalizedText>>,
);

/** An area of assistance named in each language (drafted translations, not reviewed: docs/data/state-names.SOURCES.md). */
export const assistanceAreaNamesOf = (area: AssistanceArea): LocalizedText => areaNames()[area];
