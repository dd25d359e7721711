// How the local stack's engine start meets a port or a data folder that something else holds: the JVM's own bind
// failure ends the start at once with the port named, and the data folder's lock refuses a second stack but not the
// lock a killed one left (infra/local/dynamodb-local.ts, infra/local/prelude.ts).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, join } from "node:path";
import { describe, expect, it } from "vitest";
import { startDynamoDbLocal } from "../../infra/local/dynamodb-local.ts";
import { findOnPath } from "../../infra/local/find-on-path.ts";
import { freePort, PortInUseError } from "../../infra/local/ports.ts";
import { beginLocalStack } from "../../infra/local/prelude.ts";
import { heldForATest } from "../support/held-for-a-test.ts";

const { tempDir, holdPort, onCleanup } = heldForATest("desk-engine-start-");

const running = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("DynamoDB Local's start", () => {
  it("ends at once with the port named when the JVM cannot bind it, and leaves no JVM behind", async () => {
    // The race the port check cannot close (the port taken between the check and the JVM's bind), made certain: a
    // `java` first on the PATH runs the real JVM with its -port moved to a port this test holds, so the real engine
    // prints its real bind failure. It notes its pid, which stays the JVM's through the exec.
    const realJava = findOnPath("java");
    if (!realJava) throw new Error("no java on the PATH");
    const held = await holdPort();
    const bin = tempDir();
    const pidFile = join(bin, "java.pid");
    writeFileSync(
      join(bin, "java"),
      `#!/usr/bin/env bash
echo $$ > ${JSON.stringify(pidFile)}
args=("$@")
for i in "\${!args[@]}"; do [ "\${args[$i]}" = "-port" ] && args[$((i + 1))]=${held}; done
exec ${JSON.stringify(realJava)} "\${args[@]}"
`,
    );
    chmodSync(join(bin, "java"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}${delimiter}${path}`;
    onCleanup(() => {
      process.env.PATH = path;
    });

    const asked = await freePort();
    const error = await startDynamoDbLocal({ port: asked, inMemory: true }).then(
      () => undefined,
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as PortInUseError).port).toBe(asked);
    const jvm = Number(readFileSync(pidFile, "utf8"));
    expect(running(jvm)).toBe(false);
    // Longer than the engine's 30 s wait for an answer: without the bind check, the test fails on the error, not the clock.
  }, 45_000);
});

describe("the local stack's data folder", () => {
  it("refuses a second stack while the first one runs, and keeps its lock", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "stack.pid"), String(process.pid));

    await expect(beginLocalStack({ dataDir, inMemory: false })).rejects.toThrow(
      `another npm start (pid ${process.pid}) is running on this data folder (${dataDir}): ` +
        "stop it first (or use LOCAL_DATA_DIR=<another folder>)",
    );
    expect(readFileSync(join(dataDir, "stack.pid"), "utf8")).toBe(String(process.pid));
    expect(existsSync(join(dataDir, "dynamodb"))).toBe(false);
  });

  it("takes over the lock a stack killed outright left, and gives it back when released", async () => {
    const dataDir = tempDir();
    const gone = spawn("true");
    await once(gone, "exit");
    writeFileSync(join(dataDir, "stack.pid"), String(gone.pid));

    const prelude = await beginLocalStack({ dataDir, inMemory: false });
    const engine = await prelude.dynamo;
    try {
      expect(readFileSync(join(dataDir, "stack.pid"), "utf8")).toBe(String(process.pid));
    } finally {
      await engine.stop();
      prelude.release();
    }
    expect(existsSync(join(dataDir, "stack.pid"))).toBe(false);
    expect(existsSync(join(dataDir, "dynamodb"))).toBe(true);
  }, 30_000);
});
