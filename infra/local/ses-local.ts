// Runs the aws-ses-v2-local SES emulator in this process: it keeps sent mail at /store and shows it at /.
import { createRequire } from "node:module";
import { assertPortFree } from "./ports.ts";

// A CommonJS package: require() gives the same exports object under Node, tsx and vitest, where an ESM
// default import would be the function in one and `{ default }` in another. Required on start, not on import: it
// loads express (about half a second of CPU), which then overlaps DynamoDB Local's start (ADR 0027).
const loadServer = () =>
  (createRequire(import.meta.url)("aws-ses-v2-local") as typeof import("aws-ses-v2-local")).default;

export interface SesLocalOptions {
  /** 0 or undefined: a free port. */
  port?: number;
}

export interface SesLocal {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

// Loopback only: the emulator accepts any credentials, so it must not be reachable from the network.
const HOST = "127.0.0.1";

export async function startSesLocal(opts: SesLocalOptions = {}): Promise<SesLocal> {
  const wanted = opts.port ?? 0;
  // The emulator's promise resolves even when listen fails (express passes the error to a callback it
  // ignores), so a busy port is checked first, and `listening` after.
  if (wanted !== 0) await assertPortFree(wanted);
  const http = await loadServer()({ host: HOST, port: wanted });
  const address = http.address();
  if (!http.listening || typeof address !== "object" || !address) {
    http.close();
    throw new Error(`The SES emulator could not listen on ${HOST}:${wanted}`);
  }
  const port = address.port;

  // It returns the plain http.Server, so closing it (and its keep-alive sockets) is a clean stop.
  // Its mail store is module state and outlives stop(): a restart in the same process keeps old mail.
  async function stop(): Promise<void> {
    if (!http.listening) return;
    await new Promise<void>((done, fail) => {
      http.close((error) => (error ? fail(error) : done()));
      http.closeAllConnections();
    });
  }

  return { endpoint: `http://${HOST}:${port}`, port, stop };
}
