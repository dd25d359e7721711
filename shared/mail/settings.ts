// What sending mail through SES is configured with, read from the configuration: without the SES client, so a
// function can check its settings at cold start and load the client on its first mail.
import type { DeskConfig } from "../config.ts";

export interface MailSettings {
  region: string;
  /** The verified SES identity mail is sent from. */
  from: string;
  /** Where answers go (Reply-To on every mail): the secretariat's address. */
  replyTo?: string | undefined;
  /** Set only off AWS (the local SES emulator). */
  endpoint?: string | undefined;
  /** Set when SES should publish delivery, bounce and complaint events through a configuration set. */
  configurationSet?: string | undefined;
}

/** The mail settings of the configuration; a missing sender or Reply-To fails the cold start, not the first send. */
export function mailSettingsOf(config: DeskConfig): MailSettings {
  if (!config.mailFrom) throw new Error("Missing environment variable MAIL_FROM (the SES identity to send from)");
  if (!config.secretariatAddress) {
    throw new Error("Missing environment variable SECRETARIAT_ADDRESS (the Reply-To of every letter)");
  }
  return {
    region: config.region,
    from: config.mailFrom,
    replyTo: config.secretariatAddress,
    endpoint: config.sesEndpoint,
    configurationSet: config.sesConfigurationSet,
  };
}
