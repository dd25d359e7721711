// What SES reports of a letter, made locally: the SES emulator delivers nothing back, so `npm run fire -- ses-events`
// builds the event SES would publish through the configuration set and EventBridge for a letter the local stack sent,
// and hands it to the ses-events function, which applies it as on AWS (the ledger, the contact's address, the wave's
// bounce guard). A tester can so see a bounce or a complaint without AWS.
import { randomUUID } from "node:crypto";
import type { Logger } from "@aws-lambda-powertools/logger";
import type { DeskConfig } from "../../shared/config.ts";
import type { Message } from "../../shared/correspondence/schemas.ts";
import type { SesEvent } from "../../shared/correspondence/ses-events.ts";

const SIMULATED_OUTCOMES = ["delivery", "bounce", "soft-bounce", "complaint"] as const;
type SimulatedOutcome = (typeof SIMULATED_OUTCOMES)[number];

const DETAIL_TYPES = {
  delivery: "Email Delivered",
  bounce: "Email Bounced",
  "soft-bounce": "Email Bounced",
  complaint: "Email Complaint Received",
} as const satisfies Record<SimulatedOutcome, SesEvent["detail-type"]>;

/** The EventBridge event SES would publish for `message` (a letter it accepted), as of `now`. */
function simulatedSesEvent(
  message: Pick<Message, "waveId" | "recipient" | "email" | "sesMessageId">,
  outcome: SimulatedOutcome,
  now: Date,
): SesEvent {
  const at = now.toISOString();
  const email = message.email ?? "";
  const mail = {
    messageId: message.sesMessageId ?? "",
    timestamp: at,
    destination: [email],
    // The tags the sender sets (shared/correspondence/send.ts): how the event finds its ledger row.
    tags: { wave: [message.waveId], message: [message.recipient] },
  };
  const detail: SesEvent["detail"] =
    outcome === "delivery"
      ? { eventType: "Delivery", mail, delivery: { timestamp: at, smtpResponse: "250 2.0.0 OK (simulated)" } }
      : outcome === "complaint"
        ? {
            eventType: "Complaint",
            mail,
            complaint: {
              complainedRecipients: [{ emailAddress: email }],
              timestamp: at,
              complaintFeedbackType: "abuse",
            },
          }
        : {
            eventType: "Bounce",
            mail,
            bounce: {
              bounceType: outcome === "bounce" ? "Permanent" : "Transient",
              bounceSubType: outcome === "bounce" ? "General" : "MailboxFull",
              bouncedRecipients: [
                {
                  emailAddress: email,
                  status: outcome === "bounce" ? "5.1.1" : "4.2.2",
                  diagnosticCode:
                    outcome === "bounce" ? "smtp; 550 5.1.1 user unknown (simulated)" : "mailbox full (simulated)",
                },
              ],
              timestamp: at,
            },
          };
  return { id: randomUUID(), source: "aws.ses", "detail-type": DETAIL_TYPES[outcome], time: at, detail };
}

/** The input of `npm run fire -- ses-events '{"waveId":…,"recipient":…,"outcome":"bounce"}'`, checked. */
function simulatedEventInput(input: Record<string, unknown>): {
  waveId: string;
  recipient: string;
  outcome: SimulatedOutcome;
} {
  const { waveId, recipient, outcome } = input;
  if (typeof waveId !== "string" || typeof recipient !== "string" || !SIMULATED_OUTCOMES.includes(outcome as never)) {
    throw new Error(
      `ses-events takes {"waveId":"<wave id>","recipient":"<the letter's recipient, as the wave's letters list it>",` +
        `"outcome":"${SIMULATED_OUTCOMES.join('" | "')}"}`,
    );
  }
  return { waveId, recipient, outcome: outcome as SimulatedOutcome };
}

/** Reads the letter from the stack's ledger and hands SES's event for it to the ses-events function. */
export async function fireSimulatedSesEvent(
  config: DeskConfig,
  logger: Logger,
  input: Record<string, unknown>,
): Promise<unknown> {
  const { waveId, recipient, outcome } = simulatedEventInput(input);
  const [{ systemClock }, { ledgerRepository }, { createDocumentClient, createDynamoClient }, { sesEventsHandlerFor }] =
    await Promise.all([
      import("../../shared/clock.ts"),
      import("../../shared/correspondence/ledger.ts"),
      import("../../shared/dynamo/client.ts"),
      import("../../functions/ses-events/bound.ts"),
    ]);
  const doc = createDocumentClient(createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint }));
  const message = await ledgerRepository(doc, config.tableNames, systemClock).get({ waveId, recipient });
  if (!message) throw new Error(`Wave ${waveId} has no letter to ${recipient}`);
  if (!message.sesMessageId) {
    throw new Error(`The letter to ${recipient} is ${message.status}: SES reports only on a letter it accepted`);
  }
  return sesEventsHandlerFor(config, logger)(simulatedSesEvent(message, outcome, new Date()));
}
