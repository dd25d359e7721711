// The staff-facing functions the programme's schedules run: the pending-assistance report, the quarterly snapshot and
// the daily deadline reminders. Each is invoked asynchronously, retried, and kept in the dead-letter queue if it fails.
import { Duration } from "aws-cdk-lib";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import type { Construct } from "constructs";
import { keepFailedRuns } from "./dead-letters.ts";
import { DeskFunction } from "./desk-function.ts";
import type { Mail } from "./mail.ts";
import { type DeskTables, grantTables, tableEnvironment } from "./table-access.ts";

export interface ScheduledFunctionProps {
  tables: DeskTables;
  mail: Mail;
  /** Where a run that failed after Lambda's retries is kept (the schedules' dead-letter queue). */
  deadLetters: sqs.IQueue;
}

/**
 * Reads pending requests (status index), the names of their States and of the providers named in the report, and the
 * letters of the States with a circulated request (the ledger's gsi2, each wave's template id and each template's kind
 * by key: a follow-up letter sent is not overdue), writes the report, its mail status and their audit entries, and
 * mails the summary to the secretariat.
 */
export function assistanceReportFunction(scope: Construct, props: ScheduledFunctionProps): DeskFunction {
  const fn = new DeskFunction(scope, "AssistanceReport", {
    entry: "functions/assistance-report/handler.ts",
    description: "Builds the pending-assistance report (three a year) and mails its summary to the secretariat",
    environment: {
      ...tableEnvironment(props.tables),
      POWERTOOLS_SERVICE_NAME: "desk-1540-assistance-report",
      POWERTOOLS_LOG_LEVEL: "INFO",
    },
    timeout: Duration.minutes(1),
  });
  grantTables(fn.role, props.tables, {
    desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    audit: ["dynamodb:PutItem"],
  });
  props.mail.grantSend(fn, { toSecretariatOnly: true });
  keepFailedRuns(fn, props.deadLetters);
  return fn;
}

/**
 * Computes the quarter's snapshot and stores it once (conditional put). It reads by Query and batch reads on keys and
 * indexes; it has no Scan (issue 7 allows parallel segments where a whole table must be read: not needed so far).
 */
export function snapshotFunction(scope: Construct, props: ScheduledFunctionProps): DeskFunction {
  const fn = new DeskFunction(scope, "Snapshot", {
    entry: "functions/snapshot/handler.ts",
    description: "Computes and stores the quarter's compliance snapshot (immutable, written once per period)",
    environment: {
      ...tableEnvironment(props.tables),
      POWERTOOLS_SERVICE_NAME: "desk-1540-snapshot",
      POWERTOOLS_LOG_LEVEL: "INFO",
    },
    // One invocation for ten times today's data (issue 7): reads are I/O-bound, memory buys network and CPU.
    timeout: Duration.minutes(5),
    memorySize: 1024,
  });
  grantTables(fn.role, props.tables, {
    desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem"],
    // Contacts' audit trails date their verifications and e-mail status at the quarter's end (ADR 0011).
    audit: ["dynamodb:PutItem", "dynamodb:Query"],
  });
  keepFailedRuns(fn, props.deadLetters);
  return fn;
}

/**
 * Mails the secretariat a reminder 14 and 3 days before each activity of the programme (this year's and next), once per
 * activity and offset, and warns of programme letters their schedules would not send.
 */
export function programmeRemindersFunction(scope: Construct, props: ScheduledFunctionProps): DeskFunction {
  const fn = new DeskFunction(scope, "ProgrammeReminders", {
    entry: "functions/programme-reminders/handler.ts",
    description:
      "Mails the secretariat a reminder 14 and 3 days before each activity of the programme of work, and warns of " +
      "programme letters their schedules would not send",
    environment: {
      ...tableEnvironment(props.tables),
      POWERTOOLS_SERVICE_NAME: "desk-1540-programme-reminders",
      POWERTOOLS_LOG_LEVEL: "INFO",
    },
    timeout: Duration.minutes(1),
  });
  grantTables(fn.role, props.tables, {
    desk: ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:UpdateItem"],
    audit: ["dynamodb:PutItem"],
  });
  props.mail.grantSend(fn, { toSecretariatOnly: true });
  keepFailedRuns(fn, props.deadLetters);
  return fn;
}
