// A Member State's name as a letter's sentence writes it, where that differs from its UN short name (audit 35, bug 2:
// "thank Iran (Islamic Republic of)"). Source: the UN Terminology Database's country names (UNTERM, the UN
// Protocol's unterm-efsrca.xlsx, in the extract at github.com/datasets/country-codes, data/unterm_names.csv, commit
// a09b84ab, whose rows predate June 2022: it still lists "Turkey" and "Netherlands (the)"), which marks the English
// short names that take "the" ("Gambia (the)") and gives each State's formal name in the six languages. The
// Netherlands' short name since 2023, "Netherlands (Kingdom of the)" (the registry's), takes the formal name below.
// - English: the short name with its article ("the Gambia"); a name the UN lists with its qualifier after it takes
//   the formal name, which puts it first ("the Islamic Republic of Iran").
// - French, Spanish, Russian: only those five names change, to the formal name without its article: the letters
//   name a State there in brackets or apposition ("votre État (République islamique d'Iran)"), never with one.
// - Arabic and Chinese: the short names already read as running text (shared/locale/un-short-names.ts).
import type { UnLanguage } from "../registry/schemas.ts";

/** The States whose English short name UNTERM writes with "(the)": a sentence says "the Gambia". */
export const ENGLISH_WITH_ARTICLE: ReadonlySet<string> = new Set([
  "ARE",
  "BHS",
  "CAF",
  "COD",
  "COG",
  "COM",
  "DOM",
  "GBR",
  "GMB",
  "KOR",
  "LAO",
  "MDA",
  "MHL",
  "NER",
  "PHL",
  "PRK",
  "RUS",
  "SDN",
  "SYR",
  "TZA",
  "USA",
]);

type InText = Readonly<Record<Extract<UnLanguage, "en" | "fr" | "es" | "ru">, string>>;

/** The names the UN lists with their qualifier after them ("Iran (Islamic Republic of)"): the formal name instead. */
export const QUALIFIED_NAMES_IN_TEXT: Readonly<Record<string, InText>> = {
  BOL: {
    en: "the Plurinational State of Bolivia",
    fr: "État plurinational de Bolivie",
    es: "Estado Plurinacional de Bolivia",
    ru: "Многонациональное Государство Боливия",
  },
  FSM: {
    en: "the Federated States of Micronesia",
    fr: "États fédérés de Micronésie",
    es: "Estados Federados de Micronesia",
    ru: "Федеративные Штаты Микронезии",
  },
  IRN: {
    en: "the Islamic Republic of Iran",
    fr: "République islamique d'Iran",
    es: "República Islámica del Irán",
    ru: "Исламская Республика Иран",
  },
  NLD: {
    en: "the Kingdom of the Netherlands",
    fr: "Royaume des Pays-Bas",
    es: "Reino de los Países Bajos",
    ru: "Королевство Нидерландов",
  },
  VEN: {
    en: "the Bolivarian Republic of Venezuela",
    fr: "République bolivarienne du Venezuela",
    es: "República Bolivariana de Venezuela",
    ru: "Боливарианская Республика Венесуэла",
  },
};
