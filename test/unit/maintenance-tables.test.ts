// The tables `npm run search:rebuild` and `npm run migrate` work on: a deployed table is reached in the region the
// operator's AWS configuration gives (AWS_REGION, else the profile's), not a hard-coded one; the local stack as before.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { maintenanceTables } from "../../infra/cli/maintenance-tables.ts";
import { REGION } from "../../infra/local/stack.ts";

const CONFIG_VARIABLES = ["AWS_REGION", "AWS_PROFILE", "AWS_CONFIG_FILE"] as const;
const saved = Object.fromEntries(CONFIG_VARIABLES.map((name) => [name, process.env[name]]));
const dir = mkdtempSync(path.join(tmpdir(), "maintenance-tables-"));
const configFile = path.join(dir, "config");

beforeAll(() => {
  writeFileSync(configFile, "[profile desk-ops]\nregion = eu-west-3\n");
});
afterEach(() => {
  for (const name of CONFIG_VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the tables of search:rebuild and migrate", () => {
  it("reaches a deployed table in the profile's region when AWS_REGION is not set", async () => {
    delete process.env.AWS_REGION;
    process.env.AWS_PROFILE = "desk-ops";
    process.env.AWS_CONFIG_FILE = configFile;
    const { tableNames, client } = maintenanceTables({ DESK_TABLE: "Desk1540-prod-Stateful-desk-1", AUDIT_TABLE: "a" });
    expect(tableNames).toEqual({ desk: "Desk1540-prod-Stateful-desk-1", audit: "a" });
    expect(await client.config.region()).toBe("eu-west-3");
    client.destroy();
  });

  it("lets AWS_REGION win over the profile, as the AWS CLI does", async () => {
    process.env.AWS_REGION = "ap-southeast-2";
    process.env.AWS_PROFILE = "desk-ops";
    process.env.AWS_CONFIG_FILE = configFile;
    const { client } = maintenanceTables({ DESK_TABLE: "desk" });
    expect(await client.config.region()).toBe("ap-southeast-2");
    client.destroy();
  });

  it("keeps the local stack's region and port without DESK_TABLE, whatever the profile says", async () => {
    process.env.AWS_REGION = "ap-southeast-2";
    const { tableNames, client } = maintenanceTables({ DYNAMODB_PORT: "18123" });
    expect(tableNames).toEqual({ desk: "desk-local", audit: "audit-local" });
    expect(await client.config.region()).toBe(REGION);
    const endpoint = await client.config.endpoint?.();
    expect(endpoint?.port).toBe(18123);
    client.destroy();
  });
});
