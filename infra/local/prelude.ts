// What the local stack does before anything else loads: the data folder locked, the fixed ports checked, and DynamoDB
// Local's JVM spawned; and how its settings read in the commands it prints. It imports only Node's own modules and the
// engine's launcher, so `npm start` runs it first thing and loads the rest of the code while the JVM boots (ADR 0030).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
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

/** A path as a person reads it: relative to the checkout when inside it, else absolute. */
export function shownPath(path: string): string {
  const inside = relative(REPO_ROOT, path);
  if (inside === "") return ".";
  return inside === ".." || inside.startsWith(`..${sep}`) || isAbsolute(inside) ? path : inside;
}

/** A value as one shell word: as it is when nothing in it is special to the shell, else single-quoted. */
function shellWord(value: string): string {
  return /^[\w./:@%+,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The `VAR=value ` a printed command needs to reach this stack rather than the default one: each given setting that
 * differs from its default, else nothing. A data folder for `npm run token` (its key signs the token), ports for
 * `npm run fire`; npm runs both from the checkout, where a relative folder is read from.
 */
export function envPrefix(settings: { dataDir?: string; ports?: Partial<Record<LocalService, number>> }): string {
  const words: string[] = [];
  const dataDir = settings.dataDir === undefined ? DEFAULT_DATA_DIR : resolve(REPO_ROOT, settings.dataDir);
  if (dataDir !== DEFAULT_DATA_DIR) words.push(`LOCAL_DATA_DIR=${shellWord(shownPath(dataDir))}`);
  for (const [service, port] of Object.entries(settings.ports ?? {}) as [LocalService, number][]) {
    const { name, fallback } = portVariables[service];
    if (port !== fallback) words.push(`${name}=${port}`);
  }
  return words.map((word) => `${word} `).join("");
}

export interface BusyPort {
  service: LocalService;
  port: number;
}

/** What busy ports mean to a person starting the stack: each one named, with the variable that moves it. */
export function busyPortsMessage(busy: readonly BusyPort[]): string {
  const one = busy.length === 1;
  const ports = busy.map(({ service, port }) => `${port} (${service})`);
  const list = one ? ports.join("") : `${ports.slice(0, -1).join(", ")} and ${ports.at(-1)}`;
  const moves = busy.map(({ service }) => `${portVariables[service].name}=<port>`).join(" ");
  return (
    `${one ? "Port" : "Ports"} ${list} ${one ? "is" : "are"} already in use. ` +
    `Stop whatever holds ${one ? "it" : "them"} (another npm start?), ` +
    `or pick ${one ? "another port" : "other ports"}: ${moves} npm start`
  );
}

/** Ports something else holds, each tagged with its service; its message is the one `npm start` prints. */
export class BusyPortsError extends Error {
  override readonly name = "BusyPortsError";
  constructor(readonly busy: readonly BusyPort[]) {
    super(busyPortsMessage(busy));
  }
}

/** Tags a busy port with the service, so `npm start` can name the variable that moves it. */
export async function onPort<T>(service: LocalService, start: () => Promise<T>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    if (error instanceof PortInUseError) throw new BusyPortsError([{ service, port: error.port }]);
    throw error;
  }
}

/** Checks every fixed port at once, so a person learns of all the busy ones from one start. */
async function assertPortsFree(ports: Record<LocalService, number | undefined>): Promise<void> {
  const asked = (Object.entries(ports) as [LocalService, number | undefined][]).flatMap(([service, port]) =>
    port ? [{ service, port }] : [],
  );
  const answers = await Promise.all(
    asked.map((wanted) =>
      assertPortFree(wanted.port).then(
        () => undefined,
        (error: unknown) => {
          if (error instanceof PortInUseError) return wanted;
          throw error;
        },
      ),
    ),
  );
  const busy = answers.filter((answer) => answer !== undefined);
  if (busy.length > 0) throw new BusyPortsError(busy);
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
        `another npm start (pid ${holder}) is running on this data folder (${shownPath(dataDir)}): ` +
          "stop it first (or use LOCAL_DATA_DIR=<another folder>)",
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

/** The folder locked and the ports checked before anything touches the data; then the JVM spawned at once. */
export async function beginLocalStack(opts: PreludeOptions): Promise<LocalPrelude> {
  const dataDir = resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const dynamoDataDir = opts.inMemory || opts.dynamoEndpoint ? undefined : join(dataDir, "dynamodb");
  // The lock first: a second `npm start` on this folder is told so, not about the ports the first one holds.
  const release = dynamoDataDir ? lockDataDir(dataDir) : () => undefined;
  try {
    // Then every fixed port, so a busy one fails in a moment and before anything touches the data.
    await assertPortsFree({ dynamodb: opts.dynamoPort, ses: opts.sesPort, api: opts.apiPort });
  } catch (error) {
    release();
    throw error;
  }
  if (opts.dynamoEndpoint) {
    const endpoint = opts.dynamoEndpoint;
    opts.log?.(`using the DynamoDB engine at ${endpoint}; starting the SES emulator`);
    const engine: DynamoDbLocal = { endpoint, port: Number(new URL(endpoint).port), stop: async () => undefined };
    return { dataDir, dynamoDataDir: undefined, dynamo: Promise.resolve(engine), release: () => undefined };
  }
  opts.log?.(
    `starting DynamoDB Local (${dynamoDataDir ? `data in ${shownPath(dynamoDataDir)}` : "in memory"}) and the SES emulator`,
  );
  const dynamo = onPort("dynamodb", () =>
    startDynamoDbLocal({ port: opts.dynamoPort, inMemory: opts.inMemory, dbPath: dynamoDataDir }),
  );
  // Awaited by the stack; until then a failure must not count as unhandled.
  dynamo.catch(() => undefined);
  return { dataDir, dynamoDataDir, dynamo, release };
}
