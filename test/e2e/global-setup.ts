// Before any file starts: the staff console built once for the layer (the console's e2e files run side by side, and
// each one's own check, test/support/console-browser.ts, then finds the build current instead of two of them writing
// console/dist at the same time), and one DynamoDB Local engine for the stacks of every file but the two that test
// the stack's own engine. Each stack has tables of its own on it (test/support/e2e-stack.ts); one JVM, started and
// warmed once, spends half the CPU of a JVM per file on each stack's start and seed.
import type { TestProject } from "vitest/node";
import { ensureConsoleBuilt } from "../../infra/local/console.ts";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local.ts";
import "../support/provided-context.ts";

export default async function setup(project: TestProject) {
  const [dynamo] = await Promise.all([startDynamoDbLocal({ inMemory: true }), ensureConsoleBuilt()]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  return () => dynamo.stop();
}
