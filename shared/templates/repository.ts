// DynamoDB access for letter templates: one item per template, listed through the all-templates index.
import { type DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";
import { type AuditContext, auditPut } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { type Page, type PageRequest, queryPage } from "../dynamo/pagination.ts";
import { writeTransaction } from "../dynamo/transaction.ts";
import { Conflict, NotFound, PreconditionFailed } from "../errors.ts";
import type { TableNames } from "../tables.ts";
import type { Versioned } from "../versioning.ts";
import { type Template, templateSchema } from "./schemas.ts";

const templateKey = (id: string) => ({ pk: `TEMPLATE#${id}`, sk: "TEMPLATE" });
const ALL_TEMPLATES = "TEMPLATES";

const toItem = (template: Template, version: number) => ({
  ...templateKey(template.id),
  gsi2pk: ALL_TEMPLATES,
  gsi2sk: template.id,
  entity: "template",
  version,
  ...template,
});

const fromItem = (raw: Record<string, unknown>): Versioned<Template> => ({
  value: templateSchema.parse(raw),
  version: Number(raw.version),
});

/**
 * The templates store, as use cases need it (ADR 0026): the DynamoDB adapter below and the in-memory one of the unit
 * tests (test/support/in-memory/templates.ts) both pass test/contracts/templates.contract.ts.
 */
export interface TemplateRepository {
  get(id: string): Promise<Versioned<Template> | undefined>;
  /** Every template in id order, a page at a time; a cursor is bound to this listing. */
  list(page: PageRequest): Promise<Page<Versioned<Template>>>;
  /** Writes a new template at version 1, audited; Conflict when one with its id exists. */
  create(template: Template, audit: AuditContext): Promise<Versioned<Template>>;
  /** Writes `next` if the template is still at `expectedVersion`: PreconditionFailed otherwise, NotFound when gone. */
  update(
    current: Versioned<Template>,
    expectedVersion: number,
    next: Template,
    audit: AuditContext,
  ): Promise<Versioned<Template>>;
}

export function templateRepository(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): TemplateRepository {
  return {
    async get(id: string): Promise<Versioned<Template> | undefined> {
      const result = await doc.send(new GetCommand({ TableName: tableNames.desk, Key: templateKey(id) }));
      return result.Item ? fromItem(result.Item) : undefined;
    },

    list(page: PageRequest): Promise<Page<Versioned<Template>>> {
      return queryPage(
        doc,
        {
          TableName: tableNames.desk,
          IndexName: "gsi2",
          KeyConditionExpression: "gsi2pk = :partition",
          ExpressionAttributeValues: { ":partition": ALL_TEMPLATES },
        },
        { ...page, scope: "templates" },
        fromItem,
      );
    },

    async create(template: Template, audit: AuditContext): Promise<Versioned<Template>> {
      await writeTransaction(doc, [
        {
          item: {
            Put: {
              TableName: tableNames.desk,
              Item: toItem(template, 1),
              ConditionExpression: "attribute_not_exists(pk)",
            },
          },
          onConditionFailed: () => new Conflict(`A template with id ${template.id} exists already`),
        },
        {
          item: auditPut(
            tableNames.audit,
            { ...audit, action: "template.create", entity: { type: "template", id: template.id }, after: template },
            clock,
          ),
        },
      ]);
      return { value: template, version: 1 };
    },

    async update(current: Versioned<Template>, expectedVersion: number, next: Template, audit: AuditContext) {
      const version = expectedVersion + 1;
      await writeTransaction(doc, [
        {
          item: {
            Put: {
              TableName: tableNames.desk,
              Item: toItem(next, version),
              ConditionExpression: "version = :expected",
              ExpressionAttributeValues: { ":expected": expectedVersion },
            },
          },
          onConditionFailed: (stored) =>
            stored
              ? new PreconditionFailed(`Template ${next.id}`, Number(stored.version), expectedVersion)
              : new NotFound("Template", next.id),
        },
        {
          item: auditPut(
            tableNames.audit,
            {
              ...audit,
              action: "template.update",
              entity: { type: "template", id: next.id },
              before: current.value,
              after: next,
            },
            clock,
          ),
        },
      ]);
      return { value: next, version };
    },
  };
}
