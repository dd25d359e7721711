// What every api Lambda puts around its router: the Lambda context and a correlation id in each log line.
import type { Logger } from "@aws-lambda-powertools/logger";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2, Context } from "aws-lambda";
import type { Clock } from "#shared/clock.ts";
import type { RouteEntry } from "#shared/http/route.ts";
import { type ApiEvent, createRouter } from "#shared/http/router.ts";
import type { TableNames } from "#shared/tables.ts";

/** What the routes of a group that reads and writes the tables are built on. */
export interface TableDependencies {
  doc: DynamoDBDocumentClient;
  tableNames: TableNames;
  clock: Clock;
}

const SAFE_CORRELATION_ID = /^[\w.:-]{1,128}$/;

/**
 * The steps of Powertools' `injectLambdaContext` with `resetKeys`, written out rather than run through middy: middy's
 * core imports node:stream/web, node:stream/promises and node:timers for response streaming and its early timeout,
 * which no api function uses, and compiling those built-ins was part of every cold start (ADR 0040).
 */
export function apiHandler(routes: readonly RouteEntry[], logger: Logger) {
  const router = createRouter(routes, logger);
  return async (event: ApiEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    logger.refreshSampleRateCalculation();
    logger.addContext(context);
    logger.logEventIfEnabled(event);
    try {
      // A caller's correlation id is kept when it is safe to echo; otherwise the gateway's request id.
      const offered = event.headers?.["x-correlation-id"];
      const correlationId = offered && SAFE_CORRELATION_ID.test(offered) ? offered : event.requestContext.requestId;
      logger.setCorrelationId(correlationId);
      return await router.dispatch(event, correlationId);
    } finally {
      logger.resetKeys();
      logger.clearBuffer();
    }
  };
}

export type ApiHandler = ReturnType<typeof apiHandler>;
