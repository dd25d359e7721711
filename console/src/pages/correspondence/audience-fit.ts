// Which audiences a template's letters can go to, and which they are written to. Can: by the API's own rule
// (shared/waves/audience-fit.ts, which the API's letter check uses), so the composer offers exactly the audiences a
// wave of the template may have. Written to: by what the letter says (its kind), a caution the console alone gives,
// since the API has no rule on it: a first-report request tells each recipient it has not reported.
// The generated types directly, not through data.ts: its client needs a window, and this module runs in Node too.

import { placeholdersOf, type TemplateVariable } from "../../../../shared/templates/variables.ts";
import { audienceFills } from "../../../../shared/waves/audience-fit.ts";
import type { components } from "../../api/schema";
import { AUDIENCE_CODES, AUDIENCES, type Audience } from "./wave-facts.ts";

type Template = components["schemas"]["Template"];
type LetterKind = Template["kind"];

const PARTS = ["subject", "text", "html"] as const;

/** The variables the template's letters name, in any language and part. */
export const variablesNamed = (template: Pick<Template, "variants">): Set<TemplateVariable> =>
  new Set(
    Object.values(template.variants).flatMap((variant) =>
      variant ? PARTS.flatMap((part) => placeholdersOf(variant[part], "").names) : [],
    ),
  );

/** The audiences, in the composer's order, whose letters can fill every variable the template names. */
export function audiencesFor(template: Pick<Template, "variants">): Audience[] {
  const used = [...variablesNamed(template)];
  return AUDIENCE_CODES.filter((audience) => used.every((variable) => audienceFills(variable, audience)));
}

/**
 * Whom a kind of letter is written to: `own`, the audience the programme of work sends it to (events/programme.json
 * for the scheduled ones; the templates' descriptions), and `onlyTo`, when what it says is true of some audiences
 * alone (a first-report request to a State that has reported would be wrong). Without `onlyTo`, any audience its
 * variables allow. Typed by the kinds, so a new kind does not compile until it says whom it is written to.
 */
interface WrittenTo {
  own: Audience;
  onlyTo?: readonly Audience[];
}

const LETTERS_WRITTEN_TO: Readonly<Record<LetterKind, WrittenTo | undefined>> = {
  "first-report-request": { own: "non-reporting-states", onlyTo: ["non-reporting-states"] },
  "resolution-2663-letter": { own: "reporting-states", onlyTo: ["reporting-states"] },
  "point-of-contact-update": { own: "all-states" },
  "provider-offer-update": { own: "assistance-providers", onlyTo: ["assistance-providers", "stale-providers"] },
  "effective-practices-invitation": { own: "all-states" },
  // The States' invitation to the same briefing is the effective-practices letter.
  "open-briefing-invitation": { own: "organizations", onlyTo: ["organizations"] },
  "assistance-follow-up": { own: "states-with-follow-up-due", onlyTo: ["states-with-follow-up-due"] },
  "outreach-letter": { own: "all-states" },
  other: undefined,
};

/**
 * The audience the composer gives a template until the officer chooses one: the one its kind is written to, else the
 * non-reporting States, else the first it can go to; none when it can go to none.
 */
export function ownAudienceOf(template: Pick<Template, "kind" | "variants">): Audience | undefined {
  const fitting = audiencesFor(template);
  const own = LETTERS_WRITTEN_TO[template.kind]?.own;
  const preferred: Audience[] = own ? [own, "non-reporting-states"] : ["non-reporting-states"];
  return preferred.find((audience) => fitting.includes(audience)) ?? fitting[0];
}

/** Why the template's letters should not go to `audience`, in words; nothing when they may. */
export function audienceCaution(template: Pick<Template, "id" | "kind">, audience: Audience): string | undefined {
  const onlyTo = LETTERS_WRITTEN_TO[template.kind]?.onlyTo;
  if (!onlyTo || onlyTo.includes(audience)) return undefined;
  const meant = onlyTo.map((code) => `“${AUDIENCES[code]}”`).join(" or ");
  return `The template ${template.id} is written to ${meant} only: to “${AUDIENCES[audience]}” its letters may say what is not so.`;
}

/**
 * The audiences the composer offers for a template: those its letters can go to; every audience when none can (a
 * letter naming a State and an organization), for the API to say why at the field.
 */
export function audiencesOffered(template: Pick<Template, "variants"> | undefined): Audience[] {
  const fitting = template ? audiencesFor(template) : [];
  return fitting.length > 0 ? fitting : AUDIENCE_CODES;
}

/**
 * The audience once the template changes, and what to say when it moved: the one the officer chose, while the new
 * template can go to it; else the new template's own (ownAudienceOf), so that an audience picked for the previous
 * template is not kept unseen.
 */
export function audienceForTemplate(
  template: Pick<Template, "id" | "kind" | "variants">,
  current: Audience,
  chosenByOfficer: boolean,
): { audience: Audience; moved: string } {
  const offered = audiencesOffered(template);
  const audience = chosenByOfficer && offered.includes(current) ? current : (ownAudienceOf(template) ?? current);
  if (audience === current) return { audience, moved: "" };
  const moved = offered.includes(current)
    ? `The audience is now “${AUDIENCES[audience]}”, the one for the template ${template.id}.`
    : `The template ${template.id} cannot go to “${AUDIENCES[current]}”: the audience is now “${AUDIENCES[audience]}”.`;
  return { audience, moved };
}
