// Sends e-mail through SES (v1 SendEmail): the sender, configuration set and endpoint come from the configuration.
// Nothing here logs: addresses never reach a log line.
import { SESClient, SendEmailCommand } from "@aws-sdk/client-ses";
import type { MailSettings } from "./settings.ts";

export interface MailMessage {
  /** One address or several; all go in To. */
  to: string | readonly string[];
  subject: string;
  text: string;
  html?: string;
  /** SES message tags (name -> value), so delivery events can be traced back; ASCII letters, digits, _ and - only. */
  tags?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
}

export interface Mailer {
  sendMail(message: MailMessage): Promise<SentMail>;
}

export function createSesClient(settings: Pick<MailSettings, "region" | "endpoint">): SESClient {
  // Off AWS any credentials do; on Lambda the default provider chain applies.
  const credentials = settings.endpoint ? { accessKeyId: "local", secretAccessKey: "local" } : undefined;
  return new SESClient({ region: settings.region, endpoint: settings.endpoint, credentials, maxAttempts: 5 });
}

const utf8 = (Data: string) => ({ Data, Charset: "UTF-8" });

export function sesMailer(settings: MailSettings, client: SESClient = createSesClient(settings)): Mailer {
  return {
    async sendMail({ to, subject, text, html, tags }) {
      const addresses = typeof to === "string" ? [to] : [...to];
      if (!addresses.length) throw new Error("A mail needs at least one recipient");
      const result = await client.send(
        new SendEmailCommand({
          Source: settings.from,
          Destination: { ToAddresses: addresses },
          ...(settings.replyTo ? { ReplyToAddresses: [settings.replyTo] } : {}),
          Message: {
            Subject: utf8(subject),
            Body: { Text: utf8(text), ...(html === undefined ? {} : { Html: utf8(html) }) },
          },
          ...(settings.configurationSet ? { ConfigurationSetName: settings.configurationSet } : {}),
          ...(tags ? { Tags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })) } : {}),
        }),
      );
      if (!result.MessageId) throw new Error("SES accepted the mail but returned no message id");
      return { messageId: result.MessageId };
    },
  };
}
