// What would make every letter of a wave fail, or say something wrong, known before anything is sent: a value the
// template needs that the wave does not give (a deadline, the briefing's day, a Chair no configuration covers), a
// variable its audience's recipients cannot fill (a State's name in a letter to an organization), a reply date
// before the letter's own date, a venue that is not one line, a subject naming the recipient. One check for staff
// waves (create, schedule) and programme waves (fire).
import type { Owner } from "../contacts/schemas.ts";
import type { FieldIssue } from "../errors.ts";
import { signingChair } from "../templates/letter-values.ts";
import { personInSubject, variablesOf } from "../templates/rules.ts";
import type { Template } from "../templates/schemas.ts";
import { audienceOf, ownerKindOf, PERSON_IN_SUBJECT, type TemplateVariable } from "../templates/variables.ts";
import { ownersWithout } from "./audience-fit.ts";
import { datesBeforeTheLetter, letterDateOf, venueOnOneLine, type WaveLetterFacts } from "./given-values.ts";

const OWNER_WORDS: Record<Owner["kind"], string> = { state: "States", organization: "organizations" };

/**
 * An issue with what it is about, for words that do not read the message back (programme-wave-words.ts): a value
 * the wave does not give (`missing`) or gives wrong (`wrong`, a date or a venue), a variable the audience's letters
 * cannot have (`audience`), or one a subject must not name (`subject`).
 */
export interface LetterIssue extends FieldIssue {
  kind: "missing" | "wrong" | "audience" | "subject";
  variable?: TemplateVariable;
}

const wrong = (issues: readonly FieldIssue[]): LetterIssue[] => issues.map((issue) => ({ ...issue, kind: "wrong" }));

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

function missingValues(used: ReadonlySet<TemplateVariable>, wave: WaveLetterFacts, prefix: string): LetterIssue[] {
  return WAVE_SUPPLIED.filter(({ variable, given }) => used.has(variable) && !given(wave)).map(
    ({ variable, path, otherwise }) => ({
      kind: "missing",
      variable,
      path: `${prefix}${path}`,
      message: `the template uses {{${variable}}}: ${otherwise ? `${otherwise(wave)}; give ${path}` : "give its value"}`,
    }),
  );
}

function unfillableForAudience(
  used: ReadonlySet<TemplateVariable>,
  wave: WaveLetterFacts,
  prefix: string,
): LetterIssue[] {
  return [...used].flatMap((variable) => {
    const needs = ownerKindOf(variable);
    const without = ownersWithout(variable, wave.audience);
    if (!needs || !without.length) return [];
    return [
      {
        kind: "audience" as const,
        variable,
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
): LetterIssue[] {
  return [...used].flatMap((variable) => {
    const only = audienceOf(variable);
    if (!only || only === wave.audience) return [];
    return [
      {
        kind: "audience" as const,
        variable,
        path: `${prefix}audience`,
        message: `the template uses {{${variable}}}, which only the audience ${only} fills, not ${wave.audience}`,
      },
    ];
  });
}

/** A venue the letters print, as one line (given-values.ts): asked only of a template that prints one. */
const venueNotOneLine = (used: ReadonlySet<TemplateVariable>, wave: WaveLetterFacts, prefix: string): LetterIssue[] =>
  used.has("briefing.venue") ? wrong(venueOnOneLine(wave, prefix)) : [];

/** A template saved before its subject was refused the recipient's data (ADR 0048): edit it before it is sent. */
function personInTheSubject(template: Pick<Template, "variants">, prefix: string): LetterIssue[] {
  return personInSubject(template).map((variable) => ({
    kind: "subject",
    variable,
    path: `${prefix}templateId`,
    message: `the template's subject uses {{${variable}}}: ${PERSON_IN_SUBJECT}`,
  }));
}

/** Everything that would fail the wave's letters, or date them wrongly, each at the wave field to change, and what. */
export function classifiedLetterIssues(
  template: Pick<Template, "variants">,
  wave: WaveLetterFacts,
  prefix: string,
): LetterIssue[] {
  const used = variablesOf(template);
  return [
    ...missingValues(used, wave, prefix),
    ...venueNotOneLine(used, wave, prefix),
    ...unfillableForAudience(used, wave, prefix),
    ...filledForAnotherAudience(used, wave, prefix),
    ...wrong(datesBeforeTheLetter(wave, prefix)),
    ...personInTheSubject(template, prefix),
  ];
}

/** The same, as a 422 says them: the field and the words. */
export const letterIssues = (
  template: Pick<Template, "variants">,
  wave: WaveLetterFacts,
  prefix: string,
): FieldIssue[] => classifiedLetterIssues(template, wave, prefix).map(({ path, message }) => ({ path, message }));
