// Use cases on letter templates: save (validated), change, read, and preview a letter for a State.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import { UN_LANGUAGES } from "../locale/languages.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { getState } from "../registry/states.ts";
import { etagOf, type Versioned } from "../versioning.ts";
import { letterForm, letterValues } from "./letter-values.ts";
import type { TemplateRepository } from "./repository.ts";
import { assertValidTemplate, renderLetter } from "./rules.ts";
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

export interface TemplateDependencies {
  templates: TemplateRepository;
  registry: RegistryRepository;
  clock: Clock;
}

export const createTemplate =
  (deps: TemplateDependencies) =>
  async (input: NewTemplate, audit: AuditContext): Promise<Versioned<Template>> => {
    assertValidTemplate(input);
    const now = deps.clock.now().toISOString();
    return deps.templates.create({ ...input, createdAt: now, updatedAt: now }, audit);
  };

export const getTemplate = (deps: TemplateDependencies) => async (id: string) => {
  const template = await deps.templates.get(id);
  if (!template) throw new NotFound("Template", id);
  return template;
};

export const listTemplates = (deps: TemplateDependencies) => (page: PageRequest) => deps.templates.list(page);

export const changeTemplate =
  (deps: TemplateDependencies) =>
  async (id: string, expectedVersion: number, changes: TemplateChanges, audit: AuditContext) => {
    const current = await getTemplate(deps)(id);
    if (current.version !== expectedVersion) throw new PreconditionFailed(`Template ${id}`, etagOf(current.version));
    const { fallbackLanguage, variants, ...rest } = changes;
    const next: Template = {
      ...current.value,
      ...rest,
      variants: variants ? mergeVariants(current.value.variants, variants) : current.value.variants,
      fallbackLanguage: fallbackLanguage === null ? undefined : (fallbackLanguage ?? current.value.fallbackLanguage),
      updatedAt: deps.clock.now().toISOString(),
    };
    assertCompleteVariants(next.variants);
    assertValidTemplate(next);
    return deps.templates.update(current, expectedVersion, next, audit);
  };

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

/** A language a PATCH adds must come whole: subject, text and html. */
function assertCompleteVariants(variants: Template["variants"]): void {
  const parsed = variantsSchema.safeParse(variants);
  if (parsed.success) return;
  const issues = parsed.error.issues.map((issue) => ({
    path: ["body", "variants", ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
  throw new Invalid("The template cannot be saved", issues);
}

export interface PreviewRequest {
  language: UnLanguage;
  iso3?: string | undefined;
  addressedTo?: "point-of-contact" | "permanent-mission" | undefined;
  values?: LetterValues | undefined;
}

/**
 * Renders as a recipient would receive it, form included: the State's facts, the configured Chair, then any values
 * given (sample contact, deadline, the contacts on record).
 */
export const previewTemplate =
  (deps: TemplateDependencies) =>
  async (id: string, request: PreviewRequest): Promise<RenderedLetter> => {
    const template = await getTemplate(deps)(id);
    const state = request.iso3 ? (await getState(deps.registry)(request.iso3)).value : undefined;
    const facts = {
      reference: `${id}/${state?.iso3 ?? "PREVIEW"}`,
      now: deps.clock.now(),
      state,
      contact: { name: "[contact.name]" },
      addressedTo: request.addressedTo,
    };
    const values: LetterValues = { ...letterValues(facts), ...request.values };
    const contactName = typeof values["contact.name"] === "string" ? values["contact.name"] : facts.contact.name;
    return renderLetter(
      template.value,
      request.language,
      values,
      letterForm({ ...facts, contact: { name: contactName } }),
    );
  };
