// Configuration, read from the environment once at cold start: a missing variable fails the start, not a request.
import type { TableNames } from "./tables.ts";

export interface DeskConfig {
  tableNames: TableNames;
  /** Set only off AWS (DynamoDB Local); on Lambda the SDK finds the regional endpoint. */
  dynamoEndpoint?: string;
  region: string;
  /** Set only off AWS (the local SES emulator); on Lambda the SDK finds the regional endpoint. */
  sesEndpoint?: string;
  /** The SES identity mail is sent from (MAIL_FROM); off AWS a local default. */
  mailFrom?: string;
  /** Where staff summaries go (SECRETARIAT_EMAIL); off AWS a local default. */
  secretariatEmail?: string;
  /** The SES configuration set that publishes delivery events (SES_CONFIGURATION_SET), when there is one. */
  sesConfigurationSet?: string;
}

/** Off AWS mail only reaches the SES emulator, so fixed local addresses do. */
export const LOCAL_MAIL_FROM = "desk-1540@desk.local";
export const LOCAL_SECRETARIAT_EMAIL = "secretariat@desk.local";

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
    ...mailConfig(env),
  };
}

/** Mail settings are optional here: only the functions that send mail require them (at their cold start). */
function mailConfig(env: NodeJS.ProcessEnv): Partial<DeskConfig> {
  const sesEndpoint = env.SES_ENDPOINT || undefined;
  const local = (value: string) => (sesEndpoint ? value : undefined);
  return {
    sesEndpoint,
    mailFrom: env.MAIL_FROM || local(LOCAL_MAIL_FROM),
    secretariatEmail: env.SECRETARIAT_EMAIL || local(LOCAL_SECRETARIAT_EMAIL),
    sesConfigurationSet: env.SES_CONFIGURATION_SET || undefined,
  };
}
