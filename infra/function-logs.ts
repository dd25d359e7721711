// Every Lambda function of the app logs into a log group kept a year, as the desk's own do (infra/desk-function.ts):
// CDK's helpers too (the Trigger provider, BucketDeployment's handler, the cross-region export reader and writer),
// which would otherwise write to /aws/lambda/<name>, a group Lambda creates on first write and keeps forever.
import { type App, CfnResource, Tokenization } from "aws-cdk-lib";
import * as lambda from "aws-cdk-lib/aws-lambda";
import * as logs from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";

/** How long any function's logs are kept (docs/operations.md: "Logs are kept one year"). */
const FUNCTION_LOG_RETENTION = logs.RetentionDays.ONE_YEAR;

const LOG_GROUP_ID = "Logs";

/**
 * Gives each function without a log group of its own one with FUNCTION_LOG_RETENTION, retained with the stack, and the
 * app's tags (`Tags.of(app)`, an Aspect, has run by then). Not an Aspect: CDK adds the cross-region export providers
 * while it resolves references, after the Aspects have run; the tree's validations run after that and before any
 * template is written (CDK's custom-resource providers use the same hook to finish their roles).
 */
export function keepEveryFunctionsLogs(app: App, tags: Record<string, string>): void {
  app.node.addValidation({
    validate: () => {
      for (const fn of app.node.findAll().filter(isLambdaFunction)) {
        if (hasLogGroup(fn)) continue;
        // A name CloudFormation generates: /aws/lambda/<name> may exist already, made by the function's earlier runs.
        const logGroup = new logs.LogGroup(fn, LOG_GROUP_ID, { retention: FUNCTION_LOG_RETENTION });
        const cfnLogGroup = logGroup.node.defaultChild as logs.CfnLogGroup;
        for (const [key, value] of Object.entries(tags)) cfnLogGroup.tags.setTag(key, value);
        fn.addPropertyOverride("LoggingConfig.LogGroup", logGroup.logGroupName);
      }
      return [];
    },
  });
}

function isLambdaFunction(construct: IConstruct): construct is CfnResource {
  return construct instanceof CfnResource && construct.cfnResourceType === "AWS::Lambda::Function";
}

function hasLogGroup(fn: CfnResource): boolean {
  // Given one by an earlier synth of the same app.
  if (fn.node.tryFindChild(LOG_GROUP_ID)) return true;
  // CDK's custom-resource providers write their function as a plain CfnResource, and set no logging config.
  if (!(fn instanceof lambda.CfnFunction)) return false;
  const config = fn.loggingConfig;
  return config !== undefined && (Tokenization.isResolvable(config) || config.logGroup !== undefined);
}
