// The seed Lambda: run on every deploy (a CDK trigger) to add any Member State the registry lacks.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { seedRegistry } from "#shared/registry/seed.ts";

const config = readConfig();
const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
const logger = new Logger({ serviceName: "desk-1540" });

export async function handler(): Promise<{ created: number; existing: number }> {
  const result = await seedRegistry(doc, config.tableNames, systemClock);
  logger.info("registry seeded", result);
  return result;
}
