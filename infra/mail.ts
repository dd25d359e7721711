// The desk's mail: who it is from, the SES identity that proves it (Easy DKIM, a custom MAIL FROM domain), the
// configuration set every letter goes through, and the one grant to send it.
import { CfnOutput, Fn, Stack } from "aws-cdk-lib";
import * as events from "aws-cdk-lib/aws-events";
import * as iam from "aws-cdk-lib/aws-iam";
import * as route53 from "aws-cdk-lib/aws-route53";
import * as ses from "aws-cdk-lib/aws-ses";
import { Construct } from "constructs";
import { requiredContext, stringContext } from "./context.ts";
import type { DeskFunction } from "./desk-function.ts";
import { hostedZoneContext, importZone, requireInZone } from "./hosted-zone.ts";

/** The subdomain of the sending domain that SES uses as the envelope sender (bounces go there), unless overridden. */
export const DEFAULT_MAIL_FROM_SUBDOMAIN = "bounce";

const ADDRESS = /^[^@\s]+@([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;

/** An e-mail address from context, required, with its domain; a malformed one fails the synth. */
function addressContext(scope: Construct, name: string, what: string): { address: string; domain: string } {
  const address = requiredContext(scope, name, what);
  const domain = ADDRESS.exec(address)?.[1];
  if (!domain) throw new Error(`Context ${name}=${address} is not an e-mail address`);
  return { address, domain: domain.toLowerCase() };
}

const MAIL_FROM = "the address the desk's letters are sent from";

/** mailFrom's domain: the SES identity, and the hosted zone's name unless `-c hostedZoneName=` names a parent. */
export function sendingDomain(scope: Construct): string {
  return addressContext(scope, "mailFrom", MAIL_FROM).domain;
}

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
  /** `-c mailFrom=`: the From address of every letter; its domain is the SES identity. */
  readonly mailFrom: string;
  /** `-c secretariatAddress=`: where staff summaries go, and the Reply-To of letters (SECRETARIAT_ADDRESS). */
  readonly secretariatAddress: string;
  /** The sending domain, verified with Easy DKIM, with its custom MAIL FROM subdomain. */
  readonly identity: ses.EmailIdentity;
  readonly mailFromDomain: string;
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
    const from = addressContext(this, "mailFrom", MAIL_FROM);
    this.mailFrom = from.address;
    this.secretariatAddress = addressContext(
      this,
      "secretariatAddress",
      "the secretariat's address (staff summaries, and the Reply-To of letters)",
    ).address;
    this.mailFromDomain = `${stringContext(this, "mailFromSubdomain") ?? DEFAULT_MAIL_FROM_SUBDOMAIN}.${from.domain}`;
    // `-c staffMailDomains=un.org,desk.un.org`; by default the secretariat's own domain.
    this.staffMailDomains = (
      stringContext(this, "staffMailDomains") ??
      this.secretariatAddress.slice(this.secretariatAddress.lastIndexOf("@") + 1)
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
    this.identity = this.sendingIdentity(from.domain);
  }

  /**
   * The sending domain as an SES identity with Easy DKIM (2048-bit) and a custom MAIL FROM domain, so that SPF and DKIM
   * align with From. With `-c hostedZone=<id>` (a public Route 53 zone for the domain, or for a parent of it named by
   * `-c hostedZoneName=`) the DKIM CNAMEs and the MAIL FROM MX and TXT records are created in it; otherwise the stack
   * outputs list them for whoever runs the domain's DNS (docs/operations.md).
   */
  private sendingIdentity(domain: string): ses.EmailIdentity {
    const zoneContext = hostedZoneContext(this, domain);
    if (zoneContext) requireInZone(zoneContext, domain, "the sending domain", "mailFrom's domain");
    const zone = zoneContext && importZone(this, zoneContext);
    // Always the sending domain: `Identity.publicHostedZone` would register the zone's name, a parent's too.
    const identity = new ses.EmailIdentity(this, "Identity", {
      identity: ses.Identity.domain(domain),
      dkimSigning: true,
      dkimIdentity: ses.DkimIdentity.easyDkim(ses.EasyDkimSigningKeyLength.RSA_2048_BIT),
      mailFromDomain: this.mailFromDomain,
      // If the MAIL FROM records go missing, SES falls back to its own domain rather than refusing to send.
      mailFromBehaviorOnMxFailure: ses.MailFromBehaviorOnMxFailure.USE_DEFAULT_VALUE,
      configurationSet: this.configurationSet,
    });
    const region = Stack.of(this).region;
    const mailFromMx = { priority: 10, hostName: `feedback-smtp.${region}.amazonses.com` };
    const spf = "v=spf1 include:amazonses.com ~all";
    if (zone) {
      // The ids, TTL and shapes `Identity.publicHostedZone` gave these records: a stage whose zone is its sending
      // domain keeps them as they are, and Route 53 refuses to create a record that another logical id still holds.
      identity.dkimRecords.forEach((record, index) => {
        new route53.CfnRecordSet(identity, `DkimDnsToken${index + 1}`, {
          hostedZoneId: zone.hostedZoneId,
          name: record.name,
          type: "CNAME",
          resourceRecords: [record.value],
          ttl: "1800",
        });
      });
      new route53.MxRecord(identity, "MailFromMxRecord", {
        zone,
        recordName: this.mailFromDomain,
        values: [mailFromMx],
      });
      new route53.TxtRecord(identity, "MailFromTxtRecord", { zone, recordName: this.mailFromDomain, values: [spf] });
      return identity;
    }
    const records: [string, string][] = identity.dkimRecords.map((record, index) => [
      `DkimRecord${index + 1}`,
      Fn.join(" ", [record.name, "CNAME", record.value]),
    ]);
    records.push(
      ["MailFromMxRecord", `${this.mailFromDomain} MX ${mailFromMx.priority} ${mailFromMx.hostName}`],
      ["MailFromTxtRecord", `${this.mailFromDomain} TXT "${spf}"`],
    );
    for (const [id, value] of records) {
      new CfnOutput(this, id, { value, description: "A DNS record for the sending domain (no hostedZone given)" });
    }
    return identity;
  }

  /**
   * Lets the function send as the desk through the configuration set, and gives it MAIL_FROM and SES_CONFIGURATION_SET.
   * Every sender finds the secretariat in SECRETARIAT_ADDRESS (the Reply-To of letters). With `toSecretariatOnly`
   * (a staff summary or reminder) it may send to that address only, which it also finds in SECRETARIAT_EMAIL. With `toStaffDomains`
   * (a wave's test copy) it may send to addresses in the staff mail domains only, which it finds in STAFF_MAIL_DOMAINS
   * (the api checks the same list first: 422).
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
    fn.function.addEnvironment("SECRETARIAT_ADDRESS", this.secretariatAddress);
    const conditions: Record<string, Record<string, unknown>> = {
      StringEquals: { "ses:FromAddress": this.mailFrom },
    };
    if (options.toSecretariatOnly) {
      // The name shared/config.ts reads for the staff summaries.
      fn.function.addEnvironment("SECRETARIAT_EMAIL", this.secretariatAddress);
      // Every recipient (To, Cc, Bcc) must be the secretariat.
      conditions["ForAllValues:StringEquals"] = { "ses:Recipients": [this.secretariatAddress] };
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
