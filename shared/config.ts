// Configuration, read from the environment once at cold start: a missing variable fails the start, not a request.
import type { TableNames } from "./tables.ts";

export interface DeskConfig {
  tableNames: TableNames;
  /** Set only off AWS (DynamoDB Local); on Lambda the SDK finds the regional endpoint. */
  dynamoEndpoint?: string;
  region: string;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Missing environment variable ${name}`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): DeskConfig {
  return {
    tableNames: { desk: required(env, "DESK_TABLE"), audit: required(env, "AUDIT_TABLE") },
    dynamoEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: env.AWS_REGION || env.AWS_DEFAULT_REGION || "us-east-1",
  };
}
