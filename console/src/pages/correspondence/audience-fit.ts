// Which audiences a template's letters can go to, by the API's own rule (shared/waves/audience-fit.ts, which the
// API's letter check uses): the composer offers exactly the audiences a wave of the template may have.
// The generated types directly, not through data.ts: its client needs a window, and this module runs in Node too.

import { placeholdersOf, type TemplateVariable } from "../../../../shared/templates/variables.ts";
import { audienceFills } from "../../../../shared/waves/audience-fit.ts";
import type { components } from "../../api/schema";
import { AUDIENCE_CODES, type Audience } from "./wave-facts.ts";

type Template = components["schemas"]["Template"];

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
