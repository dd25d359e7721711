// Which audiences a template's letters can go to, by the API's rule (shared/waves/letter-check.ts): a variable only
// one kind of owner has (a State's name) needs an audience that writes to that kind alone, and a variable only one
// audience's dispatch fills needs that audience. The API's facts live in modules the console cannot compile (their
// types reach server code) and GET /templates/variables does not declare them, so they are restated here and pinned
// to the API's own verdicts, variable by audience, by test/unit/console-audience-fit.test.ts.
// The generated types directly, not through data.ts: its client needs a window, and this module runs in Node too.
import type { components } from "../../api/schema";
import { AUDIENCE_CODES, type Audience } from "./wave-facts.ts";

type Template = components["schemas"]["Template"];

type OwnerKind = "state" | "organization";

/** Whom each audience writes to (tsc names an audience the API adds and this lacks). */
const WRITES_TO: Record<Audience, readonly OwnerKind[]> = {
  "non-reporting-states": ["state"],
  "reporting-states": ["state"],
  "all-states": ["state"],
  "states-without-current-poc": ["state"],
  "states-with-pending-requests": ["state"],
  "states-with-follow-up-due": ["state"],
  organizations: ["organization"],
  "assistance-providers": ["state", "organization"],
  "stale-providers": ["state", "organization"],
};

/** The variables not every letter has: whose letters have them, and the one audience whose dispatch fills them. */
const OWNED_VARIABLES: readonly { name: string; owner: OwnerKind; onlyFor?: Audience }[] = [
  { name: "state.name", owner: "state" },
  { name: "state.iso3", owner: "state" },
  { name: "organization.name", owner: "organization" },
  { name: "organization.acronym", owner: "organization" },
  { name: "assistance.followUps", owner: "state", onlyFor: "states-with-follow-up-due" },
];

const PARTS = ["subject", "text", "html"] as const;

/** `{{name}}` or `{{ name|format }}`: the placeholder syntax of shared/templates/variables.ts. */
const placeholder = (name: string) => new RegExp(`\\{\\{\\s*${name.replace(".", "\\.")}\\s*(\\|[^{}]*)?\\}\\}`);

/** The audiences, in the composer's order, whose letters can fill every variable the template names. */
export function audiencesFor(template: Pick<Template, "variants">): Audience[] {
  const texts = Object.values(template.variants).flatMap((variant) =>
    variant ? PARTS.map((part) => variant[part]) : [],
  );
  const used = OWNED_VARIABLES.filter(({ name }) => texts.some((text) => placeholder(name).test(text)));
  return AUDIENCE_CODES.filter((audience) =>
    used.every(
      ({ owner, onlyFor }) => WRITES_TO[audience].every((kind) => kind === owner) && (!onlyFor || onlyFor === audience),
    ),
  );
}
