// Before any file starts: the staff console built once for the layer (the console's e2e files run side by side, and
// each one's own check, test/support/console-browser.ts, then finds the build current instead of two of them writing
// console/dist at the same time), and one DynamoDB Local engine for the stacks of every file but the two that test
// the stack's own engine. Each stack has tables of its own on it (test/support/e2e-stack.ts); one JVM, started and
// warmed once, spends half the CPU of a JVM per file on each stack's start and seed. The local seed runs once, into
// tables of the layer's, which each stack copies: a copy costs a third of a seed's CPU (node and the JVM's).
import type { TestProject } from "vitest/node";
import { deskToday, systemClock } from "#shared/clock.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { ensureTables } from "#shared/dynamo/ensure-tables.ts";
import { seedLocalDesk } from "../../functions/seed/local.ts";
import { ensureConsoleBuilt } from "../../infra/local/console.ts";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local.ts";
import { localTableNames, REGION } from "../../infra/local/stack.ts";
import "../support/provided-context.ts";

export default async function setup(project: TestProject) {
  const [dynamo] = await Promise.all([startDynamoDbLocal({ inMemory: true, longLived: true }), ensureConsoleBuilt()]);
  const client = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
  try {
    const tableNames = localTableNames("layer-seed-");
    await ensureTables(client, tableNames, { streams: false });
    const seededOn = deskToday(systemClock);
    const seed = await seedLocalDesk({ doc: createDocumentClient(client), tableNames, clock: systemClock });
    project.provide("dynamoEndpoint", dynamo.endpoint);
    project.provide("seededTables", { tableNames, seed, seededOn });
  } catch (error) {
    await dynamo.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return () => dynamo.stop();
}
