// The desk's mail: who it is from, the SES configuration set every letter goes through, and the one grant to send it.
import { Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import * as ses from "aws-cdk-lib/aws-ses";
import { Construct } from "constructs";
import { stringContext } from "./context.ts";
import type { DeskFunction } from "./desk-function.ts";

/**
 * Who the desk's mail is from and where staff summaries go: context values at deploy time
 * (`cdk deploy -c mailFrom=... -c secretariatEmail=...`). The sender must be a verified SES identity.
 */
export const MAIL_DEFAULTS = { mailFrom: "desk-1540@example.org", secretariatEmail: "secretariat@example.org" };

/** The SES events the desk acts on, by their EventBridge detail-type (SES event publishing to EventBridge). */
export const SES_EVENT_TYPES = {
  [ses.EmailSendingEvent.SEND]: "Email Sent",
  [ses.EmailSendingEvent.DELIVERY]: "Email Delivered",
  [ses.EmailSendingEvent.BOUNCE]: "Email Bounced",
  [ses.EmailSendingEvent.COMPLAINT]: "Email Complaint Received",
  [ses.EmailSendingEvent.REJECT]: "Email Rejected",
  [ses.EmailSendingEvent.DELIVERY_DELAY]: "Email Delivery Delayed",
  [ses.EmailSendingEvent.RENDERING_FAILURE]: "Email Rendering Failed",
} as const;

export class Mail extends Construct {
  readonly mailFrom: string;
  readonly secretariatEmail: string;
  /** The mail domains a wave's test copy may go to (the correspondence api's sends). */
  readonly staffMailDomains: string[];
  /** Every mail the desk sends names it, so SES publishes its events and they can be traced to the ledger. */
  readonly configurationSet: ses.ConfigurationSet;
  /** The events of this configuration set, and only those, on the default bus. */
  readonly eventPattern: events.EventPattern;
  /** The functions granted to send, each once (infra/nag.ts explains their identity wildcard on each). */
  readonly senders: DeskFunction[] = [];

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.mailFrom = stringContext(this, "mailFrom") ?? MAIL_DEFAULTS.mailFrom;
    this.secretariatEmail = stringContext(this, "secretariatEmail") ?? MAIL_DEFAULTS.secretariatEmail;
    // `-c staffMailDomains=un.org,desk.un.org`; by default the secretariat's own domain.
    this.staffMailDomains = (
      stringContext(this, "staffMailDomains") ?? this.secretariatEmail.slice(this.secretariatEmail.lastIndexOf("@") + 1)
    )
      .split(",")
      .map((domain) => domain.trim().toLowerCase());
    this.configurationSet = new ses.ConfigurationSet(this, "ConfigurationSet", {
      // Bounce and complaint rates of the desk's own mail, beside the account's (the alarms use the account's).
      reputationMetrics: true,
      sendingEnabled: true,
    });
    // SES can publish to the default bus only.
    this.configurationSet.addEventDestination("ToEventBridge", {
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, "DefaultBus", "default")),
      events: Object.keys(SES_EVENT_TYPES) as ses.EmailSendingEvent[],
    });
    this.eventPattern = {
      source: ["aws.ses"],
      detailType: Object.values(SES_EVENT_TYPES),
      // SES tags every event with the configuration set it was sent through; other senders in the account are not ours.
      detail: { mail: { tags: { "ses:configuration-set": [this.configurationSet.configurationSetName] } } },
    };
  }

  /**
   * Lets the function send as the desk through the configuration set, and gives it MAIL_FROM and SES_CONFIGURATION_SET.
   * With `toSecretariatOnly` (a staff summary or reminder) it may send to the secretariat's address only, which it
   * finds in SECRETARIAT_EMAIL. With `toStaffDomains` (a wave's test copy) it may send to addresses in the staff mail
   * domains only, which it finds in STAFF_MAIL_DOMAINS (the api checks the same list first: 422).
   *
   * The identity is any identity, but the sender only MAIL_FROM: while the account is in the SES sandbox, SES also
   * authorizes each recipient's identity, so the identity ARN cannot be narrowed to the sender's (see infra/nag.ts).
   * SendEmail only: the desk renders its letters itself and never sends raw MIME.
   */
  grantSend(fn: DeskFunction, options: { toSecretariatOnly?: boolean; toStaffDomains?: boolean } = {}): void {
    if (this.senders.includes(fn)) throw new Error(`${fn.node.path} may send mail already`);
    this.senders.push(fn);
    fn.function.addEnvironment("MAIL_FROM", this.mailFrom);
    fn.function.addEnvironment("SES_CONFIGURATION_SET", this.configurationSet.configurationSetName);
    const conditions: Record<string, Record<string, unknown>> = {
      StringEquals: { "ses:FromAddress": this.mailFrom },
    };
    if (options.toSecretariatOnly) {
      fn.function.addEnvironment("SECRETARIAT_EMAIL", this.secretariatEmail);
      // Every recipient (To, Cc, Bcc) must be the secretariat.
      conditions["ForAllValues:StringEquals"] = { "ses:Recipients": [this.secretariatEmail] };
    }
    if (options.toStaffDomains) {
      fn.function.addEnvironment("STAFF_MAIL_DOMAINS", this.staffMailDomains.join(","));
      // Every recipient must be at a staff domain, matched exactly as the api does.
      conditions["ForAllValues:StringLike"] = {
        "ses:Recipients": this.staffMailDomains.map((domain) => `*@${domain}`),
      };
    }
    const stack = Stack.of(this);
    fn.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ["ses:SendEmail"],
        resources: [
          stack.formatArn({ service: "ses", resource: "identity", resourceName: "*" }),
          stack.formatArn({
            service: "ses",
            resource: "configuration-set",
            resourceName: this.configurationSet.configurationSetName,
          }),
        ],
        conditions,
      }),
    );
  }
}
