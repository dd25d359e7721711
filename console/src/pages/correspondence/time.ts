// A wave's send time as staff choose it (a wall-clock time in a chosen IANA zone) and the UTC instant it names.
// The rule is the API's own (shared/local-instant.ts, bundled here); the API converts sendAt itself, the console
// converts only to show the instant and to send notAfter, which the API takes as an instant.
import { instantOfLocal } from "../../../../shared/local-instant.ts";
import { sendTimeWords } from "../../../../shared/zoned-time.ts";

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * The instant a local date-time (YYYY-MM-DDTHH:mm, as <input type=datetime-local> gives it) names in `timeZone`, by
 * the API's own rule: the earlier one when the clocks go back, none when they skip it or the text is no date-time.
 */
export function localToInstant(local: string, timeZone: string): Date | undefined {
  if (!isTimeZone(timeZone)) return undefined;
  const named = instantOfLocal(local, timeZone);
  return "instant" in named ? named.instant : undefined;
}

/**
 * Why a send time cannot be taken, in words, when it names an instant that is not after `now`: the API refuses it
 * (POST /waves, as scheduling does), and a draft cannot be edited. Nothing when it is ahead or names no instant.
 */
export function sendTimePassed(local: string, timeZone: string, now: Date): string | undefined {
  const instant = localToInstant(local, timeZone);
  if (!instant || instant.getTime() > now.getTime()) return undefined;
  return `${sendTimeWords(local, timeZone, instant.toISOString())} has passed: choose a later send time.`;
}

/**
 * The line below a wall-clock field: the instant it names in UTC, whether it has passed, or why it names none. Said
 * once: nothing more in UTC (the field reads the instant), and nothing of a passed time its field's refusal says.
 */
export function instantLineWords(local: string, timeZone: string, passed: boolean, refused: boolean): string {
  const instant = localToInstant(local, timeZone);
  if (!instant)
    return local
      ? `${local.replace("T", " ")} names no instant in ${timeZone} (not a date-time, or the clocks skip it).`
      : "";
  const saysPassed = passed && !refused;
  if (timeZone === "UTC") return saysPassed ? "That time has passed." : "";
  return `That is ${utcText(instant)}${saysPassed ? ", which has passed" : ""}.`;
}

/** An instant as staff read it in UTC: 2027-03-15 13:00 UTC. */
export function utcText(instant: Date | string): string {
  const iso = typeof instant === "string" ? instant : instant.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The names IANA gives today to zones browsers still list by their old ones (ICU keeps the old as canonical): an
 * officer looks for Kyiv and Kolkata, not Kiev and Calcutta. Both names work everywhere a zone is read.
 */
const CURRENT_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/**
 * The zones the Committee's letters are likeliest sent in, offered first, each with the city staff know it by. Geneva
 * keeps Zurich's time (Europe/Zurich): IANA names no zone after it.
 */
const COMMITTEE_ZONES: Readonly<Record<string, string | undefined>> = {
  "America/New_York": "New York",
  UTC: undefined,
  "Europe/Zurich": "Geneva",
  "Europe/Vienna": "Vienna",
};

/** A zone as the composer offers it: the Committee's by their city with the IANA name beside it, any other by name. */
export function timeZoneWords(zone: string): string {
  const city = COMMITTEE_ZONES[zone];
  return city ? `${city} (${zone})` : zone;
}

/** The zones offered for a send time: every IANA zone the browser knows, by its current name, with the Committee's first. */
export function timeZoneChoices(known: readonly string[]): string[] {
  const first = Object.keys(COMMITTEE_ZONES);
  const current = known.map((zone) => CURRENT_NAMES[zone] ?? zone).filter((zone) => !first.includes(zone));
  return [...first, ...[...new Set(current)].sort()];
}

/** A yyyy-mm-dd day in words ("15 March 2027"), as the letters write it. */
export const dayInWords = (day: string): string =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
