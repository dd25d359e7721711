// Dates and times in a letter's language, through Intl (CLDR): "15 January 2027", "15 janvier 2027" ("1er mars"),
// "15 de enero de 2027", "15 января 2027 г.", "2027年1月15日", and in Arabic the UN's month names, which pair the
// Levantine and the Egyptian name ("15 كانون الثاني/يناير 2027"), as in the Arabic text of resolution 1540 (2004).
import type { UnLanguage } from "../registry/schemas.ts";
import { INTL_LOCALE } from "./languages.ts";

export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The months as UN Arabic documents name them (DGACM Arabic editorial practice). */
const ARABIC_MONTHS = [
  "كانون الثاني/يناير",
  "شباط/فبراير",
  "آذار/مارس",
  "نيسان/أبريل",
  "أيار/مايو",
  "حزيران/يونيه",
  "تموز/يوليه",
  "آب/أغسطس",
  "أيلول/سبتمبر",
  "تشرين الأول/أكتوبر",
  "تشرين الثاني/نوفمبر",
  "كانون الأول/ديسمبر",
];

const dateFormats = new Map<UnLanguage, Intl.DateTimeFormat>();

function dateFormat(language: UnLanguage): Intl.DateTimeFormat {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], { dateStyle: "long", timeZone: "UTC" });
    dateFormats.set(language, format);
  }
  return format;
}

/** A calendar date (yyyy-mm-dd) in the language; anything else (a free-text date of an older wave) as given. */
export function formatDate(value: string, language: UnLanguage): string {
  const match = ISO_DATE.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (language === "ar") return `${day} ${ARABIC_MONTHS[month - 1]} ${year}`;
  const written = dateFormat(language).format(new Date(Date.UTC(year, month - 1, day)));
  // French writes the first of a month as an ordinal, "1er mars 2027": CLDR's pattern has the plain number.
  return language === "fr" && day === 1 ? written.replace(/^1(?=\s)/, "1er") : written;
}

/** A wall-clock time (HH:mm, 24-hour) in the language: "10 h 00" in French, "10:00" in the other five. */
export function formatTime(value: string, language: UnLanguage): string {
  const match = LOCAL_TIME.exec(value);
  if (!match) return value;
  return language === "fr" ? `${match[1]} h ${match[2]}` : `${match[1]}:${match[2]}`;
}
