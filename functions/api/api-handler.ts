// The middy chain every api Lambda puts around its router: the Lambda context and a correlation id in each log line.
import type { Logger } from "@aws-lambda-powertools/logger";
import { injectLambdaContext } from "@aws-lambda-powertools/logger/middleware";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import middy from "@middy/core";
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

export function apiHandler(routes: readonly RouteEntry[], logger: Logger) {
  const router = createRouter(routes, logger);
  return middy<ApiEvent, APIGatewayProxyStructuredResultV2, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      // A caller's correlation id is kept when it is safe to echo; otherwise the gateway's request id.
      const offered = event.headers?.["x-correlation-id"];
      const correlationId = offered && SAFE_CORRELATION_ID.test(offered) ? offered : event.requestContext.requestId;
      logger.setCorrelationId(correlationId);
      return router.dispatch(event, correlationId);
    });
}

export type ApiHandler = ReturnType<typeof apiHandler>;
