// The six UN languages as the correspondence pages name and lay them out: a letter's language sets its lang and dir.
import type { Language } from "./data.ts";

export const LANGUAGES: Record<Language, { name: string; dir: "ltr" | "rtl" }> = {
  ar: { name: "Arabic", dir: "rtl" },
  zh: { name: "Chinese", dir: "ltr" },
  en: { name: "English", dir: "ltr" },
  fr: { name: "French", dir: "ltr" },
  ru: { name: "Russian", dir: "ltr" },
  es: { name: "Spanish", dir: "ltr" },
};

/** English first (the working language the secretariat drafts in), then the other five in the UN's order. */
export const LANGUAGE_ORDER: readonly Language[] = ["en", "ar", "zh", "fr", "ru", "es"];

export function isLanguage(value: string): value is Language {
  return Object.hasOwn(LANGUAGES, value);
}
