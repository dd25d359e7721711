// The records group: the registry of States, reporting, the matrix, organizations, contacts and assistance.
import type { Logger } from "@aws-lambda-powertools/logger";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import type { Route } from "#shared/http/route.ts";
import { matrixRepository } from "#shared/matrix/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { assistanceRoutes } from "./routes/assistance.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { matrixRoutes } from "./routes/matrix.ts";
import { organizationRoutes } from "./routes/organizations.ts";
import { searchRoutes } from "./routes/search.ts";
import { stateRoutes } from "./routes/states.ts";
import { submissionRoutes } from "./routes/submissions.ts";

export function recordsRoutes({ doc, tableNames, clock }: TableDependencies): Route[] {
  const registry = registryRepository(doc, tableNames, clock);
  const reporting = { registry, reporting: reportingRepository(doc, tableNames, clock), clock };
  const contacts = contactDependencies(doc, tableNames, clock);
  return [
    ...stateRoutes({ ...reporting, contacts: contacts.contacts }),
    ...submissionRoutes(reporting),
    ...matrixRoutes({ matrix: matrixRepository(doc, tableNames, clock), registry, clock }),
    ...organizationRoutes(contacts),
    ...contactRoutes(contacts),
    ...assistanceRoutes({
      ...reporting,
      organizations: contacts.organizations,
      assistance: assistanceRepository(doc, tableNames, clock),
    }),
    ...searchRoutes({ doc, tableNames }),
  ];
}

export function createRecordsHandler(deps: TableDependencies & { logger: Logger }) {
  return apiHandler(recordsRoutes(deps), deps.logger);
}
