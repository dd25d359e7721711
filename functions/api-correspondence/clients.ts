// The correspondence function's SES and Scheduler clients: one chunk, loaded with import() on the first test copy or
// schedule (ADR 0038), so no cold start reads either SDK client.
export { sesMailer } from "#shared/mail/ses.ts";
export { awsWaveScheduler, createSchedulerClient } from "#shared/waves/aws-scheduler.ts";
