// Port helpers for the local stack: a free port when 0 is asked for, and one clear error for a busy port.
import type { Server } from "node:http";
import { createServer } from "node:net";

/** A port that something else already listens on; the local stack tags it with its service (prelude.ts's onPort). */
export class PortInUseError extends Error {
  override readonly name = "PortInUseError";
  constructor(readonly port: number) {
    super(`Port ${port} is already in use`);
  }
}

function isAddressInUse(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "EADDRINUSE";
}

/** Listens on every interface, the strictest test: whatever holds the port on any address makes it fail. */
function probe(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", (error) => reject(isAddressInUse(error) ? new PortInUseError(port) : error));
    server.listen({ port }, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : port;
      server.close(() => resolve(bound));
    });
  });
}

/** A port the OS says is free now; another process could still take it before we do (acceptable locally). */
export function freePort(): Promise<number> {
  return probe(0);
}

/** Throws PortInUseError when `port` is taken. */
export async function assertPortFree(port: number): Promise<void> {
  await probe(port);
}

/** `server.listen` as a promise; resolves with the bound port (useful with port 0). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(isAddressInUse(error) ? new PortInUseError(port) : error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : port);
    });
  });
}
