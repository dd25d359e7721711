// cdk-nag wiring: the AwsSolutions and Serverless packs, and the desk's own checks for TableV2, on every synth; each
// accepted finding acknowledged on the construct that raises it, with its reason.
import { type App, type Stack, Validations } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as s3 from "aws-cdk-lib/aws-s3";
import * as sns from "aws-cdk-lib/aws-sns";
import { AwsSolutionsChecks, ServerlessChecks } from "cdk-nag";
import type { IConstruct } from "constructs";
import { DeskFunction } from "./desk-function.ts";
import type { EdgeStack } from "./front-door.ts";
import { GlobalTableChecks } from "./nag-global-tables.ts";
import type { StatefulStack } from "./stateful-stack.ts";
import type { StatelessStack } from "./stateless-stack.ts";
import { WAVE_SCHEDULE_PREFIX } from "./wave-pipeline.ts";

/** Registers the checks; any unacknowledged error or warning fails the synth (the CLI exits 1, `app.synth()` throws). */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app, { verbose: true }),
    new ServerlessChecks(app, { verbose: true }),
    new GlobalTableChecks(app, { verbose: true }),
  );
}

const docsPage =
  "The Swagger UI page for the API (ADR 0002): a browser navigation cannot carry a bearer token, " +
  "so the page and its static assets are public; the calls it makes to data routes still need a JWT.";

/** Why each open route needs no token; a new open path fails the synth until it has a reason here. */
const openRouteReasons: Record<string, string> = {
  "/": "The API's own address, which a browser opens without a token: it answers the API's name and the paths of the console, the documentation and health, constants with no data.",
  "/health":
    "Liveness probe for monitors and the deploy check; it reports liveness only and returns no domain data (ADR 0002).",
  "/openapi.json":
    "The API's OpenAPI description: public documentation of routes and schemas, no data; the docs page loads it before any sign-in (ADR 0002).",
  "/docs": docsPage,
  "/docs/{asset}": docsPage,
  "/calendar/{feed}":
    "A personal calendar feed for calendar applications, which cannot send a bearer token: the 256-bit secret in the path is the credential, stored only as its SHA-256, revocable and expiring (ADR 0023).",
};

/** Acknowledgements for the stateful stack. */
export function acknowledgeStatefulFindings(stack: StatefulStack): void {
  const role = stack.backups.plan.node.tryFindChild("Tables")?.node.tryFindChild("Role");
  if (!role) throw new Error("The backup selection has no role to acknowledge");
  for (const policy of ["AWSBackupServiceRolePolicyForBackup", "AWSBackupServiceRolePolicyForRestores"]) {
    acknowledge(
      role,
      `AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/${policy}]`,
      "AWS Backup's own service-role policies (backup and restore), maintained by AWS for every resource type Backup " +
        "supports; the role can be assumed by backup.amazonaws.com only and the selection names the desk's two tables.",
    );
  }
}

/** The edge stack (the web ACL) raises no finding; kept so that one would be acknowledged here, next to the others. */
export function acknowledgeEdgeFindings(_stack: EdgeStack): void {}

/** Acknowledgements for the stateless stack, each on the one construct that raises it. */
export function acknowledgeStatelessFindings(stack: StatelessStack): void {
  acknowledge(
    stack.userPool,
    "AwsSolutions-COG8",
    "Threat protection needs the paid Cognito Plus plan. The pool holds only Secretariat, expert and member staff accounts that " +
      "administrators create (self sign-up is off), with 14-character passwords and TOTP required; " +
      "the Essentials plan is the accepted cost/risk trade-off for now.",
  );
  for (const sender of stack.mail.senders) {
    acknowledge(
      sender.role,
      `AwsSolutions-IAM5[Resource::${nagArn(stack, "ses", "identity/*")}]`,
      "SES authorizes SendEmail against the sending identity and, while the account is in the SES sandbox, against " +
        "each recipient's identity too, so the identity cannot be narrowed to the sender's ARN. The statement is " +
        "limited to ses:SendEmail through the desk's configuration set with the condition ses:FromAddress = the " +
        "configured MAIL_FROM (and, for staff summaries, ses:Recipients = the secretariat), so the function can send " +
        "only as the desk (ADR 0006, ADR 0010).",
    );
  }
  const functions = stack.node.findAll().filter((construct) => construct instanceof DeskFunction);
  for (const fn of functions) {
    const sendQuota =
      fn === stack.wavePipeline.sendFunction
        ? " ses:GetSendQuota (the account's MaxSendRate, which paces the sender) has no resource type either: a " +
          "second statement holds that one read-only action (ADR 0010)."
        : "";
    acknowledge(
      fn.role,
      "AwsSolutions-IAM5[Resource::*]",
      "Active X-Ray tracing: xray:PutTraceSegments and xray:PutTelemetryRecords have no resource type in X-Ray's " +
        `authorization model and can only be granted on "*"; they write traces, and read nothing.${sendQuota}`,
    );
    acknowledge(fn.function, "Serverless-LambdaDLQ", deadLetterReason(stack, fn));
  }
  const sendSource = stack.wavePipeline.sendFunction.function.node.children.find(
    (child) => child.node.defaultChild instanceof lambda.CfnEventSourceMapping,
  );
  if (!sendSource) throw new Error("wave-send has no event source mapping to acknowledge");
  acknowledge(
    sendSource,
    "Serverless-LambdaEventSourceMappingDestination",
    "An SQS event source takes no on-failure destination (Lambda supports them for streams and Kafka only): the wave " +
      "queue's redrive policy moves a key received five times to its dead-letter queue, which an alarm watches.",
  );
  const group = stack.wavePipeline.scheduleGroup.scheduleGroupName;
  acknowledge(
    stack.apiFunctions.correspondence.role,
    `AwsSolutions-IAM5[Resource::${nagArn(stack, "scheduler", `schedule/${group}/${WAVE_SCHEDULE_PREFIX}*`)}]`,
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
  for (const [queue, of] of [...deadLetterQueues, [stack.wavePipeline.deadLetters, "the wave queue"] as const]) {
    acknowledge(
      queue,
      "Serverless-SQSRedrivePolicy",
      `This queue is the dead-letter queue of ${of}: a dead-letter queue of its own would only move what failed ` +
        "once more; an operator redrives it (npm run ops -- redrive, docs/operations.md) after its alarm.",
    );
  }
  for (const subscription of stack.operatorsTopic.node.children.filter((child) => child instanceof sns.Subscription)) {
    acknowledge(
      subscription,
      "Serverless-SNSRedrivePolicy",
      "The operators' e-mail subscription (-c alarmEmail): SNS retries e-mail delivery itself, and a dead-letter " +
        "queue for alarm notifications would need an alarm of its own, notifying this same topic. The alarms' state " +
        "stays visible on the dashboard and in CloudWatch whatever the mail does.",
    );
  }
  const distribution = stack.frontDoor.distribution;
  acknowledge(
    distribution,
    "AwsSolutions-CFR1",
    "No geographic restriction: the desk serves the Committee's staff and experts wherever they travel; sign-in, " +
      "TOTP and WAF's per-IP rate limit guard the API instead.",
  );
  acknowledge(
    distribution,
    "AwsSolutions-CFR3",
    "CloudFront's standard logs would need an ACL-enabled S3 bucket; every request that reaches the API is logged " +
      "in the stage's access log (caller, route, status, latencies) and WAF keeps sampled requests of what it blocks.",
  );
  // With `-c domain=` the distribution has its own certificate and TLSv1.2_2021, and the rule passes (ADR 0058).
  if (!stack.frontDoor.customDomain) {
    acknowledge(
      distribution,
      "AwsSolutions-CFR4",
      "No custom domain is given (-c domain=), so the distribution uses CloudFront's default *.cloudfront.net " +
        "certificate, with which CloudFront allows TLSv1 on the viewer side (the API and, under /console/, the staff " +
        "console, ADR 0032). A stage with -c domain= and -c hostedZone= gets its own ACM certificate and TLSv1.2_2021.",
    );
  }
  acknowledgeConsoleSiteFindings(stack);
  for (const [key, route] of stack.openRoutes) {
    // GET and HEAD of a path share its reason: HEAD is the GET's answer without the body.
    const reason = openRouteReasons[key.slice(key.indexOf(" ") + 1)];
    if (!reason) throw new Error(`The open route ${key} needs a reason in infra/nag.ts`);
    acknowledge(route, "AwsSolutions-APIG4", reason);
  }
}

/** The console's bucket, and the handler CDK's BucketDeployment brings along to fill it at deploy time. */
function acknowledgeConsoleSiteFindings(stack: StatelessStack): void {
  acknowledge(
    stack.consoleSite.bucket,
    "AwsSolutions-S1",
    "The bucket holds only the console's build output (HTML, scripts, styles) and the stage's login config, no " +
      "domain data. It is private (block public access, SSL enforced), read only by CloudFront through the origin " +
      "access control and written only by the deploy's BucketDeployment; access logs would need a second bucket " +
      "raising the same finding. The API calls the console makes are logged in the HTTP API's access log (ADR 0032).",
  );
  const handler = stack.node.children.find((child) => child.node.id.startsWith("Custom::CDKBucketDeployment"));
  if (!handler) throw new Error("The console site has no BucketDeployment handler to acknowledge");
  const bucket = stack.consoleSite.bucket.node.defaultChild;
  if (!(bucket instanceof s3.CfnBucket)) throw new Error("The console site's bucket has no CloudFormation bucket");
  const cdkHandler = "CDK's BucketDeployment handler (aws-cdk-lib's own singleton custom resource)";
  acknowledge(
    handler,
    "AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]",
    `${cdkHandler} writes its own log group with AWS's basic execution policy (logs:CreateLogGroup, ` +
      "CreateLogStream, PutLogEvents); aws-cdk-lib offers no way to replace it.",
  );
  const grants =
    `${cdkHandler} copies the console's build from the CDK asset bucket of this account and region into the ` +
    "console bucket under console/: CDK's grantRead on the asset bucket and grantReadWrite on the console bucket " +
    "give these action groups on those two buckets' objects only; it runs during a deploy and at no other time.";
  for (const finding of [
    "Action::s3:GetObject*",
    "Action::s3:GetBucket*",
    "Action::s3:List*",
    "Action::s3:DeleteObject*",
    "Action::s3:Abort*",
    `Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${stack.account}-${stack.region}/*`,
    `Resource::<${stack.getLogicalId(bucket)}.Arn>/*`,
  ]) {
    acknowledge(handler, `AwsSolutions-IAM5[${finding}]`, grants);
  }
  acknowledge(
    handler,
    "AwsSolutions-IAM5[Resource::*]",
    `${cdkHandler} invalidates /console/* on the distribution after a deploy: cloudfront:CreateInvalidation and ` +
      "GetInvalidation, which aws-cdk-lib grants on every distribution; they write no content.",
  );
  const runtime =
    `${cdkHandler} runs on the runtime aws-cdk-lib chooses for it (Python with the AWS CLI layer); it is updated ` +
    "with aws-cdk-lib and runs only while CloudFormation deploys the stack.";
  acknowledge(handler, "AwsSolutions-L1", runtime);
  acknowledge(handler, "Serverless-LambdaLatestVersion", runtime);
  acknowledge(
    handler,
    "Serverless-LambdaDLQ",
    `${cdkHandler} is invoked by CloudFormation as a custom resource and answers it: a failure fails and rolls ` +
      "back the deploy, where the operator sees it; a dead-letter queue applies to asynchronous invocations only.",
  );
  acknowledge(
    handler,
    "Serverless-LambdaTracing",
    `${cdkHandler} has no tracing option in aws-cdk-lib; it runs once per deploy and its log group keeps what it ` +
      "did, and CloudFormation's events say whether the deployment of the console succeeded.",
  );
}

/** Why a function has no dead-letter queue: by how it is invoked. */
function deadLetterReason(stack: StatelessStack, fn: DeskFunction): string {
  if (Object.values(stack.apiFunctions).includes(fn) || fn === stack.seedFunction) {
    return "Invoked synchronously (by API Gateway, or by the deploy's trigger): a failure is answered to the caller, who sees it; a dead-letter queue applies to asynchronous invocations only.";
  }
  if (fn === stack.signIn.tokenClaimsFunction) {
    return "Invoked synchronously by Cognito before it issues tokens: a failure fails that sign-in or refresh, which the person sees and retries; a dead-letter queue applies to asynchronous invocations only.";
  }
  if (fn === stack.wavePipeline.sendFunction) {
    return "Invoked by its SQS event source: a key that fails is handed back to the wave queue, whose redrive policy moves it to the wave dead-letter queue after five receives.";
  }
  if (fn === stack.searchIndexer.indexer) {
    return "Invoked by its DynamoDB stream event source: a batch that keeps failing is bisected and its records' positions go to the indexer's on-failure queue (infra/search-indexer.ts); a DLQ applies to asynchronous invocations only.";
  }
  if (fn.function.node.tryFindChild("EventInvokeConfig")) {
    return "Invoked asynchronously with an on-failure destination (infra/dead-letters.ts): a run that failed after Lambda's two retries goes to a dead-letter queue with its error, which a DLQ would not keep.";
  }
  throw new Error(`${fn.node.path} needs a reason for having no dead-letter queue in infra/nag.ts`);
}

/** An ARN in the stack's account and region as cdk-nag writes it in a finding id. */
function nagArn(stack: Stack, service: string, resource: string): string {
  return `arn:<AWS::Partition>:${service}:${stack.region}:${stack.account}:${resource}`;
}

function acknowledge(construct: IConstruct, id: string, reason: string): void {
  Validations.of(construct).acknowledge({ id, reason });
}
