// An offer of assistance as a letter lists it ({{offers.onRecord|list}}), in the letter's language: the provider's own
// description, the areas it covers, its period of validity and the day it was last updated, so that a provider asked
// to review its offers (programme of work, annex I, paragraph 13) reads what the Committee holds in its name.
// The phrases, and the areas' names (shared/locale/assistance-area-names.json, read on the first letter as the States'
// names are), are drafted translations, not reviewed, as the programme's letters are.
import type { AssistanceOffer } from "../assistance/schemas.ts";
import { formatDate } from "../locale/dates.ts";
import { assistanceAreaNamesOf } from "../locale/names.ts";
import type { UnLanguage } from "../registry/schemas.ts";

type OfferOnRecord = Pick<AssistanceOffer, "areas" | "description" | "validFrom" | "validUntil" | "lastUpdatedOn">;

interface OfferPhrases {
  /** Between two areas' names. */
  areaSeparator: string;
  validity: (from: string, until: string | undefined) => string;
  updated: (on: string) => string;
  /** The description, then the details in brackets, parts separated as the language separates them. */
  line: (description: string, details: readonly string[]) => string;
}

const PHRASES: Readonly<Record<UnLanguage, OfferPhrases>> = {
  en: {
    areaSeparator: ", ",
    validity: (from, until) => (until ? `valid from ${from} to ${until}` : `valid from ${from}, with no end date`),
    updated: (on) => `last updated ${on}`,
    line: (description, details) => `${description} (${details.join("; ")})`,
  },
  fr: {
    areaSeparator: ", ",
    validity: (from, until) =>
      until ? `valable du ${from} au ${until}` : `valable à compter du ${from}, sans date de fin`,
    updated: (on) => `dernière mise à jour le ${on}`,
    line: (description, details) => `${description} (${details.join(" ; ")})`,
  },
  es: {
    areaSeparator: ", ",
    validity: (from, until) =>
      until ? `válido del ${from} al ${until}` : `válido a partir del ${from}, sin fecha de finalización`,
    updated: (on) => `última actualización: ${on}`,
    line: (description, details) => `${description} (${details.join("; ")})`,
  },
  ru: {
    areaSeparator: ", ",
    validity: (from, until) => (until ? `действует с ${from} по ${until}` : `действует с ${from}, без даты окончания`),
    updated: (on) => `последнее обновление: ${on}`,
    line: (description, details) => `${description} (${details.join("; ")})`,
  },
  zh: {
    areaSeparator: "、",
    validity: (from, until) => (until ? `有效期自${from}至${until}` : `自${from}起有效，无截止日期`),
    updated: (on) => `最后更新：${on}`,
    // Full-width brackets and semicolons, which carry their own spacing.
    line: (description, details) => `${description}（${details.join("；")}）`,
  },
  ar: {
    areaSeparator: "، ",
    validity: (from, until) => (until ? `صالح من ${from} إلى ${until}` : `صالح اعتبارا من ${from}، دون تاريخ انتهاء`),
    updated: (on) => `آخر تحديث: ${on}`,
    line: (description, details) => `${description} (${details.join("؛ ")})`,
  },
};

/** The description as the provider gave it, on one line. */
export const descriptionOnOneLine = (description: string): string => description.replace(/\s+/g, " ").trim();

/** "valid from 1 March 2026 to 28 February 2027", "valid from 1 March 2026, with no end date", in the language. */
export function offerValidity(offer: Pick<OfferOnRecord, "validFrom" | "validUntil">, language: UnLanguage): string {
  const until = offer.validUntil === undefined ? undefined : formatDate(offer.validUntil, language);
  return PHRASES[language].validity(formatDate(offer.validFrom, language), until);
}

/** One offer on one line of the letter, in its language; the description as the provider gave it, on one line. */
export function offerLine(offer: OfferOnRecord, language: UnLanguage): string {
  const phrases = PHRASES[language];
  const areas = offer.areas.map((area) => assistanceAreaNamesOf(area)[language]).join(phrases.areaSeparator);
  const description = descriptionOnOneLine(offer.description);
  // In a right-to-left letter the description, often in Latin script, is isolated (FSI ... PDI): otherwise its full
  // stop and the bracket after it are drawn on the wrong side of it.
  return phrases.line(language === "ar" ? `\u2068${description}\u2069` : description, [
    areas,
    offerValidity(offer, language),
    phrases.updated(formatDate(offer.lastUpdatedOn, language)),
  ]);
}

/** A provider's offers in the order a letter lists them: by the day each is valid from, then by description. */
export const offersInLetterOrder = <T extends OfferOnRecord>(offers: readonly T[]): T[] =>
  [...offers].sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || a.description.localeCompare(b.description, "en"),
  );
