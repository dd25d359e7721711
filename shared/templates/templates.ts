// Use cases on letter templates: save (validated), change, read, and preview a letter for a State.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { NotFound, PreconditionFailed } from "../errors.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import type { UnLanguage } from "../registry/schemas.ts";
import { getState } from "../registry/states.ts";
import { etagOf, type Versioned } from "../versioning.ts";
import type { TemplateRepository } from "./repository.ts";
import { assertValidTemplate, renderLetter } from "./rules.ts";
import type { NewTemplate, RenderedLetter, Template, TemplateChanges } from "./schemas.ts";
import type { TemplateVariable } from "./variables.ts";

export interface TemplateDependencies {
  templates: TemplateRepository;
  registry: RegistryRepository;
  clock: Clock;
}

export const COMMITTEE_NAME = "Security Council Committee established pursuant to resolution 1540 (2004)";

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
    const { fallbackLanguage, ...rest } = changes;
    const next: Template = {
      ...current.value,
      ...rest,
      fallbackLanguage: fallbackLanguage === null ? undefined : (fallbackLanguage ?? current.value.fallbackLanguage),
      updatedAt: deps.clock.now().toISOString(),
    };
    assertValidTemplate(next);
    return deps.templates.update(current, expectedVersion, next, audit);
  };

export interface PreviewRequest {
  language: UnLanguage;
  iso3?: string | undefined;
  values?: Partial<Record<TemplateVariable, string>> | undefined;
}

/** Renders as a recipient would receive it: the State's facts, then any values given (sample contact, deadline). */
export const previewTemplate =
  (deps: TemplateDependencies) =>
  async (id: string, request: PreviewRequest): Promise<RenderedLetter> => {
    const template = await getTemplate(deps)(id);
    const state = request.iso3 ? (await getState(deps.registry)(request.iso3)).value : undefined;
    const values: Partial<Record<TemplateVariable, string>> = {
      "committee.name": COMMITTEE_NAME,
      "wave.sendDate": deps.clock.now().toISOString().slice(0, 10),
      ...(state ? { "state.name": state.name, "state.iso3": state.iso3 } : {}),
      ...request.values,
    };
    return renderLetter(template.value, request.language, values);
  };
