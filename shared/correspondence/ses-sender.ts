// The SES side of the send pipeline: the shared SES mailer (configuration set, tags wave and message) on a client
// that never retries by itself, and the account's sending quota.
import { GetSendQuotaCommand, SESClient } from "@aws-sdk/client-ses";
import { type Mailer, sesMailer } from "../mail/ses.ts";
import type { MailSettings } from "../mail/settings.ts";

/**
 * One attempt per call: the SDK's own retries would repeat a SendEmail whose answer was lost (a time-out), which
 * can send a letter twice. Throttling is retried by the queue instead, after the claim is released.
 */
export function correspondenceSesClient(settings: Pick<MailSettings, "region" | "endpoint">): SESClient {
  const credentials = settings.endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
  return new SESClient({ region: settings.region, endpoint: settings.endpoint, credentials, maxAttempts: 1 });
}

export function correspondenceMailer(
  settings: MailSettings,
  client: SESClient = correspondenceSesClient(settings),
): Mailer {
  return sesMailer(settings, client);
}

/** The account's MaxSendRate (letters per second) from GetSendQuota. */
export function maxSendRateReader(client: SESClient): () => Promise<number> {
  return async () => {
    const quota = await client.send(new GetSendQuotaCommand({}));
    if (quota.MaxSendRate === undefined) throw new Error("GetSendQuota answered no MaxSendRate");
    return quota.MaxSendRate;
  };
}
