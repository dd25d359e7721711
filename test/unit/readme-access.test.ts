// README's access table is generated from the route tables: it must match them as they are now
// (`npm run docs:access` rewrites it).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { accessTable, everyRoute, README, withAccessTable } from "../../infra/docs/access-table.ts";

const readme = readFileSync(README, "utf8");

describe("README's access table", () => {
  it("is current with the route tables (npm run docs:access regenerates it)", () => {
    expect(withAccessTable(readme)).toBe(readme);
  });

  it("has one row per route, naming its groups in README's words and whether it needs If-Match", () => {
    const table = accessTable(everyRoute());
    const row = (route: string) => table.split("\n").find((line) => line.startsWith(`| \`${route}\` `)) ?? "";
    expect(table.split("\n")).toHaveLength(everyRoute().length + 2);
    expect(row("POST /states/{iso3}/submissions")).toMatch(/\| secretariat, experts +\| +\|/);
    expect(row("PATCH /contacts/{id}")).toMatch(/\| secretariat +\| required \|/);
    expect(row("GET /states")).toMatch(/\| all +\|/);
    expect(row("GET /health")).toMatch(/\| open +\|/);
  });

  it("goes stale when a route's access changes", () => {
    const routes = everyRoute().map((route) =>
      route.path === "/contacts/export" ? { ...route, access: ["secretariat", "experts"] as const } : route,
    );
    expect(withAccessTable(readme, routes)).not.toBe(readme);
  });
});
