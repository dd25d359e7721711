// What would make every letter of a wave fail, or say something wrong, known before anything is sent: a value the
// template needs that the wave does not give (a deadline, the briefing's day, a Chair no configuration covers), a
// variable its audience's recipients cannot fill (a State's name in a letter to an organization), a reply date
// before the letter's own date, a venue that is not one line, a subject naming the recipient. One check for staff
// waves (create, schedule) and programme waves (fire).
import type { Owner } from "../contacts/schemas.ts";
import type { Audience } from "../correspondence/schemas.ts";
import type { FieldIssue } from "../errors.ts";
import { textProblem } from "../http/body-text.ts";
import { ISO_DATE } from "../locale/dates.ts";
import { signingChair } from "../templates/letter-values.ts";
import { personInSubject, variablesOf } from "../templates/rules.ts";
import type { Template } from "../templates/schemas.ts";
import type { WaveValues } from "../templates/values.ts";
import { audienceOf, ownerKindOf, PERSON_IN_SUBJECT, type TemplateVariable } from "../templates/variables.ts";
import { deskDay } from "../zoned-time.ts";
import { ownersWithout } from "./audience-fit.ts";

/** The facts of a wave its letters are rendered from. */
export interface WaveLetterFacts {
  audience: Audience;
  /** The send time as a UTC instant: the letters are dated its New York day. */
  sendInstant: string;
  deadline?: string | undefined;
  chair?: string | undefined;
  values?: WaveValues | undefined;
}

const OWNER_WORDS: Record<Owner["kind"], string> = { state: "States", organization: "organizations" };

interface WaveSupplied {
  variable: TemplateVariable;
  path: string;
  given: (wave: WaveLetterFacts) => unknown;
  /** What to do besides giving the value at `path`, when there is something else. */
  otherwise?: (wave: WaveLetterFacts) => string;
}

/** The variables a wave gives values for, and where in the wave each value is. */
const WAVE_SUPPLIED: readonly WaveSupplied[] = [
  { variable: "deadline", path: "deadline", given: (wave) => wave.deadline },
  {
    variable: "committee.chair",
    path: "chair",
    given: (wave) => signingChair(wave.chair, letterDateOf(wave)),
    otherwise: (wave) =>
      `no Chair is configured for the letter's date ${letterDateOf(wave)} (shared/templates/committee-chairs.json)`,
  },
  { variable: "briefing.date", path: "values.briefing.date", given: (wave) => wave.values?.["briefing.date"] },
  { variable: "briefing.time", path: "values.briefing.time", given: (wave) => wave.values?.["briefing.time"] },
  { variable: "briefing.venue", path: "values.briefing.venue", given: (wave) => wave.values?.["briefing.venue"] },
];

/** The dates a letter names that must not be before the letter's own date. */
const LATER_DATES: readonly { path: string; date: (wave: WaveLetterFacts) => string | undefined }[] = [
  { path: "deadline", date: (wave) => wave.deadline },
  { path: "values.briefing.date", date: (wave) => wave.values?.["briefing.date"] },
];

const letterDateOf = (wave: WaveLetterFacts) => deskDay(wave.sendInstant);

function missingValues(used: ReadonlySet<TemplateVariable>, wave: WaveLetterFacts, prefix: string): FieldIssue[] {
  return WAVE_SUPPLIED.filter(({ variable, given }) => used.has(variable) && !given(wave)).map(
    ({ variable, path, otherwise }) => ({
      path: `${prefix}${path}`,
      message: `the template uses {{${variable}}}: ${otherwise ? `${otherwise(wave)}; give ${path}` : "give its value"}`,
    }),
  );
}

function unfillableForAudience(
  used: ReadonlySet<TemplateVariable>,
  wave: WaveLetterFacts,
  prefix: string,
): FieldIssue[] {
  return [...used].flatMap((variable) => {
    const needs = ownerKindOf(variable);
    const without = ownersWithout(variable, wave.audience);
    if (!needs || !without.length) return [];
    return [
      {
        path: `${prefix}audience`,
        message:
          `the template uses {{${variable}}}, which only letters to ${OWNER_WORDS[needs]} have, and the audience ` +
          `${wave.audience} writes to ${without.map((kind) => OWNER_WORDS[kind]).join(" and ")}`,
      },
    ];
  });
}

function filledForAnotherAudience(
  used: ReadonlySet<TemplateVariable>,
  wave: WaveLetterFacts,
  prefix: string,
): FieldIssue[] {
  return [...used].flatMap((variable) => {
    const only = audienceOf(variable);
    if (!only || only === wave.audience) return [];
    return [
      {
        path: `${prefix}audience`,
        message: `the template uses {{${variable}}}, which only the audience ${only} fills, not ${wave.audience}`,
      },
    ];
  });
}

function datesBeforeTheLetter(wave: WaveLetterFacts, prefix: string): FieldIssue[] {
  const sent = letterDateOf(wave);
  // A stored wave's free-text deadline (written before deadlines were dates) is let be.
  return LATER_DATES.flatMap(({ path, date }) => {
    const value = date(wave);
    if (value === undefined || !ISO_DATE.test(value) || value >= sent) return [];
    return [{ path: `${prefix}${path}`, message: `${value} is before the letters' date ${sent} (New York)` }];
  });
}

/**
 * A venue the letters print, as one line: a line break would split the letter's sentence, and a character that prints
 * as nothing or reorders the text would hide in it. Checked here rather than in the values' schema, which also reads
 * stored waves and programme years.
 */
function venueNotOneLine(used: ReadonlySet<TemplateVariable>, wave: WaveLetterFacts, prefix: string): FieldIssue[] {
  const venue = wave.values?.["briefing.venue"];
  if (!used.has("briefing.venue") || venue === undefined) return [];
  const path = `${prefix}values.briefing.venue`;
  const texts =
    typeof venue === "string"
      ? [{ at: path, text: venue }]
      : Object.entries(venue).map(([language, text]) => ({ at: `${path}.${language}`, text }));
  return texts.flatMap(({ at, text }) => {
    const problem = textProblem(text, "one line");
    return problem ? [{ path: at, message: problem }] : [];
  });
}

/** A template saved before its subject was refused the recipient's data (ADR 0048): edit it before it is sent. */
function personInTheSubject(template: Pick<Template, "variants">, prefix: string): FieldIssue[] {
  return personInSubject(template).map((variable) => ({
    path: `${prefix}templateId`,
    message: `the template's subject uses {{${variable}}}: ${PERSON_IN_SUBJECT}`,
  }));
}

/** Everything that would fail the wave's letters, or date them wrongly, each at the wave field to change. */
export function letterIssues(
  template: Pick<Template, "variants">,
  wave: WaveLetterFacts,
  prefix: string,
): FieldIssue[] {
  const used = variablesOf(template);
  return [
    ...missingValues(used, wave, prefix),
    ...venueNotOneLine(used, wave, prefix),
    ...unfillableForAudience(used, wave, prefix),
    ...filledForAnotherAudience(used, wave, prefix),
    ...datesBeforeTheLetter(wave, prefix),
    ...personInTheSubject(template, prefix),
  ];
}
