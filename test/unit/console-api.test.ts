// The console's API types and route access are generated from the OpenAPI document: they must match it as it is now.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ACCESS_FILE, generatedApiFiles, staleApiFiles } from "../../console/build/api-types.ts";

describe("the console's generated API files", () => {
  it("are current with the routes' OpenAPI document (npm run console:api regenerates them)", async () => {
    expect(await staleApiFiles()).toEqual([]);
  }, 120_000);

  it("carry each route's groups from x-groups, so the console offers only what a group may call", async () => {
    const access = (await generatedApiFiles())[ACCESS_FILE] ?? "";
    expect(access).toBe(readFileSync(ACCESS_FILE, "utf8"));
    expect(access).toContain('"POST /states/{iso3}/submissions": ["secretariat", "experts"]');
    expect(access).toContain('"GET /states": ["secretariat", "experts", "members"]');
    expect(access).toContain('"GET /health": "open"');
  }, 120_000);
});
