// Starts the real DynamoDB Local engine (in memory, on a free port) and the SES emulator once for the layer.
import type { TestProject } from "vitest/node";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local.ts";
import { startSesLocal } from "../../infra/local/ses-local.ts";
import "../support/provided-context.ts";

export default async function setup(project: TestProject) {
  const [dynamo, ses] = await Promise.all([
    startDynamoDbLocal({ inMemory: true, longLived: true }),
    startSesLocal({ port: 0 }),
  ]);
  project.provide("dynamoEndpoint", dynamo.endpoint);
  project.provide("sesEndpoint", ses.endpoint);
  return async () => {
    await Promise.all([dynamo.stop(), ses.stop()]);
  };
}
