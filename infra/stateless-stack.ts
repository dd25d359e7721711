// The stateless stack: sign-in, the HTTP API and the functions; it holds no domain data and can be redeployed freely.
import {
  CfnOutput,
  CrossStackReferences,
  Duration,
  ReferenceStrength,
  RemovalPolicy,
  Stack,
  type StackProps,
} from "aws-cdk-lib";
import { AccessLogFormat } from "aws-cdk-lib/aws-apigateway";
import * as apigw from "aws-cdk-lib/aws-apigatewayv2";
import { HttpJwtAuthorizer } from "aws-cdk-lib/aws-apigatewayv2-authorizers";
import { HttpLambdaIntegration } from "aws-cdk-lib/aws-apigatewayv2-integrations";
import * as cognito from "aws-cdk-lib/aws-cognito";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import * as iam from "aws-cdk-lib/aws-iam";
import * as logs from "aws-cdk-lib/aws-logs";
import { Trigger } from "aws-cdk-lib/triggers";
import type { Construct } from "constructs";
import { openPaths } from "../functions/api/routes/meta.ts";
import { groupSchema } from "../shared/auth/actor.ts";
import { type TableDefinition, tables } from "../shared/tables.ts";
import { DeskFunction } from "./desk-function.ts";

export interface StatelessStackProps extends StackProps {
  deskTable: dynamodb.ITableV2;
  auditTable: dynamodb.ITableV2;
}

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
      description: "Seeds the 193 Member States (idempotent)",
      environment: { ...tableEnvironment, POWERTOOLS_SERVICE_NAME: "desk-1540-seed", POWERTOOLS_LOG_LEVEL: "INFO" },
      timeout: Duration.minutes(1),
      files: [{ from: "shared/registry/member-states.csv", to: "member-states.csv" }],
    });
    this.seedFunction.role.addToPolicy(
      // It reads which States exist through the all-States index, then adds the rest in transactions.
      tableStatement(deskTable, tables.desk, ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"]),
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

    new CfnOutput(this, "ApiUrl", { value: stage.url });
    new CfnOutput(this, "UserPoolId", { value: this.userPool.userPoolId });
    new CfnOutput(this, "UserPoolClientId", { value: this.userPoolClient.userPoolClientId });
  }
}

/** Named actions on one table, and on its named indexes (from shared/tables.ts) only when it may query them; no wildcard. */
function tableStatement(table: dynamodb.ITableV2, definition: TableDefinition, actions: string[]): iam.PolicyStatement {
  const indexArns = actions.includes("dynamodb:Query")
    ? definition.indexes.map((index) => `${table.tableArn}/index/${index.indexName}`)
    : [];
  return new iam.PolicyStatement({ actions, resources: [table.tableArn, ...indexArns] });
}
