import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { SuiteSequencer } from "./test/support/suite-sequencer.ts";
import { useSuiteTempDir } from "./test/support/suite-temp-dir.ts";

// Four layers, all run by `npm test`; each layer is a vitest project. They share one pool of workers (no layer has a
// worker count of its own, so vitest runs them as one group): the e2e files spend most of their time waiting (a wave's
// send minute, a page) and run beside the CPU-bound files rather than after them, the waiting ones first
// (test/support/suite-sequencer.ts). One worker more than the cores, for that waiting (ADR 0036).

// The SDK warns, once per process, that its releases after early January 2027 need Node 22: twenty-one times in a run,
// a third of its output, burying any warning a test should make someone read. Set here, in vitest's own process, it
// reaches the global setups, the workers and what they spawn. `npm start` still says it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

// Whatever the files write to os.tmpdir() goes to one folder of the run's, removed when it ends.
useSuiteTempDir();

// Unit and integration files share a worker's module graph, as the infra files do: a file no longer imports zod, the SDK
// and the shared modules afresh, which cost more CPU than most files' tests. A setup file fails any file that leaves
// behind what the next one in its worker would meet (ADR 0045).
const SHARED_WORKERS = { isolate: false, setupFiles: ["test/support/shared-worker-guard.ts"] };

export default defineConfig({
  test: {
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: SuiteSequencer },
    projects: [
      { test: { name: "unit", include: ["test/unit/**/*.test.ts"], ...SHARED_WORKERS } },
      {
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          ...SHARED_WORKERS,
          globalSetup: ["test/integration/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "infra",
          include: ["test/infra/**/*.test.ts"],
          // Files share a worker's module graph: aws-cdk-lib is imported once per worker, not once per file. Each file
          // builds its own App and mocks no module, so nothing one file does reaches another. Not guarded as the others
          // are: the first synth in a process adds aws-cdk-lib's own "exit" listener, once.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          // Each file starts its own local stack on free ports with its own data folder, so files may run side by side.
          // A worker's files share its module graph, as the unit and integration files do (the stack's modules, the
          // SDK and Playwright imported once per worker, not once per file), guarded the same way: a stack passes its
          // configuration to what it runs and writes none to the process's environment (infra/local/targets.ts).
          ...SHARED_WORKERS,
          globalSetup: ["test/e2e/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 90_000,
          // A page's answer to a click is a browser's and an API's round trip, slower under the whole suite's load than
          // vitest's default second (a dossier's timeline once took longer): a poll waits up to 10 s before it fails.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
