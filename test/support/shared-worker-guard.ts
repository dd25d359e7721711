// The unit and integration files run without isolation (vitest.config.ts, ADR 0045): a worker runs its files one after
// another in one process with one module graph. This setup file runs before each of them and fails the file that
// leaves behind what would reach the next one, naming it, rather than let a later file pass or fail by the order.
import { CognitoIdentityProviderClient } from "@aws-sdk/client-cognito-identity-provider";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { SESClient } from "@aws-sdk/client-ses";
import { SQSClient } from "@aws-sdk/client-sqs";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { afterAll, vi } from "vitest";
// Powertools sets AWS_SDK_UA_APP_ID when it is first imported, once per process: imported here, before the first
// reading, that is not counted against whichever file imports it first.
import "@aws-lambda-powertools/commons";
import { leftBehind, type WorkerState } from "./worker-state.ts";

// aws-sdk-client-mock's `mockClient(Class)` replaces `send` on the class's prototype, for every instance.
const CLIENT_CLASSES = {
  CognitoIdentityProviderClient,
  DynamoDBClient,
  DynamoDBDocumentClient,
  LambdaClient,
  SchedulerClient,
  SESClient,
  SQSClient,
};

const PROCESS_EVENTS = ["exit", "SIGINT", "SIGTERM", "uncaughtException", "unhandledRejection"] as const;

function workerState(): WorkerState {
  return {
    env: { ...process.env },
    fakeTimers: vi.isFakeTimers(),
    sends: Object.fromEntries(Object.entries(CLIENT_CLASSES).map(([name, Class]) => [name, Class.prototype.send])),
    listeners: Object.fromEntries(PROCESS_EVENTS.map((event) => [event, process.listenerCount(event)])),
  };
}

const before = workerState();

afterAll(() => {
  const left = leftBehind(before, workerState());
  if (left.length > 0) {
    throw new Error(
      `This file leaves behind what the next file in its worker would meet (ADR 0045): ${left.join("; ")}. Undo it in an afterAll or afterEach.`,
    );
  }
});
