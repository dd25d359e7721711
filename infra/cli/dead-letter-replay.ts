// `npm run ops -- replay`: runs again, synchronously, each failed run waiting in a stage's schedules and SES-events
// dead-letter queues, with the payload it was first given; a message is deleted only once its function succeeded.
import { InvokeCommand, type LambdaClient } from "@aws-sdk/client-lambda";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import * as z from "zod";

/**
 * What the dead-letter queues of the stateless stack hold, by the construct id their names carry (infra/): failed runs
 * replay reads, keys the redrive moves back, and stream batch pointers only a rebuild makes good.
 */
const DEAD_LETTER_KINDS = [
  { mark: "ScheduleDeadLetters", kind: "failed-runs" },
  { mark: "SesEventDeadLetters", kind: "failed-runs" },
  { mark: "SearchIndexerDeadLetters", kind: "stream-batches" },
  { mark: "WavesDeadLetters", kind: "wave-keys" },
] as const;

export type DeadLetterKind = (typeof DEAD_LETTER_KINDS)[number]["kind"];

export const kindOfQueue = (queueName: string): DeadLetterKind | undefined =>
  DEAD_LETTER_KINDS.find(({ mark }) => queueName.includes(mark))?.kind;

/** A run to do again: the function it was meant for, the payload it was given, and why it failed the first time. */
export interface FailedRun {
  functionArn: string;
  payload: string;
  /** Who sent it to the dead-letter queue. */
  from: "Lambda after its retries" | "EventBridge Scheduler" | "EventBridge rule";
  error: string;
}

const attribute = (message: Message, name: string) => message.MessageAttributes?.[name]?.StringValue;

/** Lambda's invocation record (an asynchronous run that failed after its retries, to an SQS on-failure destination). */
const invocationRecordSchema = z.object({
  requestContext: z.object({ functionArn: z.string(), condition: z.string().optional() }),
  requestPayload: z.unknown(),
  responsePayload: z.object({ errorMessage: z.string().optional() }).loose().optional(),
});

/**
 * The failed run a dead-letter message stands for, or why it cannot be told. Three shapes reach these queues:
 * - EventBridge rule target (SES events): the body is the event; RULE_ARN, TARGET_ARN, ERROR_CODE, ERROR_MESSAGE.
 * - EventBridge Scheduler target: the body is the target's input; SCHEDULE_ARN, TARGET_ARN, ERROR_CODE,
 *   ERROR_MESSAGE, IS_PAYLOAD_TRUNCATED (a truncated input cannot be replayed).
 * - Lambda's on-failure destination: the body is the invocation record, whose requestContext.functionArn names the
 *   function (qualified `:$LATEST`) and requestPayload is what it was given.
 */
function failedRunOf(message: Message): FailedRun | { why: string } {
  const body = message.Body ?? "";
  const targetArn = attribute(message, "TARGET_ARN");
  const error = [attribute(message, "ERROR_CODE"), attribute(message, "ERROR_MESSAGE")].filter(Boolean).join(": ");
  if (attribute(message, "RULE_ARN")) {
    return targetArn
      ? { functionArn: targetArn, payload: body, from: "EventBridge rule", error }
      : { why: "an EventBridge rule's dead letter without TARGET_ARN" };
  }
  if (attribute(message, "SCHEDULE_ARN")) {
    if (attribute(message, "IS_PAYLOAD_TRUNCATED") === "true") {
      return { why: `EventBridge Scheduler truncated the input of ${attribute(message, "SCHEDULE_ARN")}` };
    }
    return targetArn
      ? { functionArn: targetArn, payload: body, from: "EventBridge Scheduler", error }
      : { why: "a schedule's dead letter without TARGET_ARN" };
  }
  const record = invocationRecordSchema.safeParse(safeJson(body));
  // A record without its request payload has nothing to replay.
  if (!record.success || record.data.requestPayload === undefined) {
    return { why: "neither an EventBridge dead letter (RULE_ARN, SCHEDULE_ARN) nor a Lambda invocation record" };
  }
  const { requestContext, requestPayload, responsePayload } = record.data;
  return {
    functionArn: requestContext.functionArn,
    payload: JSON.stringify(requestPayload),
    from: "Lambda after its retries",
    error: [requestContext.condition, responsePayload?.errorMessage].filter(Boolean).join(": "),
  };
}

/** `arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]`, unqualified, and its name. */
function lambdaFunctionOf(arn: string): { arn: string; name: string } | undefined {
  const parts = arn.split(":");
  if (parts[2] !== "lambda" || parts[5] !== "function" || !parts[6]) return undefined;
  return { arn: parts.slice(0, 7).join(":"), name: parts[6] };
}

export type ReplayOutcome =
  | { outcome: "replayed"; messageId: string; functionName: string; from: FailedRun["from"] }
  | { outcome: "would-replay"; messageId: string; functionName: string; from: FailedRun["from"]; payload: string }
  | { outcome: "left"; messageId: string; why: string };

export interface ReplayClients {
  sqs: SQSClient;
  lambda: LambdaClient;
}

export interface ReplayOptions {
  queueUrl: string;
  /** Only functions whose name begins with this (the stage's stack name and a dash) are invoked. */
  functionPrefix: string;
  dryRun: boolean;
}

/**
 * Longer than any function of the desk may run (5 minutes at most; Lambda's own limit is 15): a message being replayed
 * is not received again meanwhile. A message left is made visible again when the queue is done.
 */
const REPLAY_VISIBILITY_SECONDS = 15 * 60;

/** Replays each message of one dead-letter queue in turn, until the queue has none left to give. */
export async function replayQueue(clients: ReplayClients, options: ReplayOptions): Promise<ReplayOutcome[]> {
  const outcomes: ReplayOutcome[] = [];
  // Each message not deleted, by id, with its newest receipt handle: handed back when the queue is done, however the
  // run ends (an invoke or a delete that throws ends it, and must not leave a message hidden for 15 minutes).
  const left = new Map<string, string>();
  try {
    for (;;) {
      const { Messages: [message] = [] } = await clients.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: options.queueUrl,
          MaxNumberOfMessages: 1,
          MessageAttributeNames: ["All"],
          VisibilityTimeout: REPLAY_VISIBILITY_SECONDS,
          // Long polling asks every SQS server, so an almost empty queue is not taken for an empty one.
          WaitTimeSeconds: 1,
        }),
      );
      if (!message?.ReceiptHandle) break;
      const messageId = message.MessageId ?? "";
      const back = left.has(messageId);
      left.set(messageId, message.ReceiptHandle);
      // A message back after its visibility timeout was left once already in this run: SQS takes only its newest handle.
      if (back) break;
      const outcome = await replayMessage(clients.lambda, message, messageId, options).catch(
        (error: unknown): ReplayOutcome => ({
          outcome: "left",
          messageId,
          why: `the invoke failed: ${error instanceof Error ? error.message : String(error)}`,
        }),
      );
      outcomes.push(outcome);
      if (outcome.outcome === "replayed") {
        await clients.sqs.send(
          new DeleteMessageCommand({ QueueUrl: options.queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
        left.delete(messageId);
      }
    }
  } finally {
    for (const receiptHandle of left.values()) {
      await clients.sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: options.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    }
  }
  return outcomes;
}

async function replayMessage(
  lambda: LambdaClient,
  message: Message,
  messageId: string,
  options: ReplayOptions,
): Promise<ReplayOutcome> {
  const run = failedRunOf(message);
  if ("why" in run) return { outcome: "left", messageId, why: run.why };
  const target = lambdaFunctionOf(run.functionArn);
  if (!target?.name.startsWith(options.functionPrefix)) {
    return {
      outcome: "left",
      messageId,
      why: `refused: ${run.functionArn} is not a function of this stage (its name must begin with ${options.functionPrefix})`,
    };
  }
  if (options.dryRun) {
    return { outcome: "would-replay", messageId, functionName: target.name, from: run.from, payload: run.payload };
  }
  const answer = await lambda.send(
    new InvokeCommand({
      FunctionName: target.arn,
      InvocationType: "RequestResponse",
      Payload: new TextEncoder().encode(run.payload),
    }),
  );
  if (answer.FunctionError) {
    const said = answer.Payload ? new TextDecoder().decode(answer.Payload) : "";
    return {
      outcome: "left",
      messageId,
      why: `${target.name} failed again (${answer.FunctionError}): ${errorMessageOf(said)}`,
    };
  }
  return { outcome: "replayed", messageId, functionName: target.name, from: run.from };
}

function errorMessageOf(payload: string): string {
  const parsed = z.object({ errorMessage: z.string() }).safeParse(safeJson(payload));
  return parsed.success ? parsed.data.errorMessage : payload;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** An e-mail address anywhere in a string, as SES writes them: bare, or in a header's `Name <address>`. */
const ADDRESS = /[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+/;
const MASK = "<address>";

/**
 * A payload as a dry run prints it, to a terminal or a CI log: an SES event names its recipients (mail.destination,
 * the bounced or complaining ones, the mail's headers), so each string that holds an address is masked whole, and a
 * display name beside the address goes with it. What the run is about (its wave, quarter or event type) stays.
 */
function addressesMasked(payload: string): string {
  const parsed = safeJson(payload);
  if (parsed === undefined) return payload.replace(new RegExp(ADDRESS, "g"), MASK);
  return JSON.stringify(parsed, (_, value: unknown) =>
    typeof value === "string" && ADDRESS.test(value) ? MASK : value,
  );
}

export function describeReplay(queue: string, outcome: ReplayOutcome): string {
  switch (outcome.outcome) {
    case "replayed":
      return `${queue} ${outcome.messageId}: replayed ${outcome.functionName} (from ${outcome.from}); deleted`;
    case "would-replay":
      return `${queue} ${outcome.messageId}: would replay ${outcome.functionName} (from ${outcome.from}) with ${addressesMasked(outcome.payload)}`;
    case "left":
      return `${queue} ${outcome.messageId}: left: ${outcome.why}`;
  }
}
