// What the local stack does before anything else loads: the fixed ports checked, the data folder locked, and DynamoDB
// Local's JVM spawned. It imports only Node's own modules and the engine's launcher, so `npm start` runs it first
// thing and loads the rest of the code while the JVM boots (ADR 0030).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type DynamoDbLocal, startDynamoDbLocal } from "./dynamodb-local.ts";
import { assertPortFree, PortInUseError } from "./ports.ts";

export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_DATA_DIR = join(REPO_ROOT, ".local");

export type LocalService = "api" | "dynamodb" | "ses";

/** Which environment variable moves which port (read by `npm start` and `npm run fire`). */
export const portVariables: Record<LocalService, { name: string; fallback: number }> = {
  api: { name: "API_PORT", fallback: 4540 },
  dynamodb: { name: "DYNAMODB_PORT", fallback: 8540 },
  ses: { name: "SES_PORT", fallback: 8005 },
};

/** The variable to set when `service`'s port is busy, for the error message. */
export function portVariableName(service: string | undefined): string | undefined {
  const match = Object.entries(portVariables).find(([name]) => name === service);
  return match?.[1].name;
}

export function localPortsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<LocalService, number> {
  const read = (service: LocalService): number => {
    const { name, fallback } = portVariables[service];
    const text = env[name];
    if (text === undefined || text === "") return fallback;
    const port = Number(text);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`${name} must be a port number from 0 (any free port) to 65535; got "${text}"`);
    }
    return port;
  };
  const ports = { api: read("api"), dynamodb: read("dynamodb"), ses: read("ses") };
  // On one port, the second service to bind fails; DynamoDB Local's JVM then stays up unbound, and its readiness check
  // is answered by the SES emulator, which printed an error for every try until the 30 s wait gave up.
  const taken = new Map<number, LocalService>();
  for (const service of Object.keys(ports) as LocalService[]) {
    const port = ports[service];
    const holder = taken.get(port);
    if (holder && port !== 0) {
      const [first, second] = [portVariables[holder].name, portVariables[service].name];
      throw new Error(`${first} and ${second} are both ${port}: each service needs a port of its own`);
    }
    taken.set(port, service);
  }
  return ports;
}

/** Tags a busy port with the service, so `npm start` can name the variable that moves it. */
export async function onPort<T>(service: LocalService, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof PortInUseError) throw new PortInUseError(error.port, service);
    throw error;
  }
}

/**
 * Two stacks on one data directory would run two DynamoDB Local engines on one database file; the second
 * start is refused instead. A lock left by a process that no longer runs is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lock = join(dataDir, "stack.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx" });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    const holder = Number(readFileSync(lock, "utf8").trim());
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new Error(
        `Another local stack (pid ${holder}) is using ${dataDir}: stop it first (Ctrl-C in its terminal)`,
      );
    }
    rmSync(lock, { force: true });
  }
  throw new Error(`Could not lock ${dataDir}`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

export interface PreludeOptions {
  dataDir: string;
  inMemory: boolean;
  /** 0 or undefined: any free port. */
  apiPort?: number | undefined;
  dynamoPort?: number | undefined;
  sesPort?: number | undefined;
  /**
   * A DynamoDB engine already running (a test layer's, shared by its files): the stack neither starts nor stops it and
   * keeps none of its data. Stacks sharing one engine each need a table prefix of their own.
   */
  dynamoEndpoint?: string | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface LocalPrelude {
  dataDir: string;
  /** Where DynamoDB keeps its data, or undefined in memory. */
  dynamoDataDir: string | undefined;
  /** The engine, spawned and becoming ready; rejects (having stopped it) if it never answers. */
  dynamo: Promise<DynamoDbLocal>;
  /** Gives the data folder back. */
  release(): void;
}

/** The ports checked and the folder locked before anything touches the data; then the JVM spawned at once. */
export async function beginLocalStack(opts: PreludeOptions): Promise<LocalPrelude> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  // Every fixed port first, so a busy one fails in a moment and before anything touches the data.
  for (const [service, port] of [
    ["dynamodb", opts.dynamoPort],
    ["ses", opts.sesPort],
    ["api", opts.apiPort],
  ] as const) {
    if (port) await onPort(service, () => assertPortFree(port));
  }
  if (opts.dynamoEndpoint) {
    const endpoint = opts.dynamoEndpoint;
    opts.log?.(`using the DynamoDB engine at ${endpoint}; starting the SES emulator`);
    const engine: DynamoDbLocal = { endpoint, port: Number(new URL(endpoint).port), stop: async () => undefined };
    return { dataDir, dynamoDataDir: undefined, dynamo: Promise.resolve(engine), release: () => undefined };
  }
  const dynamoDataDir = opts.inMemory ? undefined : join(dataDir, "dynamodb");
  const release = dynamoDataDir ? lockDataDir(dataDir) : () => undefined;
  opts.log?.(
    `starting DynamoDB Local (${dynamoDataDir ? `data in ${dynamoDataDir}` : "in memory"}) and the SES emulator`,
  );
  const dynamo = onPort("dynamodb", () =>
    startDynamoDbLocal({ port: opts.dynamoPort, inMemory: opts.inMemory, dbPath: dynamoDataDir }),
  );
  // Awaited by the stack; until then a failure must not count as unhandled.
  dynamo.catch(() => undefined);
  return { dataDir, dynamoDataDir, dynamo, release };
}
