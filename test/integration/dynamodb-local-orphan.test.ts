// A process that started DynamoDB Local and was then killed outright (SIGKILL: no exit handler runs) leaves no engine
// behind holding the port, where util-linux's setpriv is on the PATH (infra/local/dynamodb-local.ts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { dynamoDbAnswers } from "../../infra/local/dynamodb-local.ts";
import { findOnPath } from "../../infra/local/find-on-path.ts";
import { assertPortFree } from "../../infra/local/ports.ts";

const MODULE = pathToFileURL("infra/local/dynamodb-local.ts").href;
const STARTER = `const { startDynamoDbLocal } = await import(${JSON.stringify(MODULE)});
const engine = await startDynamoDbLocal({ inMemory: true });
console.log(engine.port);
setInterval(() => undefined, 60_000);`;

const portIsFree = (port: number) =>
  assertPortFree(port).then(
    () => true,
    () => false,
  );

describe.skipIf(!findOnPath("setpriv"))("DynamoDB Local, when the process that started it is killed", () => {
  it("stops, and gives its port back", { timeout: 60_000 }, async () => {
    const starter = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "--eval", STARTER], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = once(starter, "exit");
    try {
      const port = await Promise.race([
        once(createInterface({ input: starter.stdout }), "line").then(([line]) => Number(line)),
        exited.then(([code]) =>
          Promise.reject(new Error(`the starter exited (code ${code}) before its engine answered`)),
        ),
      ]);
      expect(await dynamoDbAnswers(`http://127.0.0.1:${port}`)).toBe(true);

      starter.kill("SIGKILL");
      await exited;
      await expect.poll(() => portIsFree(port), { timeout: 15_000, interval: 100 }).toBe(true);
    } finally {
      starter.kill("SIGKILL");
    }
  });
});
