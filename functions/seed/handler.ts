// The seed Lambda: run on deploy (a CDK trigger) to add any Member State, organization, programme or staff letter
// template or programme year the desk lacks; what is there already (a template or a programme year staff edited) is
// kept.
import { systemActor } from "#shared/auth/actor.ts";
import { systemClock } from "#shared/clock.ts";
import { readConfig } from "#shared/config.ts";
import { tracer } from "#shared/observability/tracer.ts";
import { seedOrganizations } from "#shared/organizations/seed.ts";
import { dynamoProgrammeStore } from "#shared/programme/store.ts";
import { seedProgrammeYears } from "#shared/programme/years.ts";
import { seedRegistry } from "#shared/registry/seed.ts";
import { deskDocumentClient, functionLogger } from "#shared/runtime/function-runtime.ts";
import { seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { seedStaffTemplates } from "#shared/templates/staff-templates.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";

const config = readConfig();
const doc = deskDocumentClient(config);
const logger = functionLogger();

async function seed() {
  const states = await seedRegistry(doc, config.tableNames, systemClock);
  const organizations = await seedOrganizations(doc, config.tableNames, systemClock);
  const templates = await seedProgrammeTemplates({
    templates: templateRepository(doc, config.tableNames, systemClock),
    waves: waveRepository(doc, config.tableNames, systemClock),
    clock: systemClock,
  });
  const programmeTemplates = {
    created: templates.created.length,
    upgraded: templates.upgraded.length,
    // Named: a later run upgrades each once its waves are over (the trigger runs again only when this bundle
    // changes; invoking the function runs it at once).
    held: templates.held,
    existing: templates.existing.length,
  };
  const staff = await seedStaffTemplates({
    templates: templateRepository(doc, config.tableNames, systemClock),
    clock: systemClock,
  });
  const staffTemplates = { created: staff.created.length, existing: staff.existing.length };
  const programmeYears = await seedProgrammeYears(
    dynamoProgrammeStore(doc, config.tableNames, systemClock),
    seedProgrammeFiles(),
    systemClock,
    { actor: systemActor("seed") },
  );
  logger.info("seeded", { states, organizations, programmeTemplates, staffTemplates, programmeYears });
  return { states, organizations, programmeTemplates, staffTemplates, programmeYears };
}

// Traced with X-Ray when the invocation is sampled (ADR 0018).
export const handler = tracer().handler(seed, "seed");
