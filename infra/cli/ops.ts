// `npm run ops -- redrive --stage <name>`: the operators' command for a deployed stage. It finds the stage's
// dead-letter queues by their name and moves what waits in each back to the queue it came from (SQS message move task).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import {
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from "@aws-sdk/client-sqs";
import { stackNameOf } from "../stage.ts";

export const USAGE = `Usage: npm run ops -- redrive --stage <name> [--queue <name>] [--region <region>] [--prefix <prefix>]

Commands:
  redrive   Move the messages waiting in each dead-letter queue of the stage back to the SQS queue they came from.
            Today that is the wave queue: keys of letters still queued in the ledger, sent once each (the claim).
            The other dead-letter queues hold failed Lambda runs and events (schedules, SES events): they have no
            source queue, so their messages are counted and left; docs/operations.md says how to replay them.

Options:
  --stage <name>     The stage deployed with -c stage=<name> (required).
  --queue <name>     Only the dead-letter queues whose name contains this (e.g. WavesDeadLetters).
  --region <region>  The stage's region (default: AWS_REGION, else AWS_DEFAULT_REGION).
  --prefix <prefix>  The stage's queue name prefix (default: Desk1540-<stage>-Stateless-). CloudFormation names each queue
                     <stack name>-<logical id>-<suffix>, so the prefix is the stateless stack's name.
  -h, --help         This text.

Credentials come from the usual AWS chain (AWS_PROFILE, environment, SSO). The caller needs sqs:ListQueues,
sqs:GetQueueAttributes, sqs:ListDeadLetterSourceQueues and sqs:StartMessageMoveTask, and on the queues involved
sqs:ReceiveMessage, sqs:DeleteMessage (dead-letter queue) and sqs:SendMessage (source queue).`;

/** The construct ids of every dead-letter queue in infra/ end this way, so CloudFormation's names carry it. */
const DEAD_LETTER_MARK = "DeadLetters";

/** CloudFormation names a queue `<stack name>-<logical id>-<suffix>`; every dead-letter queue is in the stateless stack. */
export const stageQueuePrefix = (stage: string) => `${stackNameOf({ name: stage }, "Stateless")}-`;

export interface RedriveOptions {
  stage: string;
  /** Only dead-letter queues whose name contains this. */
  queue?: string | undefined;
  prefix?: string | undefined;
}

export type QueueOutcome =
  | { queue: string; outcome: "empty" }
  | { queue: string; outcome: "moving"; messages: number; to: string[]; taskHandle: string }
  | { queue: string; outcome: "left"; messages: number; why: string };

const queueName = (url: string) => url.slice(url.lastIndexOf("/") + 1);

async function stageQueues(client: SQSClient, prefix: string): Promise<string[]> {
  const urls: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListQueuesCommand({ QueueNamePrefix: prefix, MaxResults: 1000, NextToken: token }),
    );
    urls.push(...(page.QueueUrls ?? []));
    token = page.NextToken;
  } while (token);
  return urls;
}

/** Each dead-letter queue of the stage, in name order, with what was done about its messages. */
export async function redrive(client: SQSClient, options: RedriveOptions): Promise<QueueOutcome[]> {
  const prefix = options.prefix ?? stageQueuePrefix(options.stage);
  const wanted = options.queue?.toLowerCase();
  const deadLetters = (await stageQueues(client, prefix))
    .filter((url) => queueName(url).includes(DEAD_LETTER_MARK))
    .filter((url) => wanted === undefined || queueName(url).toLowerCase().includes(wanted))
    .sort((a, b) => queueName(a).localeCompare(queueName(b)));
  const outcomes: QueueOutcome[] = [];
  for (const url of deadLetters) {
    const queue = queueName(url);
    const { Attributes: attributes = {} } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["QueueArn", "ApproximateNumberOfMessages"] }),
    );
    const messages = Number(attributes.ApproximateNumberOfMessages ?? 0);
    if (messages === 0) {
      outcomes.push({ queue, outcome: "empty" });
      continue;
    }
    const sources = (await client.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: url }))).queueUrls ?? [];
    if (sources.length === 0) {
      outcomes.push({
        queue,
        outcome: "left",
        messages,
        why: "no SQS queue sends here (failed Lambda runs or events): replay them as docs/operations.md says",
      });
      continue;
    }
    // Without a destination, SQS moves each message back to the queue it was dead-lettered from.
    const task = await client.send(new StartMessageMoveTaskCommand({ SourceArn: attributes.QueueArn }));
    outcomes.push({
      queue,
      outcome: "moving",
      messages,
      to: sources.map(queueName),
      taskHandle: task.TaskHandle ?? "",
    });
  }
  return outcomes;
}

export function describeOutcome(outcome: QueueOutcome): string {
  switch (outcome.outcome) {
    case "empty":
      return `${outcome.queue}: empty, nothing to move`;
    case "moving":
      return `${outcome.queue}: moving ${outcome.messages} message(s) back to ${outcome.to.join(", ")} (task ${outcome.taskHandle})`;
    case "left":
      return `${outcome.queue}: ${outcome.messages} message(s) left: ${outcome.why}`;
  }
}

export interface Console {
  log(line: string): void;
  error(line: string): void;
}

/** Runs the command line; answers the exit code (0 done, 1 failed or nothing found, 2 a usage error). */
export async function main(
  argv: readonly string[],
  io: Console = console,
  clientFor: (region: string | undefined) => SQSClient = (region) => new SQSClient(region ? { region } : {}),
): Promise<number> {
  let parsed: ReturnType<typeof parseOps>;
  try {
    parsed = parseOps(argv);
  } catch (error) {
    io.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || positionals[0] !== "redrive") {
    io.error(`${positionals.length ? `Unknown command: ${positionals.join(" ")}` : "No command given"}\n\n${USAGE}`);
    return 2;
  }
  if (!values.stage) {
    io.error(`--stage is required\n\n${USAGE}`);
    return 2;
  }
  const prefix = values.prefix ?? stageQueuePrefix(values.stage);
  const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  try {
    const outcomes = await redrive(clientFor(region), { stage: values.stage, queue: values.queue, prefix });
    if (outcomes.length === 0) {
      io.error(
        `No dead-letter queue found under ${prefix}${values.queue ? ` matching ${values.queue}` : ""}` +
          ` in ${region ?? "the default region"}: is the stage deployed there, and is that its stack's prefix?`,
      );
      return 1;
    }
    for (const outcome of outcomes) io.log(describeOutcome(outcome));
    const moving = outcomes.filter((outcome) => outcome.outcome === "moving").length;
    io.log(`${moving} of ${outcomes.length} dead-letter queue(s) redriving; SQS moves the messages in the background.`);
    return 0;
  } catch (error) {
    io.error(`redrive failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

function parseOps(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      stage: { type: "string" },
      queue: { type: "string" },
      region: { type: "string" },
      prefix: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
