// Builds what the contact and organization use cases need from the DynamoDB client, the table names and a clock.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { Clock } from "../clock.ts";
import { organizationRepository } from "../organizations/repository.ts";
import { registryRepository } from "../registry/repository.ts";
import type { TableNames } from "../tables.ts";
import type { ContactDependencies } from "./contacts.ts";
import { contactRepository } from "./repository.ts";

export function contactDependencies(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): ContactDependencies {
  return {
    contacts: contactRepository(doc, tableNames, clock),
    organizations: organizationRepository(doc, tableNames, clock),
    registry: registryRepository(doc, tableNames, clock),
    clock,
  };
}
