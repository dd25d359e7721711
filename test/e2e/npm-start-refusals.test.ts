// `npm start` (infra/local/start.mjs) refusing what it cannot run on, as a person meets it: a wrong argument or port
// setting, a port something else holds, a data folder another stack uses. Each refusal says what to do, exits with
// its code and leaves the data folder as it found it; none starts DynamoDB Local's JVM.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../infra/local/ports.ts";
import { REPO_ROOT } from "../../infra/local/prelude.ts";

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "desk-start-refused-"));
  dataDirs.push(dir);
  return dir;
}

interface Run {
  code: number | null;
  output: string;
}

/** `npm start` with these arguments and settings, on free ports unless given; it must end by itself. */
async function npmStart(args: string[], env: Record<string, string>, dir: string): Promise<Run> {
  const [api, dynamodb, ses] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ["infra/local/start.mjs", ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      LOCAL_DATA_DIR: dir,
      API_PORT: String(api),
      DYNAMODB_PORT: String(dynamodb),
      SES_PORT: String(ses),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group: a start that was not refused is ended with everything it spawned.
    detached: true,
  });
  let output = "";
  for (const stream of [child.stdout, child.stderr]) stream.on("data", (chunk: Buffer) => (output += chunk));
  const exited = once(child, "exit");
  const started = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, "SIGKILL"), 20_000);
  const [code] = (await exited) as [number | null];
  clearTimeout(started);
  return { code, output };
}

async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = createServer();
  server.listen(0);
  await once(server, "listening");
  const address = server.address();
  if (typeof address !== "object" || !address) throw new Error("the holder has no port");
  return { port: address.port, release: () => new Promise((done) => server.close(() => done())) };
}

describe("npm start refuses", { timeout: 30_000 }, () => {
  it("an argument it does not know, with its usage", async () => {
    const run = await npmStart(["--fast"], {}, dataDir());
    expect(run.code).toBe(2);
    expect(run.output).toContain("Unknown argument --fast\nUsage: npm start [-- --in-memory]");
  });

  it("a port setting that is not a port, naming the variable", async () => {
    const run = await npmStart([], { API_PORT: "http" }, dataDir());
    expect(run.code).toBe(2);
    expect(run.output).toContain('API_PORT must be a port number from 0 (any free port) to 65535; got "http"');
  });

  it("two services on one port, naming both variables", async () => {
    const port = String(await freePort());
    const run = await npmStart([], { DYNAMODB_PORT: port, SES_PORT: port }, dataDir());
    expect(run.code).toBe(2);
    expect(run.output).toContain(`DYNAMODB_PORT and SES_PORT are both ${port}: each service needs a port of its own`);
  });

  it.each([
    ["API_PORT", "api"],
    ["DYNAMODB_PORT", "dynamodb"],
    ["SES_PORT", "ses"],
  ])(
    "a port something else holds (%s), saying how to move it, with the data folder untouched",
    async (variable, service) => {
      const holder = await holdPort();
      const dir = dataDir();
      try {
        const run = await npmStart([], { [variable]: String(holder.port) }, dir);
        expect(run.code).toBe(1);
        expect(run.output).toContain(
          `Port ${holder.port} (${service}) is already in use. Stop whatever holds it (another npm start?), ` +
            `or pick another port: ${variable}=<port> npm start`,
        );
        expect(run.output).not.toContain("starting DynamoDB Local");
        expect(readdirSync(dir)).toEqual([]);
      } finally {
        await holder.release();
      }
    },
  );

  it("every port something else holds in one message, each with its variable", async () => {
    const [dynamodb, ses] = [await holdPort(), await holdPort()];
    try {
      const run = await npmStart([], { DYNAMODB_PORT: String(dynamodb.port), SES_PORT: String(ses.port) }, dataDir());
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        `Ports ${dynamodb.port} (dynamodb) and ${ses.port} (ses) are already in use. Stop whatever holds them ` +
          "(another npm start?), or pick other ports: DYNAMODB_PORT=<port> SES_PORT=<port> npm start",
      );
    } finally {
      await Promise.all([dynamodb.release(), ses.release()]);
    }
  });

  it("a data folder another stack uses, before the ports that stack holds, and keeps its lock", async () => {
    const dir = dataDir();
    // The lock of a stack that runs, and a port it holds: this process stands for it.
    writeFileSync(join(dir, "stack.pid"), String(process.pid));
    const holder = await holdPort();
    try {
      const run = await npmStart([], { DYNAMODB_PORT: String(holder.port) }, dir);
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        `The local stack did not start: another npm start (pid ${process.pid}) is running on this data folder ` +
          `(${dir}): stop it first (or use LOCAL_DATA_DIR=<another folder>)`,
      );
      expect(run.output).not.toContain("already in use");
    } finally {
      await holder.release();
    }
    expect(readFileSync(join(dir, "stack.pid"), "utf8")).toBe(String(process.pid));
    expect(existsSync(join(dir, "dynamodb"))).toBe(false);
  });
});
