// Seeds the registry with the 193 Member States and their obligations; safe to run on every start and deploy.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { initialObligationItems } from "../reporting/repository.ts";
import type { TableNames } from "../tables.ts";
import { loadMemberStates } from "./member-states.ts";
import { registryRepository } from "./repository.ts";

/** The codes of the States it added, for a caller that seeds more for them (the local stack's demonstration set). */
export async function seedMissingStates(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): Promise<{ created: string[]; existing: number }> {
  const states = loadMemberStates();
  const { created } = await registryRepository(doc, tableNames, clock).addMissingStates(
    states,
    initialObligationItems,
    { actor: systemActor("seed") },
  );
  return { created, existing: states.length - created.length };
}

export async function seedRegistry(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): Promise<{ created: number; existing: number }> {
  const { created, existing } = await seedMissingStates(doc, tableNames, clock);
  return { created: created.length, existing };
}
