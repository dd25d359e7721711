// A programme wave in the words members and experts read wherever a wave is named (the waves list, its page, a State's
// letters received, the audit trail): which letter, to whom, of which programme year and month; and why a draft was
// not sent, by what its letters lack and how to send them all the same. Never a schedule key, a wave's field path or a
// template's {{ }} (audit 35, item 7).
import type { Audience } from "../correspondence/audience-names.ts";
import { lazy } from "../lazy.ts";
import { listed } from "../listed.ts";
import { UN_LANGUAGES } from "../locale/languages.ts";
import { letterKindLabels } from "../snapshots/report/labels.ts";
import { audienceOf, isTemplateVariable, type TemplateVariable } from "../templates/variables.ts";
import { letterDateOf, type WaveLetterFacts } from "./given-values.ts";
import type { LetterIssue } from "./letter-check.ts";

/** To whom a letter goes, as a sentence says it after "to". */
const AUDIENCE_WORDS: Readonly<Record<Audience, string>> = {
  "non-reporting-states": "the States without a first national report",
  "reporting-states": "the States that have reported",
  "all-states": "all Member States",
  "states-without-current-poc": "the States without a current point of contact",
  "states-with-pending-requests": "the States with a pending assistance request",
  "states-with-follow-up-due": "the States owed a follow-up on an assistance request",
  organizations: "the organizations",
  "assistance-providers": "the assistance providers",
  "stale-providers": "the assistance providers whose offer is over 12 months old",
};

/** What a letter names, as a sentence says it. */
const VARIABLE_WORDS: Readonly<Record<TemplateVariable, string>> = {
  "state.name": "the State's name",
  "state.nameInText": "the State's name",
  "state.iso3": "the State's code",
  "organization.name": "the organization's name",
  "organization.acronym": "the organization's acronym",
  "contact.name": "the recipient's name",
  "contact.title": "the recipient's title",
  "contact.agency": "the recipient's agency or ministry",
  "contacts.onRecord": "the points of contact on record",
  "offers.onRecord": "the assistance offers on record",
  "assistance.followUps": "the assistance requests owed a follow-up",
  deadline: "the date a reply is asked by",
  "briefing.date": "the briefing's date",
  "briefing.time": "the briefing's starting time",
  "briefing.venue": "the briefing's venue",
  "committee.chair": "the Chair's name",
  "committee.name": "the Committee's name",
  "wave.sendDate": "the letter's date",
};

type LetterKind = keyof typeof letterKindLabels;
const isLetterKind = (kind: string): kind is LetterKind => Object.hasOwn(letterKindLabels, kind);

/** What the letter is: the kind a programme template is named for (programme-<kind>), as the report says it. */
function letterOf(templateId: string): string {
  const kind = templateId.replace(/^programme-/, "");
  if (kind === templateId || kind === "other" || !isLetterKind(kind)) return "letter";
  const label = letterKindLabels[kind];
  return `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

/** The month the letter is sent in, with its calendar year when that is not the programme year (a January's). */
function monthOf(sendDate: string, year: number): string {
  const withYear = sendDate.startsWith(`${year}-`) ? {} : { year: "numeric" as const };
  return new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC", ...withYear }).format(
    new Date(`${sendDate}T00:00:00Z`),
  );
}

/**
 * The year's wave of a programme letter by name, short enough for a list row, e.g. "The programme's point-of-contact
 * update of 2026 to all Member States (March)". The audience tells apart one letter's waves to States and to
 * organizations, the month a letter's two schedules in a year.
 */
export const programmeWaveName = (
  letter: { templateId: string; audience: Audience },
  year: number,
  sendDate: string,
): string =>
  `The programme's ${letterOf(letter.templateId)} of ${year} to ${AUDIENCE_WORDS[letter.audience]} ` +
  `(${monthOf(sendDate, year)})`;

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|[^{}]*)?\}\}/g;
const LANGUAGE_SUFFIX = new RegExp(`\\.(${UN_LANGUAGES.join("|")})$`);

const variableWords = (name: string): string =>
  isTemplateVariable(name) ? VARIABLE_WORDS[name] : "a value the template names";

/** The message with each placeholder said in words. */
const inWords = (message: string): string => message.replace(PLACEHOLDER, (_, name: string) => variableWords(name));

/** A value's field in the wave (`values.briefing.venue.fr`, `chair`: letter-check.ts) -> its variable and language. */
function valueAt(path: string): { variable: TemplateVariable; language?: string } | undefined {
  const language = LANGUAGE_SUFFIX.exec(path)?.[1];
  const name = path === "chair" ? "committee.chair" : path.replace(/^values\./, "").replace(LANGUAGE_SUFFIX, "");
  if (!isTemplateVariable(name)) return undefined;
  return language ? { variable: name, language } : { variable: name };
}

/** English names of the languages, built when a venue in one is first found wrong. */
const languageNames = lazy(() => new Intl.DisplayNames(["en"], { type: "language" }));

/** Values of one owner said once: "the briefing's date, starting time and venue". */
function listedValues(words: readonly string[]): string {
  const owner = /^the [^ ]+'s /.exec(words[0] ?? "")?.[0];
  const shared = owner !== undefined && words.every((word) => word.startsWith(owner));
  return shared ? `${owner}${listed(words.map((word) => word.slice(owner.length)))}` : listed(words);
}

/** What a programme letter's wave lacks, in words: about its values (how many), and anything else. */
export interface LetterIssuesInWords {
  /** The values not given, said once; each value given wrong, with its own message. */
  aboutValues: string[];
  /** How many values are missing, and how many given wrong. */
  values: { missing: number; wrong: number };
  /** A variable the audience's letters do not have, or one a subject must not name. */
  others: string[];
}

/** A variable the audience's letters cannot have, and the audience whose letters alone have it, when one does. */
function notInTheseLetters(variable: TemplateVariable, wave: WaveLetterFacts): string {
  const only = audienceOf(variable);
  const these = `its letters to ${AUDIENCE_WORDS[wave.audience]}`;
  return only
    ? `the template names ${VARIABLE_WORDS[variable]}, which only letters to ${AUDIENCE_WORDS[only]} have, not ${these}`
    : `the template names ${VARIABLE_WORDS[variable]}, which ${these} do not have`;
}

/** What a programme letter's wave lacks, from the issues its letters' check found (letter-check.ts, no path prefix). */
export function issuesInWords(issues: readonly LetterIssue[], wave: WaveLetterFacts): LetterIssuesInWords {
  const missing: TemplateVariable[] = [];
  const wrong: string[] = [];
  const others: string[] = [];
  for (const issue of issues) {
    const value = valueAt(issue.path);
    if (issue.kind === "missing" && issue.variable) missing.push(issue.variable);
    else if (issue.kind === "wrong" && value) {
      const language = value.language ? ` in ${languageNames().of(value.language) ?? value.language}` : "";
      wrong.push(`${VARIABLE_WORDS[value.variable]}${language} ${issue.message}`);
    } else if (issue.kind === "audience" && issue.variable) others.push(notInTheseLetters(issue.variable, wave));
    else others.push(inWords(issue.message));
  }
  const aboutValues: string[] = [];
  if (missing.length) {
    const noChair = missing.includes("committee.chair")
      ? ` (no Chair is configured for the letters' date ${letterDateOf(wave)})`
      : "";
    const verb = missing.length > 1 ? "were" : "was";
    aboutValues.push(
      `${listedValues(missing.map((variable) => VARIABLE_WORDS[variable]))} ${verb} not given${noChair}`,
    );
  }
  aboutValues.push(...wrong);
  return { aboutValues, values: { missing: missing.length, wrong: wrong.length }, others: [...new Set(others)] };
}

/**
 * Why a programme letter's wave is a draft (issuesInWords), with how to send the letter all the same when a value is
 * missing or wrong: a wave once made keeps its values, so a value given to the programme year now changes nothing.
 */
export function heldReasons(issues: readonly LetterIssue[], wave: WaveLetterFacts): string[] {
  const { aboutValues, values, others } = issuesInWords(issues, wave);
  if (values.missing + values.wrong === 0) return others;
  const them = values.missing + values.wrong > 1 ? "them" : "it";
  // A value not given is given there, one given wrong corrected there.
  const act = values.wrong === 0 ? "give" : values.missing === 0 ? "correct" : "give or correct";
  const howToSend = `to send it, compose a new wave with this template to this audience and ${act} ${them} there`;
  return [...aboutValues, howToSend, ...others];
}
