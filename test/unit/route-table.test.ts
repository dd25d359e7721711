// The route table: data without zod or clients, a module loaded (once) on the first request for one of its routes,
// and the router's own list of token groups equal to the actor's schema.
import { readFileSync } from "node:fs";
import { Logger } from "@aws-lambda-powertools/logger";
import { describe, expect, it } from "vitest";
import { groupSchema } from "#shared/auth/actor.ts";
import { defineRoute, lazyRoutes, type RouteModule, routeTable } from "#shared/http/route.ts";
import { createRouter, tokenGroups } from "#shared/http/router.ts";
import { routeDataOf, routeGroupNames } from "../../functions/api/groups.ts";
import { apiEvent } from "../support/api-event.ts";

const silent = new Logger({ logLevel: "SILENT" });

describe("the route table", () => {
  it("lists each group's routes as data, and no table file imports zod or an AWS client", () => {
    for (const group of routeGroupNames) expect(routeDataOf(group).length).toBeGreaterThan(0);
    const tables = readFileSync(new URL("../../functions/api/records.ts", import.meta.url), "utf8");
    expect(tables).not.toMatch(/from "zod"|@aws-sdk/);
    for (const module of ["states", "waves", "meta", "snapshots", "dossier", "search"]) {
      const text = readFileSync(new URL(`../../functions/api/routes/${module}.table.ts`, import.meta.url), "utf8");
      expect(text, module).not.toMatch(/from "zod"|@aws-sdk|schemas\.ts/);
    }
  });

  it("loads a module on the first request for one of its routes, once, and binds it to the group's dependencies", async () => {
    const table = routeTable({
      getThing: { method: "GET", path: "/things/first", summary: "One", tag: "T", access: "open" },
      listThings: { method: "GET", path: "/things", summary: "All", tag: "T", access: "open" },
    });
    let loads = 0;
    const bound: string[] = [];
    const module: RouteModule<{ name: string }> = {
      table,
      load: async () => {
        loads += 1;
        return {
          declarations: {},
          bindRoutes: ({ name }) => {
            bound.push(name);
            return Object.values(table).map((data) =>
              defineRoute({
                ...data,
                responses: [],
                handle: async () => ({ body: { from: name, op: data.operationId } }),
              }),
            );
          },
        };
      },
    };
    const router = createRouter(lazyRoutes([module], { name: "deps" }), silent);
    expect(loads).toBe(0);
    const missing = await router.dispatch(apiEvent({ path: "/nothing" }), "c1");
    expect(missing.statusCode).toBe(404);
    expect(loads).toBe(0);
    const one = await router.dispatch(apiEvent({ path: "/things/first" }), "c2");
    const all = await router.dispatch(apiEvent({ path: "/things" }), "c3");
    expect(JSON.parse(String(one.body))).toEqual({ from: "deps", op: "getThing" });
    expect(JSON.parse(String(all.body))).toEqual({ from: "deps", op: "listThings" });
    expect(loads).toBe(1);
    expect(bound).toEqual(["deps"]);
  });

  it("tries a module again after a load that failed", async () => {
    const table = routeTable({ ping: { method: "GET", path: "/ping", summary: "P", tag: "T", access: "open" } });
    let attempts = 0;
    const module: RouteModule<undefined> = {
      table,
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error("not this time");
        return {
          declarations: {},
          bindRoutes: () => [defineRoute({ ...table.ping, responses: [], handle: async () => ({ body: "pong" }) })],
        };
      },
    };
    const router = createRouter(lazyRoutes([module], undefined), silent);
    expect((await router.dispatch(apiEvent({ path: "/ping" }), "c1")).statusCode).toBe(500);
    expect((await router.dispatch(apiEvent({ path: "/ping" }), "c2")).statusCode).toBe(200);
  });

  it("knows the same token groups as the actor's schema", () => {
    expect([...tokenGroups]).toEqual(groupSchema.options);
  });
});
