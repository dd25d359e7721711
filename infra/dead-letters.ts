// Where work that could not be done waits for an operator: dead-letter queues, and the failed asynchronous runs sent to them.
import { Duration } from "aws-cdk-lib";
import * as destinations from "aws-cdk-lib/aws-lambda-destinations";
import * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import type { DeskFunction } from "./desk-function.ts";

/** Every queue of the desk: SQS-managed encryption, TLS only. */
export const secureQueueProps = { encryption: sqs.QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;

/** A dead-letter queue keeping what failed for 14 days (SQS's longest), time enough for an operator to look. */
export function deadLetterQueue(scope: Construct, id: string): sqs.Queue {
  return new sqs.Queue(scope, id, { ...secureQueueProps, retentionPeriod: Duration.days(14) });
}

/**
 * EventBridge Scheduler and EventBridge rules invoke Lambda asynchronously: their own retries and dead-letter queue
 * cover only a failed invoke. A run that throws is retried by Lambda (twice, the most it allows), then its event goes
 * to the dead-letter queue instead of being dropped, so an operator sees it (the queue's alarm) and can replay it.
 * Every function invoked this way is idempotent, which is what makes the retries safe.
 */
export function keepFailedRuns(fn: DeskFunction, deadLetters: sqs.IQueue): void {
  fn.function.configureAsyncInvoke({
    retryAttempts: 2,
    maxEventAge: Duration.hours(6),
    onFailure: new destinations.SqsDestination(deadLetters),
  });
}
