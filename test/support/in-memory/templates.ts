// The templates store in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/templates.contract.ts).
import type { Clock } from "#shared/clock.ts";
import { Conflict, NotFound, PreconditionFailed } from "#shared/errors.ts";
import type { TemplateRepository } from "#shared/templates/repository.ts";
import type { Template } from "#shared/templates/schemas.ts";
import type { Versioned } from "#shared/versioning.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemoryTemplates extends TemplateRepository {
  readonly audit: InMemoryAudit;
}

export function inMemoryTemplates(clock: Clock, audit: InMemoryAudit = inMemoryAudit(clock)): InMemoryTemplates {
  const templates = new Map<string, Versioned<Template>>();
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    audit,

    get: async (id) => {
      const found = templates.get(id);
      return found && copy(found);
    },

    list: async (page) =>
      pageOf(
        sortedBy(templates.values(), ({ value }) => value.id),
        ({ value }) => value.id,
        { ...page, scope: "templates" },
      ),

    create: async (template, context) => {
      if (templates.has(template.id)) throw new Conflict(`A template with id ${template.id} exists already`);
      templates.set(template.id, { value: copy(template), version: 1 });
      audit.record({
        ...context,
        action: "template.create",
        entity: { type: "template", id: template.id },
        after: template,
      });
      return { value: copy(template), version: 1 };
    },

    update: async (current, expectedVersion, next, context) => {
      const stored = templates.get(next.id);
      if (!stored) throw new NotFound("Template", next.id);
      if (stored.version !== expectedVersion)
        throw new PreconditionFailed(`Template ${next.id}`, stored.version, expectedVersion);
      const version = expectedVersion + 1;
      templates.set(next.id, { value: copy(next), version });
      audit.record({
        ...context,
        action: "template.update",
        entity: { type: "template", id: next.id },
        before: current.value,
        after: next,
      });
      return { value: copy(next), version };
    },
  };
}
