// The synthesized stacks keep their promises: protected tables shaped like shared/tables.ts, closed routes, logged stage, least-privilege roles.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { Template } from "aws-cdk-lib/assertions";
import type * as dynamodb from "aws-cdk-lib/aws-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { describe, expect, it } from "vitest";
import { createApiHandler } from "../../functions/api/app.ts";
import { OPENAPI_FILE } from "../../functions/api/docs.ts";
import { routeGroupNames } from "../../functions/api/groups.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { fixedClock } from "../../shared/clock.ts";
import { keyAttributes, type TableId, tables } from "../../shared/tables.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";
import {
  actionsOf,
  environmentOf,
  fromRoot,
  logicalId,
  newApp,
  resource,
  resourcesOf,
  roleStatements,
} from "./desk-template.ts";

// Bundled: the last tests read the bundles' files.
const app = newApp({ bundle: true });
const { stateful, stateless } = buildApp(app);
const assembly = app.synth();
const statefulTemplate = Template.fromStack(stateful);
const statelessTemplate = Template.fromStack(stateless);

// The docs group's four, and the personal calendar feed, whose secret address is its credential (ADR 0023).
// Each with its HEAD: the GET's answer without the body, for monitors.
const openRouteKeys = ["/", "/health", "/openapi.json", "/docs", "/docs/{asset}", "/calendar/{feed}"].flatMap(
  (path) => [`GET ${path}`, `HEAD ${path}`],
);

describe("stateful stack", () => {
  const built: Record<TableId, dynamodb.TableV2> = { desk: stateful.deskTable, audit: stateful.auditTable };

  it("has exactly one table per entry of shared/tables.ts", () => {
    statefulTemplate.resourceCountIs("AWS::DynamoDB::GlobalTable", Object.keys(tables).length);
    statefulTemplate.resourceCountIs("AWS::DynamoDB::Table", 0);
  });

  it("protects every table: PITR, deletion protection, Retain on delete and replace, on-demand", () => {
    const all = resourcesOf(statefulTemplate, "AWS::DynamoDB::GlobalTable");
    expect(Object.keys(all).length).toBeGreaterThan(0);
    for (const table of Object.values(all)) {
      expect(table.DeletionPolicy).toBe("Retain");
      expect(table.UpdateReplacePolicy).toBe("Retain");
      expect(table.Properties.BillingMode).toBe("PAY_PER_REQUEST");
      const replicas = table.Properties.Replicas as Record<string, unknown>[];
      expect(replicas.length).toBeGreaterThan(0);
      for (const replica of replicas) {
        expect(replica.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
        expect(replica.DeletionProtectionEnabled).toBe(true);
      }
    }
  });

  for (const definition of Object.values(tables)) {
    it(`shapes the ${definition.id} table and its indexes as shared/tables.ts says`, () => {
      const table = resource(statefulTemplate, logicalId(stateful, built[definition.id]));
      expect(table.Properties.KeySchema).toEqual([
        { AttributeName: definition.partitionKey, KeyType: "HASH" },
        { AttributeName: definition.sortKey, KeyType: "RANGE" },
      ]);
      expect(table.Properties.GlobalSecondaryIndexes).toEqual(
        definition.indexes.map((index) => ({
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: "HASH" },
            { AttributeName: index.sortKey, KeyType: "RANGE" },
          ],
          Projection: { ProjectionType: "ALL" },
        })),
      );
      const attributes = table.Properties.AttributeDefinitions as { AttributeName: string; AttributeType: string }[];
      expect(attributes.map((attribute) => attribute.AttributeName).sort()).toEqual(keyAttributes(definition).sort());
      expect(new Set(attributes.map((attribute) => attribute.AttributeType))).toEqual(new Set(["S"]));
    });
  }

  it("names no table by hand and outputs the generated names", () => {
    for (const table of Object.values(resourcesOf(statefulTemplate, "AWS::DynamoDB::GlobalTable"))) {
      expect(table.Properties.TableName).toBeUndefined();
    }
    const outputs = Object.keys(statefulTemplate.toJSON().Outputs);
    for (const id of Object.keys(tables)) expect(outputs).toContain(`${id}TableName`);
  });
});

describe("stateless stack: sign-in and routes", () => {
  it("has the three staff groups on the user pool", () => {
    const groups = resourcesOf(statelessTemplate, "AWS::Cognito::UserPoolGroup");
    const poolId = logicalId(stateless, stateless.userPool);
    expect(Object.values(groups).map((group) => group.Properties.GroupName)).toEqual(
      expect.arrayContaining(["secretariat", "experts", "members"]),
    );
    expect(Object.keys(groups)).toHaveLength(3);
    for (const group of Object.values(groups)) expect(group.Properties.UserPoolId).toEqual({ Ref: poolId });
  });

  it("closes self sign-up and asks for strong passwords", () => {
    statelessTemplate.hasResourceProperties("AWS::Cognito::UserPool", {
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ["email"],
      EnabledMfas: ["SOFTWARE_TOKEN_MFA"],
    });
    statelessTemplate.hasResourceProperties("AWS::Cognito::UserPoolClient", { GenerateSecret: false });
  });

  it("puts a JWT authorizer on every route except exactly the open GETs and their HEADs", () => {
    const routes = resourcesOf(statelessTemplate, "AWS::ApiGatewayV2::Route");
    const open: string[] = [];
    for (const route of Object.values(routes)) {
      const key = String(route.Properties.RouteKey);
      if (route.Properties.AuthorizationType === "JWT") {
        expect(route.Properties.AuthorizerId, key).toBeDefined();
      } else {
        expect([undefined, "NONE"], key).toContain(route.Properties.AuthorizationType);
        open.push(key);
      }
    }
    expect(open.sort()).toEqual([...openRouteKeys].sort());
    expect(Object.values(routes).map((route) => route.Properties.RouteKey)).toContain("ANY /{proxy+}");
  });

  it("checks tokens against the user pool and its staff client", () => {
    statelessTemplate.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", {
      AuthorizerType: "JWT",
      JwtConfiguration: {
        Issuer: { "Fn::GetAtt": [logicalId(stateless, stateless.userPool), "ProviderURL"] },
        Audience: [{ Ref: logicalId(stateless, stateless.userPoolClient) }],
      },
    });
  });

  it("logs every request on the default stage, without any header", () => {
    const stages = resourcesOf(statelessTemplate, "AWS::ApiGatewayV2::Stage");
    const [stage] = Object.values(stages);
    expect(Object.keys(stages)).toHaveLength(1);
    expect(stage?.Properties.StageName).toBe("$default");
    const settings = stage?.Properties.AccessLogSettings as { DestinationArn: unknown; Format: string } | undefined;
    expect(settings?.DestinationArn).toBeDefined();
    const format: Record<string, string> = JSON.parse(settings?.Format ?? "{}");
    expect(Object.keys(format)).toEqual(
      expect.arrayContaining(["requestId", "ip", "routeKey", "status", "latency", "integrationError"]),
    );
    expect(settings?.Format).not.toMatch(/header|authorization/i);
  });
});

describe("stateless stack: functions and permissions", () => {
  const auditId = logicalId(stateful, stateful.auditTable);
  const apiFunctions = routeGroupNames.map((group) => [group, stateless.apiFunctions[group]] as const);

  it("runs each api function on ARM64 with Node 24, its environment and its own log group", () => {
    for (const [group, apiFunction] of apiFunctions) {
      const functionId = logicalId(stateless, apiFunction.function);
      const fn = resource(statelessTemplate, functionId);
      expect(fn.Properties.Runtime, group).toBe("nodejs24.x");
      expect(fn.Properties.Architectures, group).toEqual(["arm64"]);
      expect(fn.Properties.MemorySize, group).toBe(1024);
      expect(fn.Properties.Timeout, group).toBe(10);
      const variables = environmentOf(statelessTemplate, functionId);
      if (group !== "docs") {
        expect(Object.keys(variables), group).toEqual(expect.arrayContaining(["DESK_TABLE", "AUDIT_TABLE"]));
      }
      expect(variables, group).toMatchObject({
        POWERTOOLS_SERVICE_NAME: "desk-1540",
        POWERTOOLS_LOG_LEVEL: "INFO",
        NODE_OPTIONS: "--enable-source-maps",
      });
      expect(fn.Properties.LoggingConfig, group).toEqual({
        LogGroup: { Ref: logicalId(stateless, apiFunction.logGroup) },
      });
    }
  });

  it("gives no api function Scan, DeleteItem, a wildcard action, or a managed policy", () => {
    for (const [group, apiFunction] of apiFunctions) {
      const roleId = logicalId(stateless, apiFunction.role);
      const statements = roleStatements(statelessTemplate, roleId);
      expect(statements.length, group).toBeGreaterThan(0);
      for (const statement of statements) {
        for (const action of actionsOf(statement)) {
          expect(action, group).not.toBe("dynamodb:Scan");
          expect(action, group).not.toBe("dynamodb:DeleteItem");
          expect(action, group).not.toContain("*");
        }
      }
      expect(resource(statelessTemplate, roleId).Properties.ManagedPolicyArns, group).toBeUndefined();
    }
  });

  it("lets the api functions only append to and read the audit table", () => {
    for (const [group, apiFunction] of apiFunctions) {
      const onAudit = roleStatements(statelessTemplate, logicalId(stateless, apiFunction.role)).filter((statement) =>
        JSON.stringify(statement.Resource).includes(auditId),
      );
      const actions = onAudit.flatMap(actionsOf);
      // docs has no table; dossier only reads (ADR 0020).
      if (group !== "docs" && group !== "dossier") expect(actions, group).toContain("dynamodb:PutItem");
      expect(actions, group).not.toContain("dynamodb:UpdateItem");
      expect(actions, group).not.toContain("dynamodb:DeleteItem");
      for (const action of actions) {
        expect(["dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:Query"], group).toContain(action);
      }
    }
  });

  it("runs the seed function on every change of its bundle, with grants to read which States exist and add the rest", () => {
    const seedId = logicalId(stateless, stateless.seedFunction.function);
    expect(resource(statelessTemplate, seedId).Properties).toMatchObject({
      Runtime: "nodejs24.x",
      Architectures: ["arm64"],
    });
    const triggers = resourcesOf(statelessTemplate, "Custom::Trigger");
    const [trigger, ...more] = Object.values(triggers);
    if (!trigger) throw new Error("no seed trigger");
    expect(more).toEqual([]);
    // The trigger invokes the current version, so a new bundle (code or CSV) means a new run.
    const { Ref: versionId } = trigger.Properties.HandlerArn as { Ref: string };
    expect(resource(statelessTemplate, versionId).Properties.FunctionName).toEqual({ Ref: seedId });
    expect(trigger.Properties.ExecuteOnHandlerChange).toBe(true);
    const actions = roleStatements(statelessTemplate, logicalId(stateless, stateless.seedFunction.role))
      .flatMap(actionsOf)
      .filter((action) => action.startsWith("dynamodb:"));
    expect(new Set(actions)).toEqual(
      new Set(["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:PutItem"]),
    );
  });

  it("ships the Swagger UI files and the whole API's OpenAPI document with the docs bundle, the registry with the seed bundle", async () => {
    const assetDir = (functionId: string) => {
      const code = resource(statelessTemplate, functionId).Properties.Code as { S3Key: string };
      return path.join(assembly.directory, `asset.${code.S3Key.replace(/\.zip$/, "")}`);
    };
    const docs = assetDir(logicalId(stateless, stateless.apiFunctions.docs.function));
    for (const file of [
      "swagger-ui.css",
      "swagger-ui-bundle.js",
      "swagger-ui-standalone-preset.js",
      "favicon-32x32.png",
    ]) {
      expect(existsSync(path.join(docs, "swagger-ui", file)), file).toBe(true);
    }
    expect(readFileSync(path.join(docs, "index.mjs"), "utf8")).toMatch(/^import \{ createRequire/);
    // What the docs function serves is what the combined app computes live from its routes.
    const live = createApiHandler({
      doc: DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" })),
      tableNames: { desk: "desk", audit: "audit" },
      clock: fixedClock("2026-01-01T00:00:00Z"),
      logger: new Logger({ logLevel: "SILENT" }),
    });
    const served = (await live(
      apiEvent({ path: "/openapi.json" }),
      lambdaContext,
    )) as APIGatewayProxyStructuredResultV2;
    expect(served.statusCode).toBe(200);
    expect(readFileSync(path.join(docs, OPENAPI_FILE), "utf8")).toBe(served.body);
    const seed = assetDir(logicalId(stateless, stateless.seedFunction.function));
    const dataFiles = [
      ["member-states.csv", "shared/registry/member-states.csv"],
      ["organizations.csv", "shared/organizations/organizations.csv"],
      ["2023.json", "events/programme-of-work/2023.json"],
      ["2024.json", "events/programme-of-work/2024.json"],
    ] as const;
    for (const [bundled, source] of dataFiles) {
      expect(readFileSync(path.join(seed, bundled), "utf8")).toEqual(readFileSync(fromRoot(source), "utf8"));
    }
  });
});
