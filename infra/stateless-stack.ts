// The stateless stack: sign-in, the HTTP API and the functions; it holds no domain data and can be redeployed freely.
import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
  TimeZone,
} from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cloudwatch from "aws-cdk-lib/aws-cloudwatch";
import * as cloudwatchActions from "aws-cdk-lib/aws-cloudwatch-actions";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as kms from "aws-cdk-lib/aws-kms";
import type * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import * as scheduler from "aws-cdk-lib/aws-scheduler";
import * as schedulerTargets from "aws-cdk-lib/aws-scheduler-targets";
import * as sns from "aws-cdk-lib/aws-sns";
import * as subscriptions from "aws-cdk-lib/aws-sns-subscriptions";
import * as sqs from "aws-cdk-lib/aws-sqs";
import { Trigger } from "aws-cdk-lib/triggers";
import type { Construct } from "constructs";
import { programme } from "../events/programme.ts";
import { openPaths } from "../functions/api/routes/meta.ts";
import { groupSchema } from "../shared/auth/actor.ts";
import { parseAt, parseRate, parseScheduleExpression } from "../shared/schedules/aws-cron.ts";
import type { Programme, Schedule } from "../shared/schedules/schema.ts";
import { type TableDefinition, tables } from "../shared/tables.ts";
import { DeskFunction } from "./desk-function.ts";

export interface StatelessStackProps extends StackProps {
  deskTable: dynamodb.ITableV2;
  auditTable: dynamodb.ITableV2;
  /** The timetable whose schedules are deployed; the committed programme by default. */
  programme?: Programme;
}

/**
 * Who the desk's mail is from and where staff summaries go: context values at deploy time
 * (`cdk deploy -c mailFrom=... -c secretariatEmail=...`). The sender must be a verified SES identity.
 */
export const MAIL_DEFAULTS = { mailFrom: "desk-1540@example.org", secretariatEmail: "secretariat@example.org" };

const swaggerUiFiles = [
  "swagger-ui.css",
  "swagger-ui-bundle.js",
  "swagger-ui-standalone-preset.js",
  "favicon-32x32.png",
];

export class StatelessStack extends Stack {
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  readonly api: apigw.HttpApi;
  readonly apiFunction: DeskFunction;
  readonly seedFunction: DeskFunction;
  readonly seedTrigger: Trigger;
  readonly assistanceReportFunction: DeskFunction;
  /** Failed schedule invocations land here after their retries. */
  readonly scheduleDeadLetters: sqs.Queue;
  /** Alarms notify it; operators subscribe (README, Deployment). */
  readonly operatorsTopic: sns.Topic;
  /** One per programme entry, by schedule id. */
  readonly schedules = new Map<string, scheduler.Schedule>();
  /** The open routes, so that the missing-authorization finding is acknowledged on exactly these. */
  readonly openRoutes = new Map<string, apigw.HttpRoute>();

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    // Said explicitly (it is the default): the table stack cannot drop an export this stack still uses.
    CrossStackReferences.of(this).consume(ReferenceStrength.STRONG);
    const { deskTable, auditTable } = props;
    const tableEnvironment = { DESK_TABLE: deskTable.tableName, AUDIT_TABLE: auditTable.tableName };

    this.userPool = new cognito.UserPool(this, "Staff", {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      signInCaseSensitive: false,
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      // Threat protection needs the paid Plus plan; see infra/nag.ts.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      // The staff accounts are state too: a stack deletion must not take them along.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of groupSchema.options) {
      this.userPool.addGroup(`Group-${group}`, { groupName: group, description: `Desk staff group ${group}` });
    }
    this.userPoolClient = this.userPool.addClient("StaffClient", {
      generateSecret: false,
      authFlows: { userSrp: true },
      // SRP sign-in only: the stack has no hosted sign-in domain, and the CDK default would enable the implicit flow.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

    this.apiFunction = new DeskFunction(this, "Api", {
      entry: "functions/api/handler.ts",
      description: "The desk's HTTP API router",
      environment: { ...tableEnvironment, POWERTOOLS_SERVICE_NAME: "desk-1540", POWERTOOLS_LOG_LEVEL: "INFO" },
      files: swaggerUiFiles.map((file) => ({
        from: `node_modules/swagger-ui-dist/${file}`,
        to: `swagger-ui/${file}`,
      })),
    });
    // Item-level actions only: no Scan, no DeleteItem; a transaction is authorized per item action.
    this.apiFunction.role.addToPolicy(
      tableStatement(deskTable, tables.desk, [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
        "dynamodb:ConditionCheckItem",
      ]),
    );
    // The audit trail is append-only for the app.
    this.apiFunction.role.addToPolicy(
      tableStatement(auditTable, tables.audit, ["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"]),
    );

    this.seedFunction = new DeskFunction(this, "Seed", {
      entry: "functions/seed/handler.ts",
      description: "Seeds the 193 Member States and the organizations (idempotent)",
      environment: { ...tableEnvironment, POWERTOOLS_SERVICE_NAME: "desk-1540-seed", POWERTOOLS_LOG_LEVEL: "INFO" },
      timeout: Duration.minutes(1),
      files: [
        { from: "shared/registry/member-states.csv", to: "member-states.csv" },
        { from: "shared/organizations/organizations.csv", to: "organizations.csv" },
      ],
    });
    this.seedFunction.role.addToPolicy(
      // It reads which States and organizations exist (index query, batch read), then adds the rest in transactions.
      tableStatement(deskTable, tables.desk, [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
      ]),
    );
    this.seedFunction.role.addToPolicy(tableStatement(auditTable, tables.audit, ["dynamodb:PutItem"]));
    // The trigger re-runs whenever the seed bundle changes (code or the CSV inside it) or the table names do;
    // it waits for the function's role and policy, and the tables exist already (the other stack deploys first).
    this.seedTrigger = new Trigger(this, "SeedOnDeploy", {
      handler: this.seedFunction.function,
      executeAfter: [this.seedFunction],
      executeOnHandlerChange: true,
      timeout: Duration.minutes(1),
    });

    this.api = new apigw.HttpApi(this, "Http", {
      description: "The 1540 Committee desk",
      createDefaultStage: false,
      defaultAuthorizer: new HttpJwtAuthorizer("StaffJwt", this.userPool.userPoolProviderUrl, {
        jwtAudience: [this.userPoolClient.userPoolClientId],
      }),
    });
    const stage = new apigw.HttpStage(this, "DefaultStage", {
      httpApi: this.api,
      stageName: "$default",
      autoDeploy: true,
      throttle: { burstLimit: 100, rateLimit: 50 },
      accessLogSettings: {
        destination: new apigw.LogGroupLogDestination(
          new logs.LogGroup(this, "AccessLogs", { retention: logs.RetentionDays.ONE_YEAR }),
        ),
        // No headers: the Authorization header must never reach a log.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: "$context.requestId",
            ip: "$context.identity.sourceIp",
            requestTime: "$context.requestTime",
            routeKey: "$context.routeKey",
            status: "$context.status",
            latency: "$context.responseLatency",
            responseLength: "$context.responseLength",
            integrationError: "$context.integrationErrorMessage",
            authorizerError: "$context.authorizer.error",
          }),
        ),
      },
    });

    const integration = new HttpLambdaIntegration("Router", this.apiFunction.function);
    this.api.addRoutes({ path: "/{proxy+}", methods: [apigw.HttpMethod.ANY], integration });
    for (const path of openPaths) {
      const [route] = this.api.addRoutes({
        path,
        methods: [apigw.HttpMethod.GET],
        integration,
        authorizer: new apigw.HttpNoneAuthorizer(),
      });
      if (route) this.openRoutes.set(path, route);
    }

    this.assistanceReportFunction = this.assistanceReport(deskTable, auditTable, tableEnvironment);
    this.scheduleDeadLetters = new sqs.Queue(this, "ScheduleDeadLetters", {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // The functions a schedule may target, by the name programme.json uses (the function's folder).
    const scheduled: Record<string, lambda.IFunction> = {
      "assistance-report": this.assistanceReportFunction.function,
    };
    // One role for every schedule, granted exactly the scheduled functions (CDK's own grant adds `<arn>:*`, every
    // version and alias; the schedules invoke the unqualified function) and the dead-letter queue.
    const invoker = new iam.Role(this, "ScheduleInvoker", {
      assumedBy: new iam.ServicePrincipal("scheduler.amazonaws.com", {
        conditions: { StringEquals: { "aws:SourceAccount": this.account } },
      }),
      description: "EventBridge Scheduler invokes the desk's scheduled functions",
    });
    invoker.addToPolicy(
      new iam.PolicyStatement({
        actions: ["lambda:InvokeFunction"],
        resources: Object.values(scheduled).map((fn) => fn.functionArn),
      }),
    );
    this.scheduleDeadLetters.grantSendMessages(invoker);
    for (const entry of (props.programme ?? programme).schedules) {
      const target = scheduled[entry.target];
      // As the local scheduler does: a schedule with nothing to run fails here, not silently on the day.
      if (!target) {
        throw new Error(
          `Schedule ${entry.id} targets "${entry.target}", which the stack has no function for ` +
            `(known: ${Object.keys(scheduled).join(", ")})`,
        );
      }
      this.schedules.set(
        entry.id,
        new scheduler.Schedule(this, `Schedule-${entry.id}`, {
          description: entry.description,
          schedule: scheduleExpressionOf(entry),
          target: new schedulerTargets.LambdaInvoke(target, {
            role: invoker.withoutPolicyUpdates(),
            input: scheduler.ScheduleTargetInput.fromObject(entry.input ?? {}),
            // The targets are idempotent (a report is stored once and mailed once), so retries are safe.
            retryAttempts: 5,
            maxEventAge: Duration.hours(6),
            deadLetterQueue: this.scheduleDeadLetters,
          }),
        }),
      );
    }

    this.operatorsTopic = this.operatorAlarms();
    new CfnOutput(this, "ApiUrl", { value: stage.url });
    new CfnOutput(this, "OperatorsTopicArn", { value: this.operatorsTopic.topicArn });
    new CfnOutput(this, "UserPoolId", { value: this.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.userPoolClient.userPoolClientId });
  }

  /**
   * Operators hear of what would otherwise fail in silence: a schedule that could not run its target (dead letters),
   * and a scheduled function that failed. `-c operatorsEmail=...` subscribes an address at deploy time.
   */
  private operatorAlarms(): sns.Topic {
    const topic = new sns.Topic(this, "Operators", {
      displayName: "1540 desk operators",
      enforceSSL: true,
      masterKey: kms.Alias.fromAliasName(this, "SnsKey", "alias/aws/sns"),
    });
    const email: unknown = this.node.tryGetContext("operatorsEmail");
    if (typeof email === "string" && email) topic.addSubscription(new subscriptions.EmailSubscription(email));
    const notify = new cloudwatchActions.SnsAction(topic);
    const alarms = [
      new cloudwatch.Alarm(this, "ScheduleDeadLettersAlarm", {
        alarmDescription: "A scheduled run could not invoke its function after its retries; see the dead-letter queue",
        metric: this.scheduleDeadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
      new cloudwatch.Alarm(this, "AssistanceReportErrorsAlarm", {
        alarmDescription: "The pending-assistance report function failed",
        metric: this.assistanceReportFunction.function.metricErrors({ period: Duration.minutes(5) }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of alarms) alarm.addAlarmAction(notify);
    return topic;
  }

  /**
   * The assistance-report function: reads pending requests (status index) and State names, writes the report, its
   * mail status and their audit entries, and sends the summary through SES from the one configured address.
   */
  private assistanceReport(
    deskTable: dynamodb.ITableV2,
    auditTable: dynamodb.ITableV2,
    tableEnvironment: Record<string, string>,
  ): DeskFunction {
    const context = (name: string): string | undefined => {
      const value: unknown = this.node.tryGetContext(name);
      return typeof value === "string" && value ? value : undefined;
    };
    const mailFrom = context("mailFrom") ?? MAIL_DEFAULTS.mailFrom;
    const secretariatEmail = context("secretariatEmail") ?? MAIL_DEFAULTS.secretariatEmail;
    const configurationSet = context("sesConfigurationSet");
    const fn = new DeskFunction(this, "AssistanceReport", {
      entry: "functions/assistance-report/handler.ts",
      description: "Builds the pending-assistance report (three a year) and mails its summary to the secretariat",
      environment: {
        ...tableEnvironment,
        MAIL_FROM: mailFrom,
        SECRETARIAT_EMAIL: secretariatEmail,
        ...(configurationSet ? { SES_CONFIGURATION_SET: configurationSet } : {}),
        POWERTOOLS_SERVICE_NAME: "desk-1540-assistance-report",
        POWERTOOLS_LOG_LEVEL: "INFO",
      },
      timeout: Duration.minutes(1),
    });
    // Item-level actions only, as for the api: no Scan, no DeleteItem.
    fn.role.addToPolicy(
      tableStatement(deskTable, tables.desk, [
        "dynamodb:GetItem",
        "dynamodb:BatchGetItem",
        "dynamodb:Query",
        "dynamodb:PutItem",
        "dynamodb:UpdateItem",
      ]),
    );
    fn.role.addToPolicy(tableStatement(auditTable, tables.audit, ["dynamodb:PutItem"]));
    // Any identity, but only From the configured address: in the SES sandbox the recipients' identities are
    // authorized too, so the identity ARN cannot be narrowed to the sender's (see infra/nag.ts).
    fn.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ["ses:SendEmail", "ses:SendRawEmail"],
        resources: [
          this.formatArn({ service: "ses", resource: "identity", resourceName: "*" }),
          ...(configurationSet
            ? [this.formatArn({ service: "ses", resource: "configuration-set", resourceName: configurationSet })]
            : []),
        ],
        conditions: { StringEquals: { "ses:FromAddress": mailFrom } },
      }),
    );
    return fn;
  }
}

/** An EventBridge Scheduler expression from a programme entry, read in the entry's time zone. */
export function scheduleExpressionOf(entry: Pick<Schedule, "expression" | "timezone">): scheduler.ScheduleExpression {
  const timeZone = TimeZone.of(entry.timezone);
  const parsed = parseScheduleExpression(entry.expression);
  if (parsed.kind === "rate")
    return scheduler.ScheduleExpression.rate(Duration.minutes(parseRate(entry.expression) / 60_000));
  if (parsed.kind === "at") {
    // CDK writes the Date's UTC fields as the at() literal and sends the zone beside it, so the local
    // date-time is given as if it were UTC.
    return scheduler.ScheduleExpression.at(new Date(`${parseAt(entry.expression)}Z`), timeZone);
  }
  const fields = /^cron\((.*)\)$/.exec(entry.expression.trim())?.[1]?.trim().split(/\s+/) ?? [];
  const [minute, hour, day, month, weekDay, year] = fields;
  // AWS cron has exactly one of day-of-month and day-of-week as `?`; CDK wants only the other one.
  return scheduler.ScheduleExpression.cron({
    minute,
    hour,
    month,
    year,
    ...(day === "?" ? { weekDay } : { day }),
    timeZone,
  });
}

/** Named actions on one table, and on its named indexes (from shared/tables.ts) only when it may query them; no wildcard. */
function tableStatement(table: dynamodb.ITableV2, definition: TableDefinition, actions: string[]): iam.PolicyStatement {
  const indexArns = actions.includes("dynamodb:Query")
    ? definition.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`)
    : [];
  return new iam.PolicyStatement({ actions, resources: [table.tableArn, ...indexArns] });
}
