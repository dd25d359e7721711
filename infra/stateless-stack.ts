// The stateless stack: sign-in, the front door and the HTTP API, the functions, the send pipeline, the schedules, the
// alarms and the dashboard; it holds no domain data and can be redeployed freely. This file is the table of contents;
// each part is built in its own file.
import { CfnOutput, CrossStackReferences, Duration, ReferenceStrength, Stack, type StackProps } from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import type * as cognito from "aws-cdk-lib/aws-cognito";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as logs from "aws-cdk-lib/aws-logs";
import type * as scheduler from "aws-cdk-lib/aws-scheduler";
import type * as sns from "aws-cdk-lib/aws-sns";
import type * as sqs from "aws-cdk-lib/aws-sqs";
import { Trigger } from "aws-cdk-lib/triggers";
import type { Construct } from "constructs";
import { programme } from "../events/programme.ts";
import { PROGRAMME_FILES } from "../events/programme-of-work/index.ts";
import type { Programme } from "../shared/schedules/schema.ts";
import { ALARM_PERIOD, OperatorAlarms, operatorsTopic } from "./alarms.ts";
import { API_SCOPE } from "./api-scope.ts";
import { ConsoleSite } from "./console-site.ts";
import { stringContext } from "./context.ts";
import { deadLetterQueue } from "./dead-letters.ts";
import { DeskFunction } from "./desk-function.ts";
import { type CertifiedDomain, FrontDoor } from "./front-door.ts";
import { ApiFunctions } from "./http-api.ts";
import { Mail } from "./mail.ts";
import { Observability } from "./observability.ts";
import { scheduleProgramme } from "./programme-schedules.ts";
import { assistanceReportFunction, programmeRemindersFunction, snapshotFunction } from "./scheduled-functions.ts";
import { SearchIndexer } from "./search-indexer.ts";
import { StaffSignIn } from "./sign-in.ts";
import type { DeskStage } from "./stage.ts";
import { type DeskTables, grantTables, tableEnvironment } from "./table-access.ts";
import { WavePipeline } from "./wave-pipeline.ts";
import { WaveSweep } from "./wave-sweep.ts";

export interface StatelessStackProps extends StackProps {
  stage: DeskStage;
  /** The front door's WAF web ACL (the edge stack, us-east-1). */
  webAclArn: string;
  /** `-c domain=` with its certificate (the edge stack); CloudFront's own name alone without it. */
  domain?: CertifiedDomain;
  deskTable: dynamodb.ITableV2;
  auditTable: dynamodb.ITableV2;
  /** The timetable whose schedules are deployed; the committed programme by default. */
  programme?: Programme;
}

/** The open routes' own throttle, far below the stage's: nothing behind them needs more, and they take no token. */
export const OPEN_ROUTE_THROTTLE = { burstLimit: 10, rateLimit: 5 };
/** The stage-wide throttle every other route shares. */
export const STAGE_THROTTLE = { burstLimit: 100, rateLimit: 50 };

export class StatelessStack extends Stack {
  readonly signIn: StaffSignIn;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly api: apigw.HttpApi;
  readonly apiStage: apigw.HttpStage;
  /** CloudFront and WAF in front of the API. */
  readonly frontDoor: FrontDoor;
  /** The staff console under /console/ of the front door, from a private bucket. */
  readonly consoleSite: ConsoleSite;
  /** One function per route group of the api (functions/api/groups.ts), each with its own grants. */
  readonly apiFunctions: ApiFunctions;
  readonly seedFunction: DeskFunction;
  readonly seedTrigger: Trigger;
  /** The sender, the SES configuration set and its events, and the grant to send. */
  readonly mail: Mail;
  /** Dispatch, the wave queue, send, SES events, and the waves' one-time schedules. */
  readonly wavePipeline: WavePipeline;
  readonly assistanceReportFunction: DeskFunction;
  readonly snapshotFunction: DeskFunction;
  readonly programmeRemindersFunction: DeskFunction;
  /** Keeps the search index in step with the desk table, from its stream (ADR 0021). */
  readonly searchIndexer: SearchIndexer;
  /** Failed schedule invocations, and scheduled runs that failed, land here after their retries. */
  readonly scheduleDeadLetters: sqs.Queue;
  /** Alarms notify it; operators subscribe (README, Deployment). */
  readonly operatorsTopic: sns.Topic;
  readonly alarms: OperatorAlarms;
  /** The dashboard and the alarms on load and limits. */
  readonly observability: Observability;
  /** Every 15 minutes, resumes the waves stuck in dispatching (ADR 0018). */
  readonly waveSweep: WaveSweep;
  /** One per programme entry, by schedule id. */
  readonly schedules: Map<string, scheduler.Schedule>;
  /** The open routes by route key (`GET /health`), so the missing-authorization finding is acknowledged on these. */
  readonly openRoutes = new Map<string, apigw.HttpRoute>();

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    // Said explicitly (it is the default): the table stack cannot drop an export this stack still uses.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const tables: DeskTables = { deskTable: props.deskTable, auditTable: props.auditTable };

    this.signIn = new StaffSignIn(this, "SignIn", props.stage);
    this.userPool = this.signIn.userPool;
    this.userPoolClient = this.signIn.client;
    this.mail = new Mail(this, "Mail");
    this.scheduleDeadLetters = deadLetterQueue(this, "ScheduleDeadLetters");
    this.wavePipeline = new WavePipeline(this, "Waves", {
      tables,
      mail: this.mail,
      scheduleDeadLetters: this.scheduleDeadLetters,
    });

    this.apiFunctions = new ApiFunctions(this, "Api", { tables, mail: this.mail, wavePipeline: this.wavePipeline });
    this.searchIndexer = new SearchIndexer(this, "SearchIndexer", { tables });

    this.seedFunction = new DeskFunction(this, "Seed", {
      entry: "functions/seed/handler.ts",
      description: "Seeds the 193 Member States and the organizations (idempotent)",
      environment: {
        ...tableEnvironment(tables),
        POWERTOOLS_SERVICE_NAME: "desk-1540-seed",
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      timeout: Duration.minutes(1),
      files: [
        { from: "shared/registry/member-states.csv", to: "member-states.csv" },
        { from: "shared/organizations/organizations.csv", to: "organizations.csv" },
        ...PROGRAMME_FILES.map((file) => ({ from: `events/programme-of-work/${file}`, to: file })),
      ],
    });
    // It reads which States and organizations exist (index query, batch read), then adds the rest in transactions.
    grantTables(this.seedFunction.role, tables, {
      desk: ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem"],
      audit: ["dynamodb:PutItem"],
    });
    // The trigger re-runs whenever the seed bundle changes (code or the CSV inside it) or the table names do;
    // it waits for the function's role and policy, and the tables exist already (the other stack deploys first).
    this.seedTrigger = new Trigger(this, "SeedOnDeploy", {
      handler: this.seedFunction.function,
      executeAfter: [this.seedFunction],
      executeOnHandlerChange: true,
      timeout: Duration.minutes(1),
    });

    const { api, stage } = this.httpApi();
    this.api = api;
    this.apiStage = stage;
    this.frontDoor = new FrontDoor(this, "FrontDoor", { api, webAclArn: props.webAclArn, domain: props.domain });
    // `-c consoleDir=` deploys another build of the console (the infra tests use a small fixture).
    const siteDir = stringContext(this, "consoleDir");
    this.consoleSite = new ConsoleSite(this, "Console", {
      frontDoor: this.frontDoor,
      signIn: this.signIn,
      ...(siteDir ? { siteDir } : {}),
    });

    const scheduledProps = { tables, mail: this.mail, deadLetters: this.scheduleDeadLetters };
    this.assistanceReportFunction = assistanceReportFunction(this, scheduledProps);
    this.snapshotFunction = snapshotFunction(this, scheduledProps);
    this.programmeRemindersFunction = programmeRemindersFunction(this, scheduledProps);
    this.schedules = scheduleProgramme(this, {
      programme: props.programme ?? programme,
      targets: {
        "assistance-report": this.assistanceReportFunction,
        "wave-dispatch": this.wavePipeline.dispatchFunction,
        snapshot: this.snapshotFunction,
        "programme-reminders": this.programmeRemindersFunction,
      },
      deadLetters: this.scheduleDeadLetters,
    });

    this.operatorsTopic = operatorsTopic(this, "Operators");
    this.alarms = this.operatorAlarms();
    this.observability = new Observability(this, "Observability", {
      alarms: this.alarms,
      api,
      tables: { deskTable: props.deskTable, auditTable: props.auditTable },
      wavePipeline: this.wavePipeline,
      scheduledRuns: {
        snapshot: this.snapshotFunction,
        "assistance report": this.assistanceReportFunction,
        reminders: this.programmeRemindersFunction,
      },
      deadLetterQueues: {
        "wave queue": this.wavePipeline.deadLetters,
        schedules: this.scheduleDeadLetters,
        "SES events": this.wavePipeline.sesEventDeadLetters,
        "search index": this.searchIndexer.deadLetters,
      },
    });
    this.waveSweep = new WaveSweep(this, "WaveSweep", {
      tables,
      waveQueue: this.wavePipeline.queue,
      deadLetters: this.scheduleDeadLetters,
      alarms: this.alarms,
    });

    new CfnOutput(this, "ApiUrl", {
      value: this.frontDoor.url,
      description: "The API through CloudFront and WAF: what staff and tools call",
    });
    new CfnOutput(this, "ApiOriginUrl", {
      value: stage.url,
      description: "The HTTP API itself, behind the front door",
    });
    new CfnOutput(this, "OperatorsTopicArn", { value: this.operatorsTopic.topicArn });
    new CfnOutput(this, "DashboardName", { value: this.observability.dashboard.dashboardName });
    new CfnOutput(this, "SesConfigurationSetName", { value: this.mail.configurationSet.configurationSetName });
    new CfnOutput(this, "WaveDeadLetterQueueUrl", { value: this.wavePipeline.deadLetters.queueUrl });
  }

  /**
   * The HTTP API: each route group's paths to its function, every route behind the JWT authorizer except the open GETs,
   * a throttled and logged default stage. Only access tokens of the staff client pass: API Gateway checks the access
   * token's client_id against the audience, and every closed route requires API_SCOPE, which ID tokens lack (they carry
   * no scope), as do tokens from any other sign-in flow.
   */
  private httpApi(): { api: apigw.HttpApi; stage: apigw.HttpStage } {
    const api = new apigw.HttpApi(this, "Http", {
      description: "The 1540 Committee desk",
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer("StaffJwt", this.userPool.userPoolProviderUrl, {
        jwtAudience: [this.userPoolClient.userPoolClientId],
      }),
      defaultAuthorizationScopes: [API_SCOPE],
    });
    const stage = new apigw.HttpStage(this, "DefaultStage", {
      httpApi: api,
      stageName: "$default",
      autoDeploy: true,
      throttle: STAGE_THROTTLE,
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(
          new logs.LogGroup(this, "AccessLogs", { retention: logs.RetentionDays.ONE_YEAR }),
        ),
        // No headers: the Authorization header must never reach a log.
        format: AccessLogFormat.custom(
          JSON.stringify({
            // The gateway's request id is the api's correlation id unless the caller sent x-correlation-id
            // (functions/api/api-handler.ts); the function logs both.
            requestId: "$context.requestId",
            // The caller: the access token's subject and username (empty on the open routes).
            sub: "$context.authorizer.claims.sub",
            username: "$context.authorizer.claims.username",
            ip: "$context.identity.sourceIp",
            requestTime: "$context.requestTime",
            routeKey: "$context.routeKey",
            status: "$context.status",
            latency: "$context.responseLatency",
            integrationLatency: "$context.integrationLatency",
            responseLength: "$context.responseLength",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
          }),
        ),
      },
    });

    for (const [key, route] of this.apiFunctions.route(api)) this.openRoutes.set(key, route);
    // Route-level throttles for the open routes (the stage's default covers the rest).
    const routeSettings: Record<string, { ThrottlingBurstLimit: number; ThrottlingRateLimit: number }> = {};
    for (const key of this.openRoutes.keys()) {
      routeSettings[key] = {
        ThrottlingBurstLimit: OPEN_ROUTE_THROTTLE.burstLimit,
        ThrottlingRateLimit: OPEN_ROUTE_THROTTLE.rateLimit,
      };
    }
    const cfnStage = stage.node.defaultChild;
    if (!(cfnStage instanceof apigw.CfnStage)) throw new Error("The HTTP API's stage has no CloudFormation stage");
    cfnStage.routeSettings = routeSettings;
    // The routes must exist before the stage names them.
    for (const route of this.openRoutes.values()) stage.node.addDependency(route);
    return { api, stage };
  }

  /**
   * What operators hear about: work waiting in a dead-letter queue, letters that failed or whose fate is unknown, the
   * account's bounce and complaint rates nearing SES's review thresholds, and any failed run of a function that no
   * one is watching (the api's errors reach the caller instead).
   */
  private operatorAlarms(): OperatorAlarms {
    const alarms = new OperatorAlarms(this, "Alarms", this.operatorsTopic);
    const waves = this.wavePipeline;
    const depth = (queue: sqs.IQueue) => queue.metricApproximateNumberOfMessagesVisible({ period: ALARM_PERIOD });
    alarms.alarm("ScheduleDeadLetters", {
      description:
        "A schedule could not invoke its function, or a scheduled run (report, snapshot, reminders, wave dispatch) " +
        "failed after its retries; the event is in the schedules' dead-letter queue: once the cause is fixed, " +
        "npm run ops -- replay --stage <stage> runs it again",
      metric: depth(this.scheduleDeadLetters),
    });
    alarms.alarm("WaveDeadLetters", {
      description:
        "A wave message's key was received 5 times without being settled (throttled or its sender crashing); the " +
        "message is still queued in the ledger: redrive the dead letters (npm run ops -- redrive --stage <stage>) or " +
        "re-dispatch the wave (POST /waves/{id}/redispatch; the sweep does it every 15 minutes)",
      metric: depth(waves.deadLetters),
    });
    alarms.alarm("SesEventDeadLetters", {
      description:
        "An SES event could not be applied to the ledger after its retries; it is in the SES events' dead-letter " +
        "queue: once the cause is fixed, npm run ops -- replay --stage <stage> applies it",
      metric: depth(waves.sesEventDeadLetters),
    });
    alarms.alarm("SearchIndexDeadLetters", {
      description:
        "The search indexer gave up on a batch of the desk table's stream; search may miss a write until " +
        "`npm run search:rebuild` runs against the table (docs/adr/0021-search.md)",
      metric: depth(this.searchIndexer.deadLetters),
    });
    alarms.alarm("MessagesFailed", {
      description:
        "wave-send recorded a letter as failed: SES refused the request, or its wave halted on hard bounces (the " +
        "reason begins `wave halted:`); see the wave's messages",
      metric: waves.metricSendOutcome("MessagesFailed"),
    });
    alarms.alarm("MessagesUnknown", {
      description:
        "wave-send could not tell whether SES accepted a letter (crash or time-out after the call); SES events " +
        "settle it within 24 hours; after that the secretariat may send it again " +
        "(POST /waves/{id}/messages/{recipient}/resend); it is never sent again on its own",
      metric: waves.metricSendOutcome("MessagesUnknown"),
    });
    // SES reviews an account at a 5 % bounce rate and a 0.1 % complaint rate (account-wide, no dimension).
    const reputation = (metricName: string) =>
      new cloudwatch.Metric({
        namespace: "AWS/SES",
        metricName,
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.hours(1),
      });
    alarms.alarm("BounceRate", {
      description: "The account's SES bounce rate reached 5 %, where SES places an account under review",
      metric: reputation("Reputation.BounceRate"),
      threshold: 0.05,
      comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    alarms.alarm("ComplaintRate", {
      description: "The account's SES complaint rate reached 0.1 %, where SES places an account under review",
      metric: reputation("Reputation.ComplaintRate"),
      threshold: 0.001,
      comparison: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    const unwatched: [id: string, name: string, fn: DeskFunction][] = [
      ["WaveDispatchErrors", "wave-dispatch", waves.dispatchFunction],
      ["WaveSendErrors", "wave-send", waves.sendFunction],
      ["SesEventsErrors", "ses-events", waves.sesEventsFunction],
      ["AssistanceReportErrors", "assistance-report", this.assistanceReportFunction],
      ["SnapshotErrors", "snapshot", this.snapshotFunction],
      ["ProgrammeRemindersErrors", "programme-reminders", this.programmeRemindersFunction],
      ["SearchIndexerErrors", "search-indexer", this.searchIndexer.indexer],
    ];
    for (const [id, name, fn] of unwatched) {
      alarms.alarm(id, {
        description: `The ${name} function failed; see its log group (a failed asynchronous run is retried, then kept)`,
        metric: fn.function.metricErrors({ period: ALARM_PERIOD }),
        runbookSection: "FunctionErrors",
      });
    }
    // Cognito calls it on every sign-in and refresh, and refuses the tokens while it fails: no one can sign in.
    alarms.alarm("TokenClaimsErrors", {
      description: "The token-claims trigger failed: Cognito refuses sign-ins and refreshes while it fails",
      metric: this.signIn.tokenClaimsFunction.function.metricErrors({ period: ALARM_PERIOD }),
    });
    return alarms;
  }
}
