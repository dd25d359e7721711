// The six UN languages' English names, as every console page writes them (a State's language, a letter's, a venue's).
import type { UnLanguage } from "../../../shared/registry/schemas.ts";

export const LANGUAGE_NAMES: Readonly<Record<UnLanguage, string>> = {
  ar: "Arabic",
  zh: "Chinese",
  en: "English",
  fr: "French",
  ru: "Russian",
  es: "Spanish",
};
