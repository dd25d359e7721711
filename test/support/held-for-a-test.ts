// Temporary folders and held ports that each test gives back after it ends, with anything else it registers: for the
// tests of what the local stack meets when a folder or a port is taken.
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

export function heldForATest(prefix: string) {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  return {
    /** Runs after the test, in the reverse order of registration. */
    onCleanup: (cleanup: () => unknown) => cleanups.push(cleanup),
    /** A new empty folder, removed after the test. */
    tempDir(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      return dir;
    },
    /** A port something else listens on until the test ends. */
    async holdPort(): Promise<number> {
      const server: Server = createServer();
      server.listen(0);
      await once(server, "listening");
      cleanups.push(() => new Promise((done) => server.close(done)));
      const address = server.address();
      if (typeof address !== "object" || !address) throw new Error("the holder has no port");
      return address.port;
    },
  };
}
