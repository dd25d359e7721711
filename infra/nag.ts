// cdk-nag wiring: the AwsSolutions checks on every synth, and each accepted finding acknowledged on the construct that raises it.
import { type App, Validations } from "aws-cdk-lib";
import { AwsSolutionsChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import type { StatelessStack } from "./stateless-stack.ts";
import { WAVE_SCHEDULE_PREFIX } from "./wave-pipeline.ts";

/** Registers the checks; any unacknowledged error or warning fails the synth (the CLI exits 1, `app.synth()` throws). */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
}

const docsPage =
  "The Swagger UI page for the API (ADR 0002): a browser navigation cannot carry a bearer token, " +
  "so the page and its static assets are public; the calls it makes to data routes still need a JWT.";

/** Why each open route needs no token; a new open path fails the synth until it has a reason here. */
const openRouteReasons: Record<string, string> = {
  "/health":
    "Liveness probe for monitors and the deploy check; it reports liveness only and returns no domain data (ADR 0002).",
  "/openapi.json":
    "The API's OpenAPI description: public documentation of routes and schemas, no data; the docs page loads it before any sign-in (ADR 0002).",
  "/docs": docsPage,
  "/docs/{asset}": docsPage,
};

/** Acknowledgements for the stateless stack, each on the one construct that raises it. */
export function acknowledgeStatelessFindings(stack: StatelessStack): void {
  acknowledge(
    stack.userPool,
    "AwsSolutions-COG8",
    "Threat protection needs the paid Cognito Plus plan. The pool holds only Secretariat, expert and member staff accounts that " +
      "administrators create (self sign-up is off), with 14-character passwords and TOTP available; " +
      "the Essentials plan is the accepted cost/risk trade-off for now.",
  );
  acknowledge(
    stack.userPool,
    "AwsSolutions-COG2",
    "MFA is OPTIONAL with TOTP only (no SMS), as decided for the first release: administrators create " +
      "accounts and staff enrol TOTP themselves; switch to REQUIRED once enrolment is part of staff onboarding.",
  );
  for (const sender of stack.mail.senders) {
    acknowledge(
      sender.role,
      `AwsSolutions-IAM5[Resource::${nagArn("ses", "identity/*")}]`,
      "SES authorizes SendEmail against the sending identity and, while the account is in the SES sandbox, against " +
        "each recipient's identity too, so the identity cannot be narrowed to the sender's ARN. The statement is " +
        "limited to ses:SendEmail through the desk's configuration set with the condition ses:FromAddress = the " +
        "configured MAIL_FROM (and, for staff summaries, ses:Recipients = the secretariat), so the function can send " +
        "only as the desk (ADR 0006, ADR 0010).",
    );
  }
  acknowledge(
    stack.wavePipeline.sendFunction.role,
    "AwsSolutions-IAM5[Resource::*]",
    "ses:GetSendQuota (the account's MaxSendRate, which paces the sender) has no resource type in SES's " +
      'authorization model: it can only be granted on "*". The statement holds that one read-only action (ADR 0010).',
  );
  const group = stack.wavePipeline.scheduleGroup.scheduleGroupName;
  acknowledge(
    stack.apiFunctions.correspondence.role,
    `AwsSolutions-IAM5[Resource::${nagArn("scheduler", `schedule/${group}/${WAVE_SCHEDULE_PREFIX}*`)}]`,
    "Each scheduled wave gets its own one-time schedule, named wave-<waveId>, created and deleted by the api when a " +
      "wave is scheduled or cancelled, so the names are not known at deploy time. The statement is limited to " +
      "Create/Get/Update/DeleteSchedule on wave-* schedules of the desk's own wave schedule group (ADR 0010).",
  );
  const deadLetterQueues = [
    [stack.scheduleDeadLetters, "the EventBridge Scheduler schedules and of the scheduled functions' failed runs"],
    [
      stack.wavePipeline.sesEventDeadLetters,
      "the SES events rule's target and of the ses-events function's failed runs",
    ],
    [stack.searchIndexer.deadLetters, "the search indexer's stream event source (batches failed after retries)"],
  ] as const;
  for (const [queue, of] of deadLetterQueues) {
    acknowledge(
      queue,
      "AwsSolutions-SQS3",
      `This queue is itself the dead-letter queue of ${of} (cdk-nag recognizes only queues named as another ` +
        "queue's DLQ); it keeps what failed for 14 days for an operator to inspect, and an alarm watches its depth.",
    );
  }
  for (const [path, route] of stack.openRoutes) {
    const reason = openRouteReasons[path];
    if (!reason) throw new Error(`The open route GET ${path} needs a reason in infra/nag.ts`);
    acknowledge(route, "AwsSolutions-APIG4", reason);
  }
}

/** An ARN in this account and region as cdk-nag writes it in a finding id. */
function nagArn(service: string, resource: string): string {
  return `arn:<AWS::Partition>:${service}:<AWS::Region>:<AWS::AccountId>:${resource}`;
}

function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct).acknowledge({ id, reason });
}
