// What a second `npm start` meets before anything starts (infra/local/prelude.ts): the data folder's lock first, when
// the stack holding it runs, then every busy port in one message, each with the variable that moves it.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BusyPortsError, beginLocalStack, busyPortsMessage } from "../../infra/local/prelude.ts";
import { heldForATest } from "../support/held-for-a-test.ts";

const { tempDir, holdPort } = heldForATest("desk-start-checks-");

describe("busy ports' message", () => {
  it("names one busy port with its variable", () => {
    expect(busyPortsMessage([{ service: "ses", port: 8005 }])).toBe(
      "Port 8005 (ses) is already in use. Stop whatever holds it (another npm start?), " +
        "or pick another port: SES_PORT=<port> npm start",
    );
  });

  it("names every busy port, each with its variable, in one message", () => {
    const busy = [
      { service: "dynamodb", port: 8540 },
      { service: "ses", port: 8005 },
      { service: "api", port: 4540 },
    ] as const;
    expect(busyPortsMessage(busy)).toBe(
      "Ports 8540 (dynamodb), 8005 (ses) and 4540 (api) are already in use. Stop whatever holds them " +
        "(another npm start?), or pick other ports: DYNAMODB_PORT=<port> SES_PORT=<port> API_PORT=<port> npm start",
    );
  });
});

describe("a second start's checks", () => {
  it("refuses a data folder a running stack holds before looking at the ports it holds, and keeps its lock", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "stack.pid"), String(process.pid));
    const [dynamoPort, sesPort] = [await holdPort(), await holdPort()];

    await expect(beginLocalStack({ dataDir, inMemory: false, dynamoPort, sesPort })).rejects.toThrow(
      `another npm start (pid ${process.pid}) is running on this data folder (${dataDir}): ` +
        "stop it first (or use LOCAL_DATA_DIR=<another folder>)",
    );
    expect(readFileSync(join(dataDir, "stack.pid"), "utf8")).toBe(String(process.pid));
  });

  it("names every busy port at once, and gives the folder back as it found it", async () => {
    const dataDir = tempDir();
    const [dynamoPort, apiPort] = [await holdPort(), await holdPort()];

    const error = await beginLocalStack({ dataDir, inMemory: false, dynamoPort, apiPort }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BusyPortsError);
    expect((error as BusyPortsError).busy).toEqual([
      { service: "dynamodb", port: dynamoPort },
      { service: "api", port: apiPort },
    ]);
    expect(readdirSync(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, "stack.pid"))).toBe(false);
  });
});
