// The api's route groups on the HTTP API (ADR 0014): every documented route reaches the function of the group that
// serves it, each function holds only its group's grants, and the docs function needs none.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { openApiJsonOfEveryRoute } from "../../functions/api/app.ts";
import { type RouteGroupName, routeDataOf, routeGroupNames, routeGroups } from "../../functions/api/groups.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { selectGatewayRoute } from "../../shared/http/gateway-routes.ts";
import {
  actionsOf,
  environmentOf,
  logicalId,
  must,
  newApp,
  resource,
  resourcesOf,
  roleStatements,
} from "./desk-template.ts";

const app = newApp();
const { stateful, stateless } = buildApp(app);
const template = Template.fromStack(stateless);
const id = (construct: { node: { defaultChild?: unknown } }) => logicalId(stateless, construct);

/** Each group's routes, from the route table: data, no client. */
const servedBy = new Map<string, RouteGroupName>();
for (const group of routeGroupNames) {
  for (const route of routeDataOf(group)) servedBy.set(`${route.method} ${route.path}`, group);
}
const everyRoute = routeGroupNames.flatMap(routeDataOf);
const document = JSON.parse(await openApiJsonOfEveryRoute()) as { paths: Record<string, Record<string, unknown>> };

/** The synthesized HTTP API's routes, each with the logical id of the function its integration invokes. */
const gatewayRoutes = Object.values(resourcesOf(template, "AWS::ApiGatewayV2::Route")).map((route) => {
  const [method = "", path = ""] = String(route.Properties.RouteKey).split(" ");
  const target = JSON.stringify(route.Properties.Target);
  const integrationId = must(/"Ref":"(\w+)"/.exec(target)?.[1], `integration of ${route.Properties.RouteKey}`);
  const uri = resource(template, integrationId).Properties.IntegrationUri as { "Fn::GetAtt": [string, string] };
  return { method, path, functionId: uri["Fn::GetAtt"][0], authorization: route.Properties.AuthorizationType };
});

const functionIdOf = (group: RouteGroupName) => id(stateless.apiFunctions[group].function);
const groupOfFunction = new Map(routeGroupNames.map((group) => [functionIdOf(group), group]));
/** A concrete path for a route's template: each `{variable}` filled in. */
const samplePath = (template: string) => template.replace(/\{\w+\}/g, "sample");

describe("the api's route groups on the HTTP API", () => {
  it("gives every route of the combined app to exactly one group", () => {
    expect(servedBy.size).toBe(everyRoute.length);
    const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...servedBy.keys()].sort());
  });

  it("sends every documented method and path to the function of the group that serves it", () => {
    const misrouted: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const method of Object.keys(methods).map((name) => name.toUpperCase())) {
        const key = `${method} ${path}`;
        const selected = selectGatewayRoute(gatewayRoutes, method, samplePath(path));
        const expected = servedBy.get(key);
        const reached = selected && groupOfFunction.get(selected.functionId);
        if (!expected || reached !== expected) misrouted.push(`${key}: served by ${expected}, reaches ${reached}`);
      }
    }
    expect(misrouted).toEqual([]);
  });

  it("sends each gateway route to a group's function, every path as the route table says", () => {
    const expected = routeGroupNames.flatMap((group) =>
      routeGroups[group].gateway.map((route) => `${route.method} ${route.path} -> ${group}`),
    );
    const synthesized = gatewayRoutes.map(
      (route) => `${route.method} ${route.path} -> ${groupOfFunction.get(route.functionId)}`,
    );
    expect(synthesized.sort()).toEqual(expected.sort());
  });

  it("opens exactly the docs group's routes and the calendar feed, and keeps the records function as the catch-all", () => {
    const open = gatewayRoutes.filter((route) => route.authorization !== "JWT");
    expect(
      open.map((route) => `${route.method} ${route.path} -> ${groupOfFunction.get(route.functionId)}`).sort(),
    ).toEqual(
      [
        "GET / -> docs",
        "HEAD / -> docs",
        "GET /docs -> docs",
        "GET /docs/{asset} -> docs",
        "GET /health -> docs",
        "GET /openapi.json -> docs",
        "GET /calendar/{feed} -> reports",
        "HEAD /docs -> docs",
        "HEAD /docs/{asset} -> docs",
        "HEAD /health -> docs",
        "HEAD /openapi.json -> docs",
        "HEAD /calendar/{feed} -> reports",
      ].sort(),
    );
    const catchAll = gatewayRoutes.find((route) => route.path === "/{proxy+}");
    expect(catchAll).toMatchObject({ method: "ANY", functionId: functionIdOf("records"), authorization: "JWT" });
  });
});

describe("the api functions' grants", () => {
  const statementsOf = (group: RouteGroupName) => roleStatements(template, id(stateless.apiFunctions[group].role));
  const actions = (group: RouteGroupName) => statementsOf(group).flatMap(actionsOf);
  const deskId = logicalId(stateful, stateful.deskTable);
  const auditId = logicalId(stateful, stateful.auditTable);
  const tableActions = (group: RouteGroupName, tableId: string) =>
    statementsOf(group)
      .filter((statement) => JSON.stringify(statement.Resource).includes(tableId))
      .flatMap(actionsOf)
      .sort();
  const dynamo = (...names: string[]) => names.map((name) => `dynamodb:${name}`).sort();
  const mailAndSchedules = (action: string) =>
    action.startsWith("ses:") || action.startsWith("scheduler:") || action === "iam:PassRole";

  it("lets only the correspondence function send mail, manage schedules and pass the schedules' role", () => {
    for (const group of routeGroupNames.filter((name) => name !== "correspondence")) {
      expect(actions(group).filter(mailAndSchedules), group).toEqual([]);
      const variables = Object.keys(environmentOf(template, functionIdOf(group)));
      expect(
        variables.filter((name) => /^(WAVE_|MAIL_FROM|SES_)/.test(name)),
        group,
      ).toEqual([]);
    }
    expect(actions("correspondence")).toEqual(
      expect.arrayContaining(["ses:SendEmail", "scheduler:CreateSchedule", "scheduler:DeleteSchedule", "iam:PassRole"]),
    );
    expect(Object.keys(environmentOf(template, functionIdOf("correspondence")))).toEqual(
      expect.arrayContaining(["WAVE_DISPATCH_ARN", "WAVE_SCHEDULE_GROUP", "MAIL_FROM", "SES_CONFIGURATION_SET"]),
    );
  });

  it("gives the records and assistance functions the api's item actions and lets them read the audit trail", () => {
    for (const group of ["records", "assistance"] as const) {
      expect(tableActions(group, deskId), group).toEqual(
        dynamo("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem", "ConditionCheckItem"),
      );
      expect(tableActions(group, auditId), group).toEqual(dynamo("PutItem", "GetItem", "Query"));
    }
  });

  it("lets correspondence append to the audit trail only, reports append and query it, and reports never update", () => {
    expect(tableActions("correspondence", deskId)).toEqual(
      dynamo("GetItem", "BatchGetItem", "Query", "PutItem", "UpdateItem"),
    );
    expect(tableActions("reports", deskId)).toEqual(dynamo("GetItem", "BatchGetItem", "Query", "PutItem"));
    expect(tableActions("correspondence", auditId)).toEqual(dynamo("PutItem"));
    // The templates run under the grants they had in correspondence's function (ADR 0014, amended).
    expect(tableActions("templates", deskId)).toEqual(tableActions("correspondence", deskId));
    expect(tableActions("templates", auditId)).toEqual(dynamo("PutItem"));
    // A snapshot dates contacts' verifications and e-mail status from their audit trails (ADR 0011).
    expect(tableActions("reports", auditId)).toEqual(dynamo("PutItem", "Query"));
  });

  it("lets the dossier function read the tables and write nothing", () => {
    expect(tableActions("dossier", deskId)).toEqual(dynamo("GetItem", "Query"));
    expect(tableActions("dossier", auditId)).toEqual(dynamo("Query"));
  });

  it("gives the docs function no table, no grant beyond its own logs and traces, and no table names", () => {
    const beyondLogs = actions("docs").filter((action) => !action.startsWith("logs:"));
    expect(beyondLogs.sort()).toEqual(["xray:PutTelemetryRecords", "xray:PutTraceSegments"]);
    expect(Object.keys(environmentOf(template, functionIdOf("docs")))).not.toContain("DESK_TABLE");
  });

  it("runs every api function from its group's entry, on ARM64 with Node 24", () => {
    for (const group of routeGroupNames) {
      const fn = resource(template, functionIdOf(group));
      expect(fn.Properties, group).toMatchObject({ Runtime: "nodejs24.x", Architectures: ["arm64"] });
      expect(resource(template, id(stateless.apiFunctions[group].role)).Properties.Description).toBe(
        `Runs ${routeGroups[group].entry}`,
      );
    }
  });
});
