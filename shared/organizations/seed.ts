// Seeds the organizations of the data file; safe to run on every start and deploy (adds only what is missing).
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import type { TableNames } from "../tables.ts";
import { loadOrganizations } from "./catalogue.ts";
import { organizationRepository } from "./repository.ts";

export async function seedOrganizations(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): Promise<{ created: number; existing: number }> {
  const organizations = loadOrganizations();
  const { created } = await organizationRepository(doc, tableNames, clock).addMissingOrganizations(organizations, {
    actor: systemActor("seed"),
  });
  return { created: created.length, existing: organizations.length - created.length };
}
