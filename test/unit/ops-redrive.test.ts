// `npm run ops -- redrive`: finds a stage's dead-letter queues by name, moves the wave queue's back to their source,
// counts and leaves the ones with no source queue, and says clearly how it is used (SQS mocked).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LambdaClient } from "@aws-sdk/client-lambda";
import {
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListQueuesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
} from "@aws-sdk/client-sqs";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { main, USAGE } from "../../infra/cli/ops.ts";

const sqs = mockClient(SQSClient);
// The stages' outputs files, as cdk deploy --outputs-file writes them: staging is in eu-west-3.
const stagesDir = mkdtempSync(path.join(tmpdir(), "ops-stages-"));
writeFileSync(
  path.join(stagesDir, "staging.json"),
  JSON.stringify({
    "Desk1540-staging-Stateless": {
      Region: "eu-west-3",
      UserPoolId: "eu-west-3_Desk",
      UserPoolClientId: "client",
      LoginDomainUrl: "https://desk1540-staging.auth.eu-west-3.amazoncognito.com",
      LoginRedirectUri: "http://localhost:15400/callback",
      ApiScope: "desk-1540/api",
    },
  }),
);
afterAll(() => {
  sqs.restore();
  rmSync(stagesDir, { recursive: true, force: true });
});
const base = "https://sqs.eu-west-1.amazonaws.com/123456789012";
const prefix = "Desk1540-staging-Stateless-";
const queues = {
  wave: `${prefix}WavesQueue1A2B-abc`,
  waveDeadLetters: `${prefix}WavesDeadLetters3C4D-def`,
  scheduleDeadLetters: `${prefix}ScheduleDeadLetters5E6F-ghi`,
  sesEventDeadLetters: `${prefix}WavesSesEventDeadLetters7A8B-jkl`,
};
const url = (name: string) => `${base}/${name}`;
const arn = (name: string) => `arn:aws:sqs:eu-west-1:123456789012:${name}`;

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const regions: string[] = [];
  const io = { log: (line: string) => out.push(line), error: (line: string) => err.push(line) };
  const code = main(
    argv,
    io,
    (region) => {
      regions.push(region);
      return { sqs: new SQSClient({ region }), lambda: new LambdaClient({ region }) };
    },
    { DESK_STAGES_DIR: stagesDir, AWS_REGION: "us-east-1" },
  );
  return code.then((exit) => ({ exit, out: out.join("\n"), err: err.join("\n"), regions }));
}

beforeEach(() => {
  sqs.reset();
  // SQS answers a prefix nothing matches with no QueueUrls at all.
  sqs.on(ListQueuesCommand).resolves({});
  sqs.on(ListQueuesCommand, { QueueNamePrefix: prefix }).resolves({ QueueUrls: Object.values(queues).map(url) });
  const waiting: Record<string, string> = {
    [queues.waveDeadLetters]: "7",
    [queues.scheduleDeadLetters]: "2",
    [queues.sesEventDeadLetters]: "0",
  };
  for (const [name, count] of Object.entries(waiting)) {
    sqs
      .on(GetQueueAttributesCommand, { QueueUrl: url(name) })
      .resolves({ Attributes: { QueueArn: arn(name), ApproximateNumberOfMessages: count } });
  }
  sqs.on(ListDeadLetterSourceQueuesCommand).resolves({ queueUrls: [] });
  sqs.on(ListDeadLetterSourceQueuesCommand, { QueueUrl: url(queues.waveDeadLetters) }).resolves({
    queueUrls: [url(queues.wave)],
  });
  sqs.on(StartMessageMoveTaskCommand).resolves({ TaskHandle: "task-1" });
});

describe("npm run ops -- redrive", () => {
  it("moves the wave dead-letter queue back to the wave queue, and counts and leaves the one with no source", async () => {
    const { exit, out } = await run(["redrive", "--stage", "staging", "--region", "eu-west-1"]);
    expect(exit).toBe(0);
    expect(out.split("\n")).toEqual([
      `${queues.scheduleDeadLetters}: 2 message(s) left: no SQS queue sends here: failed runs of functions, run ` +
        "again by npm run ops -- replay",
      `${queues.waveDeadLetters}: moving 7 message(s) back to ${queues.wave} (task task-1)`,
      `${queues.sesEventDeadLetters}: empty, nothing to move`,
      "1 of 3 dead-letter queue(s) redriving; SQS moves the messages in the background.",
    ]);
    // One move task, from the wave dead-letter queue, with no destination: SQS sends each message back to its source.
    expect(sqs.commandCalls(StartMessageMoveTaskCommand).map((call) => call.args[0].input)).toEqual([
      { SourceArn: arn(queues.waveDeadLetters) },
    ]);
    // The wave queue itself is not a dead-letter queue: never read.
    expect(sqs.commandCalls(GetQueueAttributesCommand).map((call) => call.args[0].input.QueueUrl)).not.toContain(
      url(queues.wave),
    );
  });

  it("finds the stage in the region of its outputs file, not the shell's default; --region wins", async () => {
    const fromFile = await run(["redrive", "--stage", "staging"]);
    expect(fromFile.regions).toEqual(["eu-west-3"]);
    const given = await run(["redrive", "--stage", "staging", "--region", "eu-west-1"]);
    expect(given.regions).toEqual(["eu-west-1"]);
  });

  it("asks for the outputs file or --region when the stage has no outputs file, calling nothing", async () => {
    const { exit, err } = await run(["redrive", "--stage", "prod"]);
    expect(exit).toBe(2);
    expect(err).toContain('No outputs for stage "prod"');
    expect(err).toContain("--region <region>");
    expect(sqs.calls()).toHaveLength(0);
  });

  it("redrives only the queues --queue names", async () => {
    const { exit, out } = await run(["redrive", "--stage", "staging", "--queue", "schedule"]);
    expect(exit).toBe(0);
    expect(out).toContain(queues.scheduleDeadLetters);
    expect(out).not.toContain(queues.waveDeadLetters);
    expect(sqs.commandCalls(StartMessageMoveTaskCommand)).toHaveLength(0);
  });

  it("says so, and fails, when the stage has no dead-letter queue under its prefix", async () => {
    const { exit, err } = await run(["redrive", "--stage", "prod", "--region", "eu-west-1"]);
    expect(exit).toBe(1);
    expect(err).toContain("No dead-letter queue found under Desk1540-prod-Stateless- in eu-west-1");
    expect(sqs.commandCalls(StartMessageMoveTaskCommand)).toHaveLength(0);
  });

  it("reports an SQS refusal as a failure", async () => {
    sqs.on(StartMessageMoveTaskCommand).rejects(new Error("AccessDenied: not allowed"));
    const { exit, err } = await run(["redrive", "--stage", "staging"]);
    expect(exit).toBe(1);
    expect(err).toContain("redrive failed: AccessDenied: not allowed");
  });
});

describe("npm run ops -- --help", () => {
  it("prints the usage, the command, every option and the permissions needed", async () => {
    const { exit, out } = await run(["--help"]);
    expect(exit).toBe(0);
    expect(out).toBe(USAGE);
    for (const word of ["redrive", "--stage", "--queue", "--region", "--prefix", "sqs:StartMessageMoveTask"]) {
      expect(out).toContain(word);
    }
  });

  it("refuses a missing stage, an unknown command or option with the usage and exit code 2, calling nothing", async () => {
    for (const argv of [["redrive"], ["drain", "--stage", "x"], ["redrive", "--stage", "x", "--force"], []]) {
      const { exit, err } = await run(argv);
      expect(exit, argv.join(" ")).toBe(2);
      expect(err, argv.join(" ")).toContain("Usage: npm run ops -- redrive");
    }
    expect(sqs.calls()).toHaveLength(0);
  });
});
