// Builds what the organization routes need from the DynamoDB client, the table names and a clock: the contact use
// cases' stores, and the assistance store a retirement reads (retirement.ts).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { assistanceRepository } from "../assistance/repository.ts";
import type { Clock } from "../clock.ts";
import type { ContactDependencies } from "../contacts/contacts.ts";
import { contactDependencies } from "../contacts/dependencies.ts";
import type { TableNames } from "../tables.ts";
import type { RetirementDependencies } from "./retirement.ts";

export type OrganizationRouteDependencies = ContactDependencies & RetirementDependencies;

export function organizationDependencies(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): OrganizationRouteDependencies {
  return { ...contactDependencies(doc, tableNames, clock), assistance: assistanceRepository(doc, tableNames, clock) };
}
