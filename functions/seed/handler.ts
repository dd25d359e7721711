// The seed Lambda: run on deploy (a CDK trigger) to add any Member State or organization the desk lacks.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";

const config = readConfig();
const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
const logger = new Logger({ serviceName: "desk-1540" });

export async function handler() {
  const states = await seedRegistry(doc, config.tableNames, systemClock);
  const organizations = await seedOrganizations(doc, config.tableNames, systemClock);
  logger.info("seeded", { states, organizations });
  return { states, organizations };
}
