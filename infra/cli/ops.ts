// `npm run ops -- redrive|replay --stage <name>`: the operators' commands for a deployed stage's dead-letter queues,
// found by their name. redrive moves the wave queue's dead letters back to it (SQS message move task); replay runs
// again the failed runs kept in the schedules' and SES events' queues (infra/cli/dead-letter-replay.ts).
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { LambdaClient } from "@aws-sdk/client-lambda";
import {
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from "@aws-sdk/client-sqs";
import { stackNameOf } from "../stage.ts";
import {
  type DeadLetterKind,
  describeReplay,
  kindOfQueue,
  type ReplayClients,
  type ReplayOutcome,
  replayQueue,
} from "./dead-letter-replay.ts";
import { readStageConfig } from "./stage-config.ts";

export const USAGE = `Usage: npm run ops -- redrive --stage <name> [--queue <name>] [--region <region>] [--prefix <prefix>]
       npm run ops -- replay --stage <name> [--queue <name>] [--dry-run] [--region <region>] [--prefix <prefix>]

Commands:
  redrive   Move the messages waiting in each dead-letter queue of the stage back to the SQS queue they came from.
            Today that is the wave queue: keys of letters still queued in the ledger, sent once each (the claim).
            The other dead-letter queues have no source queue: their messages are counted and left (replay them).
  replay    Run again each failed run waiting in the schedules' and the SES events' dead-letter queues: the function
            it was meant for (a Lambda invocation record's function, or the schedule's or rule's target) is invoked
            synchronously with the payload it was first given. A message is deleted only when the function succeeds;
            one that fails again, or names a function not of this stage, is left and reported. Safe because every
            target is idempotent: a report or snapshot is stored and mailed once, a reminder mailed once per deadline,
            a dispatch queues nothing twice, an SES event applied twice changes nothing. The search index's dead
            letters are stream positions, not runs: replay says so; rebuild the index (npm run search:rebuild).

Options:
  --stage <name>     The stage deployed with -c stage=<name> (required).
  --queue <name>     Only the dead-letter queues whose name contains this (e.g. ScheduleDeadLetters).
  --dry-run          replay only: say what would be invoked, with which payload; invoke and delete nothing.
  --region <region>  The stage's region (default: the Region output in stages/<stage>.json, written by cdk deploy).
  --prefix <prefix>  The stage's resource name prefix (default: Desk1540-<stage>-Stateless-). CloudFormation names each
                     queue and function <stack name>-<logical id>-<suffix>, so the prefix is the stateless stack's name;
                     replay invokes no function whose name does not begin with it.
  -h, --help         This text.

Credentials come from the usual AWS chain (AWS_PROFILE, environment, SSO). Both commands need sqs:ListQueues and
sqs:GetQueueAttributes; redrive sqs:ListDeadLetterSourceQueues and sqs:StartMessageMoveTask, and on the queues
involved sqs:ReceiveMessage, sqs:DeleteMessage (dead-letter queue) and sqs:SendMessage (source queue); replay
sqs:ReceiveMessage, sqs:DeleteMessage and sqs:ChangeMessageVisibility on the dead-letter queues and
lambda:InvokeFunction on the stage's functions.`;

/** The construct ids of every dead-letter queue in infra/ end this way, so CloudFormation's names carry it. */
const DEAD_LETTER_MARK = "DeadLetters";

/** CloudFormation names a queue `<stack name>-<logical id>-<suffix>`; every dead-letter queue is in the stateless stack. */
export const stagePrefix = (stage: string) => `${stackNameOf({ name: stage }, "Stateless")}-`;

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

/** The stage's dead-letter queues (those `--queue` names, if given), in name order. */
async function deadLetterQueues(client: SQSClient, options: RedriveOptions): Promise<string[]> {
  const wanted = options.queue?.toLowerCase();
  return (await stageQueues(client, options.prefix ?? stagePrefix(options.stage)))
    .filter((url) => queueName(url).includes(DEAD_LETTER_MARK))
    .filter((url) => wanted === undefined || queueName(url).toLowerCase().includes(wanted))
    .sort((a, b) => queueName(a).localeCompare(queueName(b)));
}

/** Each dead-letter queue of the stage, in name order, with what was done about its messages. */
export async function redrive(client: SQSClient, options: RedriveOptions): Promise<QueueOutcome[]> {
  const deadLetters = await deadLetterQueues(client, options);
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
        why: `no SQS queue sends here: ${whyNotRedriven(kindOfQueue(queue) ?? "unknown")}`,
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

/** Why replay leaves a dead-letter queue alone, by what it holds. */
const NOT_REPLAYED: Record<Exclude<DeadLetterKind, "failed-runs"> | "unknown", string> = {
  "stream-batches":
    "the search indexer's dead letters point at batches of the desk table's stream, which cannot be run again: " +
    "rebuild the index (DESK_TABLE=<deskTableName> npm run search:rebuild)",
  "wave-keys": "keys of the wave queue, moved back by npm run ops -- redrive",
  unknown: "not a dead-letter queue replay knows",
};

const whyNotRedriven = (kind: DeadLetterKind | "unknown") =>
  kind === "failed-runs" ? "failed runs of functions, run again by npm run ops -- replay" : NOT_REPLAYED[kind];

export type ReplayReport =
  | { queue: string; outcome: "replayed"; messages: ReplayOutcome[] }
  | { queue: string; outcome: "not-replayed"; messages: number; why: string };

/** Each dead-letter queue of the stage, in name order: its failed runs replayed, or why it was left alone. */
export async function replay(
  clients: ReplayClients,
  options: RedriveOptions & { dryRun: boolean },
): Promise<ReplayReport[]> {
  const functionPrefix = options.prefix ?? stagePrefix(options.stage);
  const reports: ReplayReport[] = [];
  for (const url of await deadLetterQueues(clients.sqs, options)) {
    const queue = queueName(url);
    const kind = kindOfQueue(queue) ?? "unknown";
    if (kind === "failed-runs") {
      const messages = await replayQueue(clients, { queueUrl: url, functionPrefix, dryRun: options.dryRun });
      reports.push({ queue, outcome: "replayed", messages });
      continue;
    }
    const { Attributes: attributes = {} } = await clients.sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ["ApproximateNumberOfMessages"] }),
    );
    const messages = Number(attributes.ApproximateNumberOfMessages ?? 0);
    reports.push({ queue, outcome: "not-replayed", messages, why: NOT_REPLAYED[kind] });
  }
  return reports;
}

function describeReport(report: ReplayReport): string[] {
  if (report.outcome === "not-replayed") {
    return [
      `${report.queue}: ${report.messages ? `${report.messages} message(s), not replayed: ${report.why}` : "empty"}`,
    ];
  }
  if (report.messages.length === 0) return [`${report.queue}: empty`];
  return report.messages.map((outcome) => describeReplay(report.queue, outcome));
}

export interface Console {
  log(line: string): void;
  error(line: string): void;
}

const awsClients = (region: string): ReplayClients => ({
  sqs: new SQSClient({ region }),
  lambda: new LambdaClient({ region }),
});

/** Runs the command line; answers the exit code (0 done, 1 failed, left or nothing found, 2 a usage error). */
export async function main(
  argv: readonly string[],
  io: Console = console,
  clientsFor: (region: string) => ReplayClients = awsClients,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let parsed: ReturnType<typeof parseOps>;
  try {
    parsed = parseOps(argv);
  } catch (error) {
    io.error(`${messageOf(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.log(USAGE);
    return 0;
  }
  const [command, ...extra] = positionals;
  if ((command !== "redrive" && command !== "replay") || extra.length > 0) {
    io.error(`${positionals.length ? `Unknown command: ${positionals.join(" ")}` : "No command given"}\n\n${USAGE}`);
    return 2;
  }
  if (!values.stage) {
    io.error(`--stage is required\n\n${USAGE}`);
    return 2;
  }
  if (values["dry-run"] && command !== "replay") {
    io.error(`--dry-run goes with replay only\n\n${USAGE}`);
    return 2;
  }
  let region: string;
  try {
    region = values.region ?? (await readStageConfig(values.stage, env)).region;
  } catch (error) {
    io.error(`${messageOf(error)}\nOr give the stage's region: --region <region>`);
    return 2;
  }
  const prefix = values.prefix ?? stagePrefix(values.stage);
  const options = { stage: values.stage, queue: values.queue, prefix };
  const notFound = () =>
    io.error(
      `No dead-letter queue found under ${prefix}${values.queue ? ` matching ${values.queue}` : ""} in ${region}: ` +
        "is the stage deployed there, and is that its stack's prefix?",
    );
  const clients = clientsFor(region);
  try {
    if (command === "redrive") {
      const outcomes = await redrive(clients.sqs, options);
      if (outcomes.length === 0) {
        notFound();
        return 1;
      }
      for (const outcome of outcomes) io.log(describeOutcome(outcome));
      const moving = outcomes.filter((outcome) => outcome.outcome === "moving").length;
      io.log(
        `${moving} of ${outcomes.length} dead-letter queue(s) redriving; SQS moves the messages in the background.`,
      );
      return 0;
    }
    const dryRun = values["dry-run"] ?? false;
    const reports = await replay(clients, { ...options, dryRun });
    if (reports.length === 0) {
      notFound();
      return 1;
    }
    for (const report of reports) for (const line of describeReport(report)) io.log(line);
    const outcomes = reports.flatMap((report) => (report.outcome === "replayed" ? report.messages : []));
    const count = (what: ReplayOutcome["outcome"]) => outcomes.filter((outcome) => outcome.outcome === what).length;
    const left = count("left") + reports.reduce((sum, r) => sum + (r.outcome === "not-replayed" ? r.messages : 0), 0);
    io.log(
      dryRun
        ? `Dry run: ${count("would-replay")} would be replayed, ${left} left; nothing was invoked or deleted.`
        : `${count("replayed")} replayed and deleted, ${left} left.`,
    );
    return left > 0 ? 1 : 0;
  } catch (error) {
    io.error(`${command} failed: ${messageOf(error)}`);
    return 1;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
