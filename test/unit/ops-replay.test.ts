// `npm run ops -- replay`: each of the three shapes of failed run in the schedules' and SES events' dead-letter queues
// is run again with its first payload; only a success deletes the message; a function not of the stage is never
// invoked; a dry run changes nothing; the search index's dead letters point to a rebuild (SQS and Lambda mocked).
import { InvokeCommand, LambdaClient } from "@aws-sdk/client-lambda";
import {
  ChangeMessageVisibilityCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ListQueuesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { main, USAGE } from "../../infra/cli/ops.ts";

const sqs = mockClient(SQSClient);
const lambda = mockClient(LambdaClient);
afterAll(() => {
  sqs.restore();
  lambda.restore();
});

const base = "https://sqs.eu-west-1.amazonaws.com/123456789012";
const prefix = "Desk1540-staging-Stateless-";
const queues = {
  schedules: `${base}/${prefix}ScheduleDeadLetters0406ECBC-abc`,
  sesEvents: `${base}/${prefix}WavesSesEventDeadLettersD3B02E90-def`,
  search: `${base}/${prefix}SearchIndexerDeadLetters79DF4BD4-ghi`,
};
const fn = (name: string) => `arn:aws:lambda:eu-west-1:123456789012:function:${name}`;
const snapshot = `${prefix}SnapshotFunctionDEDBAA53-AbCdEf`;
const dispatch = `${prefix}WavesDispatchFunction7F465-GhIjKl`;
const sesEvents = `${prefix}WavesSesEventsFunction0E445-MnOpQr`;
/** What Lambda answers: its payload as the SDK hands it over (bytes that can also say themselves as text). */
const answer = (text: string) => Object.assign(new TextEncoder().encode(text), { transformToString: () => text });
const strings = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, { DataType: "String", StringValue: value }]));

/** (a) Lambda's invocation record: the snapshot run failed after its two retries. */
const lambdaRecord: Message = {
  MessageId: "m-record",
  ReceiptHandle: "r-record",
  Body: JSON.stringify({
    version: "1.0",
    timestamp: "2026-10-01T10:00:05.000Z",
    requestContext: {
      requestId: "c2a6f2ae",
      functionArn: `${fn(snapshot)}:$LATEST`,
      condition: "RetriesExhausted",
      approximateInvokeCount: 3,
    },
    requestPayload: { quarter: "2026-Q3" },
    responseContext: { statusCode: 200, executedVersion: "$LATEST", functionError: "Unhandled" },
    responsePayload: { errorType: "Error", errorMessage: "table throttled" },
  }),
};
/** (b) EventBridge Scheduler's dead letter: the body is the target's input. */
const scheduleLetter: Message = {
  MessageId: "m-schedule",
  ReceiptHandle: "r-schedule",
  Body: '{"waveId":"wave-1"}',
  MessageAttributes: strings({
    SCHEDULE_ARN: "arn:aws:scheduler:eu-west-1:123456789012:schedule/WavesSchedules/wave-wave-1",
    TARGET_ARN: fn(dispatch),
    ERROR_CODE: "Lambda.TooManyRequestsException",
    ERROR_MESSAGE: "Rate exceeded",
    IS_PAYLOAD_TRUNCATED: "false",
  }),
};
/** (c) An EventBridge rule's dead letter: the body is the SES event. */
const sesEvent = { "detail-type": "Email Bounced", source: "aws.ses", detail: { eventType: "Bounce" } };
const ruleLetter: Message = {
  MessageId: "m-rule",
  ReceiptHandle: "r-rule",
  Body: JSON.stringify(sesEvent),
  MessageAttributes: strings({
    RULE_ARN: "arn:aws:events:eu-west-1:123456789012:rule/Desk1540-staging-Stateless-WavesSesEventsRule",
    TARGET_ARN: fn(sesEvents),
    ERROR_CODE: "Lambda.ServiceException",
    ERROR_MESSAGE: "unavailable",
  }),
};

function waiting(url: string, messages: Message[]) {
  let chain = sqs.on(ReceiveMessageCommand, { QueueUrl: url });
  for (const message of messages) chain = chain.resolvesOnce({ Messages: [message] });
  chain.resolves({});
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const exit = await main(
    argv,
    { log: (line) => out.push(line), error: (line) => err.push(line) },
    (region) => ({ sqs: new SQSClient({ region }), lambda: new LambdaClient({ region }) }),
    {},
  );
  return { exit, out: out.join("\n"), err: err.join("\n") };
}

const invoked = () =>
  lambda.commandCalls(InvokeCommand).map(({ args: [command] }) => ({
    function: command.input.FunctionName,
    type: command.input.InvocationType,
    payload: JSON.parse(
      command.input.Payload instanceof Uint8Array
        ? new TextDecoder().decode(command.input.Payload)
        : String(command.input.Payload),
    ),
  }));
const deleted = () => sqs.commandCalls(DeleteMessageCommand).map(({ args: [command] }) => command.input.ReceiptHandle);
const madeVisible = () =>
  sqs.commandCalls(ChangeMessageVisibilityCommand).map(({ args: [command] }) => command.input.ReceiptHandle);

beforeEach(() => {
  sqs.reset();
  lambda.reset();
  sqs.on(ListQueuesCommand).resolves({ QueueUrls: Object.values(queues) });
  sqs.on(GetQueueAttributesCommand).resolves({ Attributes: { ApproximateNumberOfMessages: "0" } });
  waiting(queues.schedules, [lambdaRecord, scheduleLetter]);
  waiting(queues.sesEvents, [ruleLetter]);
  lambda.on(InvokeCommand).resolves({ StatusCode: 200, Payload: answer("null") });
});

const replayStaging = ["replay", "--stage", "staging", "--region", "eu-west-1"];

describe("npm run ops -- replay", () => {
  it("invokes, synchronously, the function of each of the three shapes with its first payload, and deletes them", async () => {
    const { exit, out } = await run(replayStaging);
    expect(exit).toBe(0);
    expect(invoked()).toEqual([
      { function: fn(snapshot), type: "RequestResponse", payload: { quarter: "2026-Q3" } },
      { function: fn(dispatch), type: "RequestResponse", payload: { waveId: "wave-1" } },
      { function: fn(sesEvents), type: "RequestResponse", payload: sesEvent },
    ]);
    expect(deleted()).toEqual(["r-record", "r-schedule", "r-rule"]);
    expect(madeVisible()).toEqual([]);
    expect(out).toContain(`replayed ${snapshot} (from Lambda after its retries); deleted`);
    expect(out).toContain(`replayed ${dispatch} (from EventBridge Scheduler); deleted`);
    expect(out).toContain(`replayed ${sesEvents} (from EventBridge rule); deleted`);
    expect(out).toContain("3 replayed and deleted, 0 left.");
  });

  it("keeps a message whose function fails again, says why, and makes it visible again", async () => {
    lambda.on(InvokeCommand, { FunctionName: fn(dispatch) }).resolves({
      StatusCode: 200,
      FunctionError: "Unhandled",
      Payload: answer(JSON.stringify({ errorType: "Error", errorMessage: "wave-1 not found" })),
    });
    const { exit, out } = await run(replayStaging);
    expect(exit).toBe(1);
    expect(deleted()).toEqual(["r-record", "r-rule"]);
    expect(madeVisible()).toEqual(["r-schedule"]);
    expect(out).toContain(`m-schedule: left: ${dispatch} failed again (Unhandled): wave-1 not found`);
    expect(out).toContain("2 replayed and deleted, 1 left.");
  });

  it("keeps a message whose invoke throws (no permission, say), makes it visible again, and goes on", async () => {
    lambda.on(InvokeCommand, { FunctionName: fn(dispatch) }).rejects(new Error("AccessDenied"));
    const { exit, out } = await run(replayStaging);
    expect(exit).toBe(1);
    expect(deleted()).toEqual(["r-record", "r-rule"]);
    expect(madeVisible()).toEqual(["r-schedule"]);
    expect(out).toContain("m-schedule: left: the invoke failed: AccessDenied");
  });

  it("refuses a function that is not of the stage: never invoked, the message kept", async () => {
    const foreign = `Desk1540-prod-Stateless-WavesDispatchFunction7F465-XyZ`;
    waiting(queues.schedules, [
      {
        ...scheduleLetter,
        MessageAttributes: { ...scheduleLetter.MessageAttributes, ...strings({ TARGET_ARN: fn(foreign) }) },
      },
    ]);
    const { exit, out } = await run([...replayStaging, "--queue", "ScheduleDeadLetters"]);
    expect(exit).toBe(1);
    expect(invoked()).toEqual([]);
    expect(deleted()).toEqual([]);
    expect(madeVisible()).toEqual(["r-schedule"]);
    expect(out).toContain(
      `refused: ${fn(foreign)} is not a function of this stage (its name must begin with ${prefix})`,
    );
  });

  it("leaves what it cannot read back to a run: a truncated schedule input, an unknown body", async () => {
    const truncated = {
      ...scheduleLetter,
      MessageAttributes: { ...scheduleLetter.MessageAttributes, ...strings({ IS_PAYLOAD_TRUNCATED: "true" }) },
    };
    waiting(queues.schedules, [truncated, { MessageId: "m-odd", ReceiptHandle: "r-odd", Body: "not json" }]);
    const { exit, out } = await run([...replayStaging, "--queue", "schedule"]);
    expect(exit).toBe(1);
    expect(invoked()).toEqual([]);
    expect(madeVisible()).toEqual(["r-schedule", "r-odd"]);
    expect(out).toContain("m-schedule: left: EventBridge Scheduler truncated the input");
    expect(out).toContain("m-odd: left: neither an EventBridge dead letter");
  });

  it("with --dry-run says what it would invoke and with what, invoking and deleting nothing", async () => {
    const { exit, out } = await run([...replayStaging, "--dry-run"]);
    expect(exit).toBe(0);
    expect(invoked()).toEqual([]);
    expect(deleted()).toEqual([]);
    expect(madeVisible()).toEqual(["r-record", "r-schedule", "r-rule"]);
    expect(out).toContain(`would replay ${snapshot} (from Lambda after its retries) with {"quarter":"2026-Q3"}`);
    expect(out).toContain("Dry run: 3 would be replayed, 0 left; nothing was invoked or deleted.");
  });

  it("with --dry-run masks the addresses an SES event names, in its recipients and headers alike", async () => {
    const bounce = {
      "detail-type": "Email Bounced",
      source: "aws.ses",
      detail: {
        eventType: "Bounce",
        bounce: { bounceType: "Permanent", bouncedRecipients: [{ emailAddress: "focal.point@mfa.example.org" }] },
        mail: {
          source: "desk@1540.example.org",
          destination: ["focal.point@mfa.example.org"],
          headers: [{ name: "To", value: "Ana Focal <focal.point@mfa.example.org>" }],
          tags: { waveId: ["wave-1"] },
        },
      },
    };
    waiting(queues.sesEvents, [{ ...ruleLetter, Body: JSON.stringify(bounce) }]);
    const { exit, out } = await run([...replayStaging, "--queue", "SesEventDeadLetters", "--dry-run"]);
    expect(exit).toBe(0);
    expect(invoked()).toEqual([]);
    expect(out).toContain(`would replay ${sesEvents} (from EventBridge rule) with {"detail-type":"Email Bounced"`);
    expect(out).toContain('"destination":["<address>"]');
    expect(out).toContain('"waveId":["wave-1"]');
    expect(out).not.toContain("@");
    expect(out).not.toContain("Ana Focal");
  });

  it("does not read the search index's dead letters: it points to the rebuild", async () => {
    sqs.on(GetQueueAttributesCommand, { QueueUrl: queues.search }).resolves({
      Attributes: { ApproximateNumberOfMessages: "2" },
    });
    const { exit, out } = await run([...replayStaging, "--queue", "SearchIndexer"]);
    expect(exit).toBe(1);
    expect(sqs.commandCalls(ReceiveMessageCommand)).toEqual([]);
    expect(out).toContain("2 message(s), not replayed: the search indexer's dead letters point at batches");
    expect(out).toContain("npm run search:rebuild");
  });

  it("is in the usage, with --dry-run and why a replay is safe", async () => {
    const { exit, out } = await run(["--help"]);
    expect(exit).toBe(0);
    expect(out).toBe(USAGE);
    for (const word of ["replay", "--dry-run", "idempotent", "lambda:InvokeFunction", "search:rebuild"]) {
      expect(out).toContain(word);
    }
    const misuse = await run(["redrive", "--stage", "staging", "--region", "eu-west-1", "--dry-run"]);
    expect(misuse.exit).toBe(2);
    expect(sqs.calls()).toHaveLength(0);
  });
});
