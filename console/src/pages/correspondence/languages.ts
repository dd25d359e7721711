// The six UN languages as the correspondence pages name and lay them out: a letter's language sets its lang and dir.
import { directionOf, UN_LANGUAGES } from "../../../../shared/locale/languages.ts";
import { LANGUAGE_NAMES } from "../../ui/language-names.ts";
import type { Language } from "./data.ts";

export const LANGUAGES: Readonly<Record<Language, { name: string; dir: "ltr" | "rtl" }>> = /* @__PURE__ */ (() =>
  Object.fromEntries(
    UN_LANGUAGES.map((code) => [code, { name: LANGUAGE_NAMES[code], dir: directionOf(code) }]),
  ) as Record<Language, { name: string; dir: "ltr" | "rtl" }>)();

/** English first (the working language the secretariat drafts in), then the other five in the UN's order. */
export const LANGUAGE_ORDER: readonly Language[] = ["en", "ar", "zh", "fr", "ru", "es"];

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(LANGUAGES, value);
}
