// The seed Lambda: run on deploy (a CDK trigger) to add any Member State, organization or programme letter template
// the desk lacks; what is there already (a template staff edited) is kept.
import { Logger } from "@aws-lambda-powertools/logger";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { createDocumentClient, createDynamoClient } from "#shared/dynamo/client.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";

const config = readConfig();
const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
const logger = new Logger({ serviceName: "desk-1540" });

export async function handler() {
  const states = await seedRegistry(doc, config.tableNames, systemClock);
  const organizations = await seedOrganizations(doc, config.tableNames, systemClock);
  const templates = await seedProgrammeTemplates({
    templates: templateRepository(doc, config.tableNames, systemClock),
    clock: systemClock,
  });
  const programmeTemplates = {
    created: templates.created.length,
    upgraded: templates.upgraded.length,
    existing: templates.existing.length,
  };
  logger.info("seeded", { states, organizations, programmeTemplates });
  return { states, organizations, programmeTemplates };
}
