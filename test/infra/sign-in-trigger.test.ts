// The user pool's pre-token-generation trigger (bug 4 of audit 34, ADR 0032): the pool calls functions/token-claims
// with the V2_0 event, which alone may change access tokens, on the Essentials plan that offers it; Cognito may invoke
// the function for this pool only; and the function, which reads nothing, holds no grant beyond its logs and traces.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../infra/desk-app.ts";
import { actionsOf, environmentOf, logicalId, newApp, resource, resourcesOf, roleStatements } from "./desk-template.ts";

const { stateless } = buildApp(newApp());
const template = Template.fromStack(stateless);
const id = (construct: { node: { defaultChild?: unknown } }) => logicalId(stateless, construct);
const trigger = stateless.signIn.tokenClaimsFunction;
const functionId = id(trigger.function);
const poolId = id(stateless.userPool);

describe("the pre-token-generation trigger", () => {
  it("is the pool's V2_0 trigger, on the Essentials plan that has access-token customization", () => {
    const pool = resource(template, poolId).Properties;
    expect(pool.LambdaConfig).toEqual({
      PreTokenGenerationConfig: { LambdaArn: { "Fn::GetAtt": [functionId, "Arn"] }, LambdaVersion: "V2_0" },
    });
    expect(pool.UserPoolTier).toBe("ESSENTIALS");
    // Still signing in by e-mail: changing it would replace the pool and its accounts.
    expect(pool.UsernameAttributes).toEqual(["email"]);
  });

  it("may be invoked by Cognito for this pool only", () => {
    const permissions = Object.values(resourcesOf(template, "AWS::Lambda::Permission")).filter(
      (permission) =>
        JSON.stringify(permission.Properties.FunctionName) === JSON.stringify({ "Fn::GetAtt": [functionId, "Arn"] }),
    );
    expect(permissions.map((permission) => permission.Properties)).toEqual([
      {
        Action: "lambda:InvokeFunction",
        FunctionName: { "Fn::GetAtt": [functionId, "Arn"] },
        Principal: "cognito-idp.amazonaws.com",
        SourceArn: { "Fn::GetAtt": [poolId, "Arn"] },
      },
    ]);
  });

  it("runs functions/token-claims within Cognito's 5 seconds, and may only write its logs and traces", () => {
    expect(resource(template, functionId).Properties.Timeout).toBe(5);
    expect(environmentOf(template, functionId)).toMatchObject({ POWERTOOLS_SERVICE_NAME: "desk-1540-token-claims" });
    const actions = roleStatements(template, id(trigger.role)).flatMap(actionsOf).sort();
    expect(actions).toEqual(
      ["logs:CreateLogStream", "logs:PutLogEvents", "xray:PutTelemetryRecords", "xray:PutTraceSegments"].sort(),
    );
  });
});
