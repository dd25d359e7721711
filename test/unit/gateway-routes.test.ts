// How the HTTP API picks a route (shared/http/gateway-routes.ts): API Gateway's documented priority, on its examples.
import { describe, expect, it } from "vitest";
import { type GatewayRouteKey, selectGatewayRoute } from "#shared/http/gateway-routes.ts";

const key = (route: GatewayRouteKey | undefined) => route && `${route.method} ${route.path}`;
const route = (text: string): GatewayRouteKey => {
  const [method = "", path = ""] = text.split(" ");
  return { method, path };
};

describe("selectGatewayRoute", () => {
  // The example of the API Gateway developer guide ("Routing API requests" for HTTP APIs).
  const routes = ["GET /pets/dog/1", "GET /pets/dog/{id}", "GET /pets/{proxy+}", "ANY /{proxy+}"].map(route);

  it("prefers a full match with literal segments, then one with a path variable", () => {
    expect(key(selectGatewayRoute(routes, "GET", "/pets/dog/1"))).toBe("GET /pets/dog/1");
    expect(key(selectGatewayRoute(routes, "GET", "/pets/dog/2"))).toBe("GET /pets/dog/{id}");
  });

  it("falls back to the greedy route with the longest prefix, for the method asked", () => {
    expect(key(selectGatewayRoute(routes, "GET", "/pets/cat/1"))).toBe("GET /pets/{proxy+}");
    expect(key(selectGatewayRoute(routes, "POST", "/pets/dog/1"))).toBe("ANY /{proxy+}");
  });

  it("lets a greedy variable take one segment at least, so a collection needs its own route", () => {
    const collection = ["ANY /templates/{proxy+}", "ANY /{proxy+}"].map(route);
    expect(key(selectGatewayRoute(collection, "GET", "/templates"))).toBe("ANY /{proxy+}");
    expect(key(selectGatewayRoute(collection, "GET", "/templates/variables"))).toBe("ANY /templates/{proxy+}");
    expect(selectGatewayRoute(collection, "GET", "/")).toBeUndefined();
  });

  it("prefers a named method to ANY on the same path, and a full match to a greedy one", () => {
    const mixed = ["ANY /docs", "GET /docs", "ANY /docs/{proxy+}", "GET /docs/{asset}"].map(route);
    expect(key(selectGatewayRoute(mixed, "GET", "/docs"))).toBe("GET /docs");
    expect(key(selectGatewayRoute(mixed, "DELETE", "/docs"))).toBe("ANY /docs");
    expect(key(selectGatewayRoute(mixed, "GET", "/docs/init.js"))).toBe("GET /docs/{asset}");
    expect(key(selectGatewayRoute(mixed, "POST", "/docs/init.js"))).toBe("ANY /docs/{proxy+}");
  });

  it("matches no path variable to an empty segment", () => {
    expect(selectGatewayRoute([route("GET /states/{iso3}")], "GET", "/states/")).toBeUndefined();
  });
});
