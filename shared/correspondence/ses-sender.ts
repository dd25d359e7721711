// The SES sender of the send pipeline: the shared SES mailer (configuration set, tags wave and message) on a client
// that never retries by itself.
import { SESClient } from "@aws-sdk/client-ses";
import { type Mailer, type MailSettings, sesMailer } from "../mail/ses.ts";

/**
 * One attempt per call: the SDK's own retries would repeat a SendEmail whose answer was lost (a time-out), which
 * can send a letter twice. Throttling is retried by the queue instead, after the claim is released.
 */
export function correspondenceMailer(settings: MailSettings): Mailer {
  const credentials = settings.endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
  const client = new SESClient({ region: settings.region, endpoint: settings.endpoint, credentials, maxAttempts: 1 });
  return sesMailer(settings, client);
}
