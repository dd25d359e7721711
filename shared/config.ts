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
  /** The secretariat's address every letter names as Reply-To (SECRETARIAT_ADDRESS); off AWS a local default. */
  secretariatAddress?: string;
  /** The SES configuration set that publishes delivery events (SES_CONFIGURATION_SET), when there is one. */
  sesConfigurationSet?: string;
  /** The SQS queue dispatch puts message keys on (WAVE_QUEUE_URL); only the dispatch function needs it. */
  waveQueueUrl?: string;
  /**
   * The most letters per second the desk may send (SEND_RATE_PER_SECOND), before the account's own MaxSendRate
   * (GetSendQuota) lowers it; split evenly between the send function's concurrent instances (SEND_CONCURRENCY).
   */
  sendRatePerSecond?: number;
  sendConcurrency?: number;
  /** What a wave's one-time EventBridge Scheduler schedule needs (the api creates and deletes it). */
  waveSchedule?: WaveScheduleConfig;
}

export interface WaveScheduleConfig {
  /** The wave-dispatch function's ARN: the schedule's target (WAVE_DISPATCH_ARN). */
  dispatchArn: string;
  /** The role EventBridge Scheduler assumes to invoke it (WAVE_SCHEDULER_ROLE_ARN). */
  roleArn: string;
  /** The schedule group the waves' schedules live in (WAVE_SCHEDULE_GROUP). */
  group: string;
  /** Where a schedule that could not invoke its target after retries sends the event (WAVE_SCHEDULE_DLQ_ARN). */
  deadLetterArn: string;
}

/** Off AWS mail only reaches the SES emulator, so fixed local addresses do. */
export const LOCAL_MAIL_FROM = "desk-1540@desk.local";
export const LOCAL_SECRETARIAT_EMAIL = "secretariat@desk.local";
export const LOCAL_SECRETARIAT_ADDRESS = "1540-secretariat@desk.local";

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
    ...waveConfig(env),
  };
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Environment variable ${name} must be a positive number`);
  return value;
}

/** The wave settings are optional here too; a schedule half-configured fails the start. */
function waveConfig(env: NodeJS.ProcessEnv): Partial<DeskConfig> {
  const scheduleNames = [
    "WAVE_DISPATCH_ARN",
    "WAVE_SCHEDULER_ROLE_ARN",
    "WAVE_SCHEDULE_GROUP",
    "WAVE_SCHEDULE_DLQ_ARN",
  ];
  const given = scheduleNames.filter((name) => env[name]);
  if (given.length > 0 && given.length < scheduleNames.length) {
    const missing = scheduleNames.filter((name) => !env[name]);
    throw new Error(`Missing environment variable ${missing.join(", ")} (the wave schedule needs all four)`);
  }
  return {
    waveQueueUrl: env.WAVE_QUEUE_URL || undefined,
    sendRatePerSecond: positiveNumber(env, "SEND_RATE_PER_SECOND"),
    sendConcurrency: positiveNumber(env, "SEND_CONCURRENCY"),
    ...(given.length
      ? {
          waveSchedule: {
            dispatchArn: required(env, "WAVE_DISPATCH_ARN"),
            roleArn: required(env, "WAVE_SCHEDULER_ROLE_ARN"),
            group: required(env, "WAVE_SCHEDULE_GROUP"),
            deadLetterArn: required(env, "WAVE_SCHEDULE_DLQ_ARN"),
          },
        }
      : {}),
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
    secretariatAddress: env.SECRETARIAT_ADDRESS || local(LOCAL_SECRETARIAT_ADDRESS),
    sesConfigurationSet: env.SES_CONFIGURATION_SET || undefined,
  };
}
