// The logger every Lambda entry point builds once at cold start, named by the function's own POWERTOOLS_SERVICE_NAME
// (set per function by CDK). A module of its own so that a function without a table (api-docs) gets its logger without
// the DynamoDB client: its bundle loads a route module with import(), and esbuild keeps every export of a module such
// a bundle reaches, so importing function-runtime.ts there would ship the whole SDK (ADR 0029).
import { Logger } from "@aws-lambda-powertools/logger";

export function functionLogger(): Logger {
  return new Logger();
}
