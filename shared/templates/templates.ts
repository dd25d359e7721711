// Use cases on letter templates: save (validated), change, read, and preview a letter for a State.
import type { AuditContext } from "../audit/audit-entry.ts";
import { saysTheSame } from "../canonical-json.ts";
import type { Clock } from "../clock.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { UN_LANGUAGES } from "../locale/languages.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { stateNamedInBody } from "../registry/states.ts";
import type { Versioned } from "../versioning.ts";
import type { WaveRepository } from "../waves/repository.ts";
import type { Wave } from "../waves/schemas.ts";
import { fieldIssuesOf } from "../zod-issues.ts";
import { letterForm, letterValues } from "./letter-values.ts";
import { previewRefusal } from "./preview-refusal.ts";
import type { TemplateRepository } from "./repository.ts";
import { assertValidTemplate, letterDigest, MissingValues, renderLetter, variablesOf } from "./rules.ts";
import type {
  NewTemplate,
  RenderedLetter,
  Template,
  TemplateChanges,
  TemplateVariant,
  VariantsPatch,
} from "./schemas.ts";
import { variantsSchema } from "./schemas.ts";
import type { LetterValues } from "./values.ts";
import { audienceOf } from "./variables.ts";

export interface TemplateDependencies {
  templates: TemplateRepository;
  registry: RegistryRepository;
  clock: Clock;
  /** The waves that will still render letters from a template: its letters may not change under them. */
  waves: Pick<WaveRepository, "inStatus">;
}

export const createTemplate =
  (deps: Pick<TemplateDependencies, "templates" | "clock">) =>
  async (input: NewTemplate, audit: AuditContext): Promise<Versioned<Template>> => {
    assertValidTemplate(input);
    const now = deps.clock.now().toISOString();
    return deps.templates.create({ ...input, createdAt: now, updatedAt: now }, audit);
  };

export const getTemplate = (deps: Pick<TemplateDependencies, "templates">) => async (id: string) => {
  const template = await deps.templates.get(id);
  if (!template) throw new NotFound("Template", id);
  return template;
};

export const listTemplates = (deps: Pick<TemplateDependencies, "templates">) => (page: PageRequest) =>
  deps.templates.list(page);

export const changeTemplate =
  (deps: Pick<TemplateDependencies, "templates" | "clock" | "waves">) =>
  async (id: string, expectedVersion: number, changes: TemplateChanges, audit: AuditContext) => {
    const current = await getTemplate(deps)(id);
    if (current.version !== expectedVersion)
      throw new PreconditionFailed(`Template ${id}`, current.version, expectedVersion);
    const { fallbackLanguage, variants, ...rest } = changes;
    const corrected: Template = {
      ...current.value,
      ...rest,
      variants: variants ? mergeVariants(current.value.variants, variants) : current.value.variants,
      fallbackLanguage: fallbackLanguage === null ? undefined : (fallbackLanguage ?? current.value.fallbackLanguage),
    };
    // A change that says what the template says already (a form sent twice, a reviewed variant approved again) is no
    // change: nothing to version or audit, and no wave's letters to guard.
    if (saysTheSame(asRead(corrected), asRead(current.value))) return current;
    const next: Template = { ...corrected, updatedAt: deps.clock.now().toISOString() };
    assertCompleteVariants(next.variants);
    assertValidTemplate(next);
    if (letterDigest(next) !== letterDigest(current.value)) await assertNoWaveWaiting(deps, id);
    return deps.templates.update(current, expectedVersion, next, audit);
  };

/** The statuses in which a wave will still render letters: dispatch renders the template as it stands when it runs. */
const WAITING: readonly Wave["status"][] = ["scheduled", "dispatching"];

/**
 * The waves that are scheduled or dispatching, of any template: they were scheduled, and their test copy approved, with
 * the letter as it stands, so its letters are fixed until they are over (ADR 0015). Read from an eventually consistent
 * index: a wave scheduled in the same second may be missing, and the letter digest it keeps halts its dispatch then.
 */
export async function wavesWaiting(deps: Pick<TemplateDependencies, "waves">): Promise<Versioned<Wave>[]> {
  return (await Promise.all(WAITING.map((status) => deps.waves.inStatus(status)))).flat();
}

/**
 * Refuses (409) to change what a template's letters say (a variant, the fallback) while a wave of it waits: dispatch
 * would find the letter changed since the wave was scheduled and halt the wave, sending nothing. Its kind and
 * description may change. The waves are named: cancel them, change the template, schedule new ones.
 */
async function assertNoWaveWaiting(deps: Pick<TemplateDependencies, "waves">, templateId: string): Promise<void> {
  const waiting = (await wavesWaiting(deps)).filter(({ value }) => value.templateId === templateId);
  if (!waiting.length) return;
  // A wave by its description where it has one (what the officer named it), its id beside it to tell two apart.
  const named = waiting
    .map(({ value }) =>
      value.description ? `"${value.description}" (${value.status}, ${value.id})` : `${value.id} (${value.status})`,
    )
    .join(", ");
  throw new Conflict(
    `Template ${templateId}'s letters are not changed: waves will still send them as they stand: ${named}. ` +
      "Cancel a scheduled wave, change the template, then create, test and schedule a new wave",
  );
}

/**
 * Merges a PATCH's variants into the template's, language by language: null removes one, parts given replace
 * theirs. A variant the PATCH names is the secretariat's edit, so it is stored reviewed unless the PATCH says not.
 */
function mergeVariants(current: Template["variants"], patch: VariantsPatch): Template["variants"] {
  const merged: Template["variants"] = { ...current };
  for (const language of UN_LANGUAGES) {
    const change = patch[language];
    if (change === undefined) continue;
    if (change === null) {
      delete merged[language];
      continue;
    }
    // An incomplete new variant is left for the schema check below to refuse with its path.
    merged[language] = { ...current[language], ...change, reviewed: change.reviewed ?? true } as TemplateVariant;
  }
  return merged;
}

/** The template as it reads: a variant stored without a review flag is reviewed (absent means true). */
function asRead(template: Template): Template {
  const variants: Template["variants"] = {};
  for (const language of UN_LANGUAGES) {
    const variant = template.variants[language];
    if (variant) variants[language] = { ...variant, reviewed: variant.reviewed ?? true };
  }
  return { ...template, variants };
}

/** A language a PATCH adds must come whole: subject, text and html. */
function assertCompleteVariants(variants: Template["variants"]): void {
  const parsed = variantsSchema.safeParse(variants);
  if (parsed.success) return;
  throw new Invalid("The template cannot be saved", fieldIssuesOf(parsed.error, "body", "variants"));
}

export interface PreviewRequest {
  language: UnLanguage;
  iso3?: string | undefined;
  addressedTo?: "point-of-contact" | "permanent-mission" | undefined;
  values?: LetterValues | undefined;
}

/**
 * A placeholder for each variable the template uses that only its audience's dispatch reads (the requests owed a
 * follow-up): a preview has no dispatch, and the letter should render, showing where the value goes.
 */
function readAtDispatch(template: Pick<Template, "variants">): LetterValues {
  const names = [...variablesOf(template)].filter((name) => audienceOf(name) !== undefined);
  return Object.fromEntries(names.map((name) => [name, [`[${name}: filled at dispatch]`]]));
}

/**
 * Renders as a recipient would receive it, form included: the State's facts, the configured Chair, then any values
 * given (sample contact, deadline, the contacts on record). A value the letter names and was not given is refused
 * (422) at the request's field that gives it, in words.
 */
export const previewTemplate =
  (deps: Pick<TemplateDependencies, "templates" | "registry" | "clock">) =>
  async (id: string, request: PreviewRequest): Promise<RenderedLetter> => {
    const template = await getTemplate(deps)(id);
    const state = request.iso3 ? (await stateNamedInBody(deps.registry)(request.iso3, "body.iso3")).value : undefined;
    const facts = {
      reference: `${id}/${state?.iso3 ?? "PREVIEW"}`,
      now: deps.clock.now(),
      state,
      contact: { name: "[contact.name]" },
      addressedTo: request.addressedTo,
    };
    const values: LetterValues = {
      ...letterValues(facts),
      ...readAtDispatch(template.value),
      ...request.values,
    };
    const contactName = typeof values["contact.name"] === "string" ? values["contact.name"] : facts.contact.name;
    try {
      return renderLetter(
        template.value,
        request.language,
        values,
        letterForm({ ...facts, contact: { name: contactName } }),
      );
    } catch (error) {
      if (error instanceof MissingValues) throw previewRefusal(error.variables);
      throw error;
    }
  };
