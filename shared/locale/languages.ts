// The six official languages of the United Nations as letters use them: the BCP 47 tag a letter declares, its
// writing direction, and the locale Intl formats its dates in.
import type { UnLanguage } from "../registry/schemas.ts";

export const UN_LANGUAGES: readonly UnLanguage[] = ["ar", "zh", "en", "fr", "ru", "es"];

/** The `lang` a letter in this language declares (Chinese letters are in simplified script, as at the UN). */
export const LANGUAGE_TAG: Readonly<Record<UnLanguage, string>> = {
  ar: "ar",
  zh: "zh-Hans",
  en: "en",
  fr: "fr",
  ru: "ru",
  es: "es",
};

/** Arabic is written right to left; the other five left to right. */
export const directionOf = (language: UnLanguage): "rtl" | "ltr" => (language === "ar" ? "rtl" : "ltr");

/**
 * The Intl locale dates are formatted in. English follows UN editorial style (day month year, as en-GB); Arabic
 * keeps the Western digits UN Arabic documents use (the `nu-latn` extension).
 */
export const INTL_LOCALE: Readonly<Record<UnLanguage, string>> = {
  ar: "ar-u-nu-latn",
  zh: "zh-Hans",
  en: "en-GB",
  fr: "fr",
  ru: "ru",
  es: "es",
};
