// The personal calendar feed on the HTTP API (ADR 0023): its one route is answered without the JWT authorizer and asks
// for no scope, by the reports function, throttled as the other open routes; every other route keeps the JWT
// authorizer and the API's scope, so opening it opened nothing else.
import { Template } from "aws-cdk-lib/assertions";
import { describe, expect, it } from "vitest";
import { API_SCOPE } from "../../infra/api-scope.ts";
import { buildApp } from "../../infra/desk-app.ts";
import { OPEN_ROUTE_THROTTLE } from "../../infra/stateless-stack.ts";
import { logicalId, must, newApp, resource, resourcesOf } from "./desk-template.ts";

const { stateless } = buildApp(newApp());
const template = Template.fromStack(stateless);
const routes = Object.values(resourcesOf(template, "AWS::ApiGatewayV2::Route")).map((route) => route.Properties);
const feedRoute = must(
  routes.find((route) => route.RouteKey === "GET /calendar/{feed}"),
  "route GET /calendar/{feed}",
);
const docsKeys = ["/", "/health", "/openapi.json", "/docs", "/docs/{asset}"].flatMap((path) => [
  `GET ${path}`,
  `HEAD ${path}`,
]);
const feedHead = must(
  routes.find((route) => route.RouteKey === "HEAD /calendar/{feed}"),
  "route HEAD /calendar/{feed}",
);

describe("the calendar feed's route", () => {
  it("has no authorizer and asks for no scope, nor its HEAD", () => {
    for (const route of [feedRoute, feedHead]) {
      expect(route.AuthorizationType).toBe("NONE");
      expect(route.AuthorizerId).toBeUndefined();
      expect(route.AuthorizationScopes).toBeUndefined();
    }
    expect(feedHead.Target).toEqual(feedRoute.Target);
  });

  it("is served by the reports function", () => {
    const integrationId = must(/"Ref":"(\w+)"/.exec(JSON.stringify(feedRoute.Target))?.[1], "integration");
    const uri = resource(template, integrationId).Properties.IntegrationUri as { "Fn::GetAtt": [string, string] };
    expect(uri["Fn::GetAtt"][0]).toBe(logicalId(stateless, stateless.apiFunctions.reports.function));
  });

  it("leaves the JWT authorizer and the API's scope on every route but it and the docs group's", () => {
    const closed = routes.filter(
      (route) => route !== feedRoute && route !== feedHead && !docsKeys.includes(String(route.RouteKey)),
    );
    expect(closed.map((route) => route.RouteKey)).toEqual(
      expect.arrayContaining(["ANY /programme", "ANY /programme/{proxy+}", "ANY /{proxy+}"]),
    );
    for (const route of closed) {
      expect(route.AuthorizationType, String(route.RouteKey)).toBe("JWT");
      expect(route.AuthorizerId, String(route.RouteKey)).toBeDefined();
      expect(route.AuthorizationScopes, String(route.RouteKey)).toEqual([API_SCOPE]);
    }
  });

  it("is throttled like the other open routes", () => {
    const stage = must(Object.values(resourcesOf(template, "AWS::ApiGatewayV2::Stage"))[0], "stage").Properties;
    expect((stage.RouteSettings as Record<string, unknown>)["GET /calendar/{feed}"]).toEqual({
      ThrottlingBurstLimit: OPEN_ROUTE_THROTTLE.burstLimit,
      ThrottlingRateLimit: OPEN_ROUTE_THROTTLE.rateLimit,
    });
  });
});
