// Runs the real DynamoDB Local engine (from amplify-dynamodb-simulator's tarball) as a java child process.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { findOnPath } from "./find-on-path.ts";
import { beginJvmArchive, usableJvmArchive } from "./jvm-archive.ts";
import { assertPortFree, freePort, PortInUseError } from "./ports.ts";

export interface DynamoDbLocalOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  inMemory: boolean;
  /** Where the shared database file lives when not in memory; created if missing. */
  dbPath?: string;
  /**
   * The class-data-sharing archive (ADR 0041): "use" (the default) when one was made from the installed jar, else
   * start without; "make" to write one when this engine stops (the install does, after a seed).
   */
  classArchive?: "use" | "make";
  /**
   * An engine that serves a whole test layer (tens of thousands of requests over minutes): the JVM's full compiler
   * pays for itself there; a start and its seed are cheaper on the quick compiler alone (JVM_OPTIONS).
   */
  longLived?: boolean;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

export const JAVA_MISSING =
  "Java is needed for DynamoDB Local: install it with 'apt-get install -y default-jre-headless'";

/**
 * A local engine lives for minutes and serves a few thousand requests: the quick compiler alone (C1) and the serial
 * collector cost half the CPU of the JVM's defaults for a start and its seed, on two cores (ADR 0027). The engine's
 * own jar (installed by npm, not downloaded at run time) is not verified class by class: a tenth of the JVM's start
 * (ADR 0037).
 */
const JVM_OPTIONS = ["-XX:+UseSerialGC", "-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote"];
/**
 * The quick compiler alone, but for an engine serving a whole test layer: there the full compiler's better code pays
 * for its compiling (the integration layer's engine: 96 s of CPU against 108 s with C1 alone, ADR 0027's amendment).
 */
const QUICK_COMPILER_ONLY = "-XX:TieredStopAtLevel=1";
/** Until the engine listens, a refused connection costs next to nothing: ask often, so no start waits long for it. */
const READY_POLL_MS = 25;

const READY_TIMEOUT_MS = 30_000;
const STOP_GRACE_MS = 5_000;
const KEPT_OUTPUT_LINES = 20;
/**
 * What the engine prints when its port was taken after our check (another process's bind in between): it then stays
 * up, listening nowhere, and would be waited for until the timeout.
 */
const BIND_REFUSED = /java\.net\.BindException|Failed to bind to /;

function emulatorDir(): string {
  const packageJson = createRequire(import.meta.url).resolve("amplify-dynamodb-simulator/package.json");
  return join(dirname(packageJson), "emulator");
}

/**
 * A parent killed outright (SIGKILL, the OOM killer) runs no exit handler, and the JVM would hold its port until
 * stopped by hand. util-linux's `setpriv`, where there is one, asks the kernel to send the JVM SIGTERM when the thread
 * that spawned it ends, then becomes the JVM (same pid). So spawn it from a process's main thread: a worker thread's
 * end would stop it too.
 */
function stoppedWithParent(): string[] {
  const setpriv = findOnPath("setpriv");
  return setpriv ? [setpriv, "--pdeathsig", "TERM"] : [];
}

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

export async function startDynamoDbLocal(opts: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const java = findOnPath("java");
  if (!java) throw new Error(JAVA_MISSING);

  const emulator = emulatorDir();
  const jar = join(emulator, "DynamoDBLocal.jar");
  // The jar comes from the npm tarball at install time; it is never vendored (its licence forbids it).
  if (!existsSync(jar)) throw new Error(`DynamoDB Local is missing at ${jar}: run npm install`);

  let port: number;
  if (opts.port) {
    // Checked first: a busy port fails before a JVM starts, and an engine already on it is never taken for ours. A port
    // taken between this check and the JVM's bind is caught from the JVM's output (BIND_REFUSED).
    await assertPortFree(opts.port);
    port = opts.port;
  } else {
    port = await freePort();
  }

  const storage: string[] = ["-inMemory"];
  if (!opts.inMemory) {
    if (!opts.dbPath) throw new Error("startDynamoDbLocal: dbPath is required unless inMemory");
    const dbPath = resolve(opts.dbPath);
    mkdirSync(dbPath, { recursive: true });
    storage.splice(0, 1, "-sharedDb", "-dbPath", dbPath);
  }

  const making = opts.classArchive === "make" ? await beginJvmArchive(emulator) : undefined;
  const archived = making ? undefined : usableJvmArchive(emulator);
  const classData = making
    ? [`-XX:ArchiveClassesAtExit=${making.archive}`]
    : archived
      ? [`-XX:SharedArchiveFile=${archived.archive}`]
      : [];
  const args = [
    ...(opts.longLived ? [] : [QUICK_COMPILER_ONLY]),
    ...JVM_OPTIONS,
    ...classData,
    `-Djava.library.path=${join(emulator, "DynamoDBLocal_lib")}`,
    ...((making ?? archived)?.launch ?? ["-jar", jar]),
    ...storage,
    "-port",
    String(port),
    "-disableTelemetry",
  ];
  const [command = java, ...commandArgs] = [...stoppedWithParent(), java, ...args];
  // Without DDB_LOCAL_TELEMETRY=0 it still resolves an AWS host even with -disableTelemetry.
  const child = spawn(command, commandArgs, {
    env: { ...process.env, DDB_LOCAL_TELEMETRY: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });

  let bindRefused = false;
  const output = keepLastLines(child, KEPT_OUTPUT_LINES, (line) => {
    if (BIND_REFUSED.test(line)) bindRefused = true;
  });
  let exit: { code: number | null; signal: NodeJS.Signals | null; error?: Error } | undefined;
  const exited = new Promise<void>((done) => {
    child.once("error", (error) => {
      exit = { code: null, signal: null, error };
      done();
    });
    child.once("exit", (code, signal) => {
      exit = { code, signal };
      done();
    });
  });

  // A parent that exits without calling stop() must not leave java running on the port.
  const killOnExit = () => {
    if (!exit) child.kill("SIGKILL");
  };
  process.on("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));

  const endpoint = `http://127.0.0.1:${port}`;

  async function stop(): Promise<void> {
    if (!exit) {
      child.kill("SIGTERM");
      await Promise.race([exited, sleep(STOP_GRACE_MS)]);
      if (!exit) child.kill("SIGKILL");
    }
    await exited;
    // The JVM has written the archive as it exited.
    making?.commit();
  }

  try {
    await waitUntilReady(
      endpoint,
      exited,
      () => exit,
      output,
      () => (bindRefused ? port : undefined),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, port, stop };
}

async function waitUntilReady(
  endpoint: string,
  exited: Promise<void>,
  exitInfo: () => { code: number | null; signal: NodeJS.Signals | null; error?: Error } | undefined,
  output: () => string[],
  refusedPort: () => number | undefined,
): Promise<void> {
  // Loaded here, not at import: `npm start` spawns the JVM before the SDK loads (ADR 0030).
  const { DynamoDBClient, ListTablesCommand } = await import("@aws-sdk/client-dynamodb");
  const client = new DynamoDBClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 500, requestTimeout: 5_000, throwOnRequestTimeout: true },
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  const describe = () => {
    const lines = output();
    return lines.length > 0 ? `\nLast output:\n${lines.join("\n")}` : "";
  };
  try {
    for (;;) {
      const info = exitInfo();
      if (info) {
        if (info.error && "code" in info.error && info.error.code === "ENOENT") throw new Error(JAVA_MISSING);
        const how = info.error ? info.error.message : `code ${info.code ?? "none"}, signal ${info.signal ?? "none"}`;
        throw new Error(`DynamoDB Local exited before it was ready (${how})${describe()}`);
      }
      const refused = refusedPort();
      if (refused !== undefined) throw new PortInUseError(refused);
      if (Date.now() > deadline) {
        throw new Error(
          `DynamoDB Local did not answer on ${endpoint} within ${READY_TIMEOUT_MS / 1000} s${describe()}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        // Not listening yet: wait a little, or less if the process dies meanwhile.
        await Promise.race([exited, sleep(READY_POLL_MS)]);
      }
    }
  } finally {
    client.destroy();
  }
}

/** Whether a DynamoDB endpoint answers now (one quick ListTables); for commands that need a running stack. */
export async function dynamoDbAnswers(endpoint: string): Promise<boolean> {
  const { DynamoDBClient, ListTablesCommand } = await import("@aws-sdk/client-dynamodb");
  const client = new DynamoDBClient({
    region: "us-east-1",
    endpoint,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
    return true;
  } catch {
    return false;
  } finally {
    client.destroy();
  }
}

/**
 * Reads the child's stdout and stderr (so the pipes never fill up), hands each line to `onLine` and keeps the last
 * lines for error messages.
 */
function keepLastLines(child: ChildProcess, max: number, onLine: (line: string) => void): () => string[] {
  const lines: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    stream.setEncoding("utf8");
    let partial = "";
    stream.on("data", (chunk: string) => {
      const parts = (partial + chunk).split(/\r?\n/);
      partial = parts.pop() ?? "";
      for (const line of parts) {
        if (line.trim() === "") continue;
        onLine(line);
        lines.push(line);
        if (lines.length > max) lines.shift();
      }
    });
  }
  return () => [...lines];
}
