// Seeds the registry with the 193 Member States and their obligations; safe to run on every start and deploy.
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { systemActor } from "../auth/actor.ts";
import type { Clock } from "../clock.ts";
import { initialObligationItems } from "../reporting/repository.ts";
import type { TableNames } from "../tables.ts";
import { loadMemberStates } from "./member-states.ts";
import { registryRepository } from "./repository.ts";

export async function seedRegistry(
  doc: DynamoDBDocumentClient,
  tableNames: TableNames,
  clock: Clock,
): Promise<{ created: number; existing: number }> {
  const states = loadMemberStates();
  const { created } = await registryRepository(doc, tableNames, clock).addMissingStates(
    states,
    initialObligationItems,
    { actor: systemActor("seed") },
  );
  return { created: created.length, existing: states.length - created.length };
}
