// The api Lambda as a function of its dependencies: the middy chain around the router. No rule lives here.
import type { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
import type { APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import type { Clock } from "#shared/clock.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { Conflict } from "#shared/errors.ts";
import type { Route } from "#shared/http/route.ts";
import { type ApiEvent, createRouter } from "#shared/http/router.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { matrixRepository } from "#shared/matrix/repository.ts";
import { registryRepository } from "#shared/registry/repository.ts";
import { reportingRepository } from "#shared/reporting/repository.ts";
import { snapshotDependencies } from "#shared/snapshots/snapshots.ts";
import type { TableNames } from "#shared/tables.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { unconfiguredWaveScheduler, type WaveScheduler } from "#shared/waves/scheduler.ts";
import { assistanceRoutes } from "./routes/assistance.ts";
import { contactRoutes } from "./routes/contacts.ts";
import { matrixRoutes } from "./routes/matrix.ts";
import { metaRoutes } from "./routes/meta.ts";
import { organizationRoutes } from "./routes/organizations.ts";
import { programmeRoutes } from "./routes/programme.ts";
import { snapshotRoutes } from "./routes/snapshots.ts";
import { stateRoutes } from "./routes/states.ts";
import { submissionRoutes } from "./routes/submissions.ts";
import { templateRoutes } from "./routes/templates.ts";
import { waveRoutes } from "./routes/waves.ts";

export interface ApiDependencies {
  doc: DynamoDBDocumentClient;
  tableNames: TableNames;
  clock: Clock;
  logger: Logger;
  /** Makes and deletes the waves' one-time schedules; without one, scheduling a wave is refused (409). */
  waveScheduler?: WaveScheduler | undefined;
  /** Sends the waves' test copies; without one, a test send is refused (409). */
  mailer?: Mailer | undefined;
}

const noScheduler = unconfiguredWaveScheduler("no wave scheduler is configured");
const noMailer: Mailer = {
  sendMail: async () => {
    throw new Conflict("Mail cannot be sent here: no sender is configured (MAIL_FROM)");
  },
};

export function apiRoutes({
  doc,
  tableNames,
  clock,
  waveScheduler = noScheduler,
  mailer = noMailer,
}: Omit<ApiDependencies, "logger">): Route[] {
  const registry = registryRepository(doc, tableNames, clock);
  const reporting = { registry, reporting: reportingRepository(doc, tableNames, clock), clock };
  const contacts = contactDependencies(doc, tableNames, clock);
  const assistance = assistanceRepository(doc, tableNames, clock);
  const routes: Route[] = [
    ...stateRoutes(reporting),
    ...submissionRoutes(reporting),
    ...matrixRoutes({ matrix: matrixRepository(doc, tableNames, clock), registry, clock }),
    ...templateRoutes({ templates: templateRepository(doc, tableNames, clock), registry, clock }),
    ...waveRoutes({
      ...contacts,
      assistance,
      templates: templateRepository(doc, tableNames, clock),
      ledger: ledgerRepository(doc, tableNames, clock),
      waves: waveRepository(doc, tableNames, clock),
      scheduler: waveScheduler,
      mailer,
    }),
    ...organizationRoutes(contacts),
    ...contactRoutes(contacts),
    ...assistanceRoutes({ ...reporting, organizations: contacts.organizations, assistance }),
    ...snapshotRoutes(snapshotDependencies(doc, tableNames, clock)),
    ...programmeRoutes({ clock }),
  ];
  return [...metaRoutes(() => routes), ...routes];
}

const SAFE_CORRELATION_ID = /^[\w.:-]{1,128}$/;

export function createApiHandler(deps: ApiDependencies) {
  const routes = apiRoutes(deps);
  const router = createRouter(routes, deps.logger);
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .handler(async (event) => {
      // A caller's correlation id is kept when it is safe to echo; otherwise the gateway's request id.
      const offered = event.headers?.["x-correlation-id"];
      const correlationId = offered && SAFE_CORRELATION_ID.test(offered) ? offered : event.requestContext.requestId;
      deps.logger.setCorrelationId(correlationId);
      return router.dispatch(event, correlationId);
    });
}
