// The whole system on one machine: DynamoDB Local, the SES emulator, the api handlers behind a local HTTP API, schedules.
import { Logger } from "@aws-lambda-powertools/logger";
import type { LogLevel } from "@aws-lambda-powertools/logger/types";
import type { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import { programme } from "../../events/programme.ts";
import type { LocalSeed } from "../../functions/seed/local.ts";
import { systemClock } from "../../shared/clock.ts";
import { readConfig } from "../../shared/config.ts";
import { ownerNames } from "../../shared/contacts/contact-words.ts";
import { contactDependencies } from "../../shared/contacts/dependencies.ts";
import { reconcileBounces } from "../../shared/correspondence/bounce-reconcile.ts";
import { ledgerRepository } from "../../shared/correspondence/ledger.ts";
import { createDocumentClient, createDynamoClient } from "../../shared/dynamo/client.ts";
import { ensureTables } from "../../shared/dynamo/ensure-tables.ts";
import { sesMailer } from "../../shared/mail/ses.ts";
import { mailSettingsOf } from "../../shared/mail/settings.ts";
import type { TableNames } from "../../shared/tables.ts";
import { waveRepository } from "../../shared/waves/repository.ts";
import type { Wave } from "../../shared/waves/schemas.ts";
import { resentOnTheirWay, WAVE_SWEEP_SCHEDULE } from "../../shared/waves/sweep.ts";
import { restoreWaveSchedules } from "../../shared/waves/waves.ts";
import { consoleSite } from "./console.ts";
import { routeByGroup, startApiServer } from "./http-server.ts";
import { type JwtKeys, loadOrCreateJwtKeys } from "./jwt.ts";
import { beginLocalStack, envPrefix, type LocalPrelude, onPort } from "./prelude.ts";
import {
  type LocalScheduler,
  localWaveScheduler,
  type ScheduledRun,
  type ScheduleTargets,
  startScheduler,
} from "./scheduler.ts";
import { startSearchIndexing } from "./search-stream.ts";
import { startSesLocal } from "./ses-local.ts";
import {
  haltedOnReportsNotice,
  missedWaveNotice,
  reportCompletedNotice,
  reportsNotCompletedNotice,
  stalledWaveNotice,
  strandedResentNotice,
} from "./stalled-wave-notices.ts";
import { localTargets } from "./targets.ts";

export const REGION = "us-east-1";

// Defined with what `npm start` runs before the rest loads; exported here too, where their callers import them.
export {
  DEFAULT_DATA_DIR,
  type LocalService,
  localPortsFromEnv,
  portVariables,
  REPO_ROOT,
} from "./prelude.ts";

export function localTableNames(prefix = ""): TableNames {
  return { desk: `${prefix}desk-local`, audit: `${prefix}audit-local` };
}

/** The variables the functions' configuration is read from (shared/config.ts), pointed at the local services. */
export function localEnvironment(opts: {
  tableNames: TableNames;
  dynamoEndpoint: string;
  sesEndpoint: string;
}): Record<string, string> {
  return {
    DESK_TABLE: opts.tableNames.desk,
    AUDIT_TABLE: opts.tableNames.audit,
    DYNAMODB_ENDPOINT: opts.dynamoEndpoint,
    SES_ENDPOINT: opts.sesEndpoint,
    AWS_REGION: REGION,
    // Dummy credentials: the SDK then never looks for real ones (profile files, instance metadata).
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
  };
}

/** The functions' logger on this machine: warnings and errors only, unless POWERTOOLS_LOG_LEVEL says otherwise. */
export const localLogger = () =>
  new Logger({ serviceName: "desk-1540", logLevel: (process.env.POWERTOOLS_LOG_LEVEL || "WARN") as LogLevel });

export interface LocalStackOptions {
  dataDir: string;
  inMemory: boolean;
  /** 0: any free port. */
  apiPort?: number;
  dynamoPort?: number;
  sesPort?: number;
  /** Prefix for the table names (default none: `desk-local`, `audit-local`). */
  tablePrefix?: string;
  /** A DynamoDB engine already running, which the stack neither starts nor stops; then `tablePrefix` is required. */
  dynamoEndpoint?: string;
  /** Start-up progress, request lines and schedule runs. */
  log?: (line: string) => void;
  /**
   * What `npm start` began before loading the stack (the ports checked, the folder locked, DynamoDB Local spawned),
   * made from these same options; without it the stack begins so itself.
   */
  prelude?: LocalPrelude;
  /**
   * Builds the search index and follows the desk table's stream into it (default true). False for a test that never
   * searches: a search then finds nothing, and the stack spares the rebuild (3 to 4 s of CPU across node and the JVM
   * on a first start) and the stream's polling while it runs.
   */
  search?: boolean;
  /**
   * Fills the new tables instead of the local seed, giving what that seed gave: the e2e layer seeds once and each
   * file's stack copies those tables (test/support/e2e-stack.ts).
   */
  seed?: (target: { doc: DynamoDBDocumentClient; tableNames: TableNames }) => Promise<LocalSeed>;
}

export interface LocalStack {
  apiUrl: string;
  /** The staff console, served by the local gateway on the API's origin (infra/local/console.ts). */
  consoleUrl: string;
  dynamoEndpoint: string;
  sesUrl: string;
  tableNames: TableNames;
  /** Where DynamoDB keeps its data, or undefined in memory. */
  dynamoDataDir: string | undefined;
  jwtKeys: JwtKeys;
  seed: LocalSeed;
  /** Milliseconds each start-up step took. */
  timings: Record<string, number>;
  /** Resolves when the search index has caught up with the stream (after a rebuild on a first start). */
  searchReady: Promise<void>;
  nextRuns(): Record<string, Date | null>;
  /** What the scheduler runs: the programme's schedules, the wave sweep, the waves' own. */
  runs(): ScheduledRun[];
  /** `npm run fire --` as typed to reach this stack: with the ports it reads, when they are not the defaults. */
  fireCommand: string;
  /** What its schedules fire, bound to its tables and endpoints: a test fires one as its schedule would. */
  targets: ScheduleTargets;
  stop(): Promise<void>;
}

/**
 * Awaits two services started side by side; each one that started is added to `stops` even when the other fails,
 * so a failed start stops both.
 */
async function startedTogether<A extends { stop(): Promise<void> }, B extends { stop(): Promise<void> }>(
  a: Promise<A>,
  b: Promise<B>,
  stops: (() => Promise<void>)[],
): Promise<[A, B]> {
  const [first, second] = await Promise.allSettled([a, b]);
  for (const result of [first, second]) {
    if (result.status === "fulfilled") {
      const service = result.value;
      stops.push(() => service.stop());
    }
  }
  if (first.status === "rejected") throw first.reason;
  if (second.status === "rejected") throw second.reason;
  return [first.value, second.value];
}

async function searchOff(log: (line: string) => void): Promise<undefined> {
  log("search: off for this stack; a search finds nothing");
  return undefined;
}

/** The local seed, its modules loading while DynamoDB Local's JVM and the SES emulator start (ADR 0027). */
function localSeed(progress: (line: string) => void): NonNullable<LocalStackOptions["seed"]> {
  const seedModule = import("../../functions/seed/local.ts");
  seedModule.catch(() => undefined);
  return async ({ doc, tableNames }) =>
    (await seedModule).seedLocalDesk({ doc, tableNames, clock: systemClock, progress });
}

/**
 * Starts everything; on a failure half-way it stops what it had started before rethrowing.
 * The api is built afresh on each start's stores; scheduled targets are bound to this start's configuration.
 */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const log = opts.log ?? (() => undefined);
  if (opts.dynamoEndpoint && !opts.tablePrefix) {
    throw new Error("startLocalStack: a stack on a shared DynamoDB engine needs a tablePrefix of its own");
  }
  const tableNames = localTableNames(opts.tablePrefix);
  const timings: Record<string, number> = {};
  const stops: (() => Promise<void>)[] = [];

  const step = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    timings[name] = Math.round(performance.now() - started);
    return result;
  };

  async function stopAll(): Promise<void> {
    const failures: unknown[] = [];
    // Reverse order: the scheduler and the API stop before the stores they use.
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, "The local stack did not stop cleanly");
  }

  try {
    const prelude = opts.prelude ?? (await beginLocalStack({ ...opts, log }));
    stops.push(async () => prelude.release());
    const { dynamoDataDir } = prelude;
    const seedTables = opts.seed ?? localSeed(log);
    const [dynamo, ses] = await startedTogether(
      step("dynamodb", () => prelude.dynamo),
      step("ses", () => onPort("ses", () => startSesLocal({ port: opts.sesPort }))),
      stops,
    );

    const client = createDynamoClient({ region: REGION, endpoint: dynamo.endpoint });
    stops.push(async () => client.destroy());
    // A new desk table gets its stream after the seed: the seeded records are then indexed by one rebuild instead of
    // record by record from the stream (ADR 0027); every later write reaches the index through the stream (ADR 0021).
    const tablesEnsured = await step("tables", () => ensureTables(client, tableNames, { streams: false }));
    if (tablesEnsured.created.length > 0) log(`created tables ${tablesEnsured.created.join(", ")}`);
    if (tablesEnsured.indexesAdded.length > 0) {
      log(`added indexes ${tablesEnsured.indexesAdded.join(", ")} (npm run migrate gives older items their keys)`);
    }
    const seed = await step("seed", async () => {
      try {
        return await seedTables({ doc: createDocumentClient(client), tableNames });
      } catch (error) {
        // Kept data that an older version of the code wrote can refuse the seed; the data is kept, never deleted here,
        // and the way out offered keeps it too.
        const hint = dynamoDataDir
          ? `. Nothing was deleted. If ${dynamoDataDir} holds data an older version wrote, move that folder aside ` +
            "(or start with LOCAL_DATA_DIR=<another folder>) to start afresh"
          : "";
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`Seeding the local desk failed: ${message}${hint}`, { cause: error });
      }
    });
    log(
      `registry: ${seed.created} States added, ${seed.existing} already there; ` +
        `demo data added: ${seed.demoSubmissions} submissions, ${seed.demoContacts} contacts, ` +
        `${seed.demoAssistanceRequests} assistance requests`,
    );
    // Not awaited: the seeded records' index is built, and the stream read up to now, while the API already answers
    // (ADR 0027); a search finds them once the line saying so is printed, and `searchReady` resolves.
    const searchStarted = performance.now();
    // A stop does not wait for the rebuild or the read: it interrupts them, and the next start goes on
    // (startSearchIndexing). The stream's position is kept beside DynamoDB Local's data, so a restart resumes there.
    const searchStop = new AbortController();
    const searchIndexing =
      opts.search === false
        ? searchOff(log)
        : startSearchIndexing({
            client,
            doc: createDocumentClient(client),
            endpoint: dynamo.endpoint,
            tableNames,
            log,
            signal: searchStop.signal,
            positionDir: dynamoDataDir ? prelude.dataDir : undefined,
          }).then((reader) => {
            timings.search = Math.round(performance.now() - searchStarted);
            const { read, skipped } = reader.totals();
            log(
              `search: the index follows the desk table's stream (${(timings.search / 1000).toFixed(1)} s; ` +
                `${read} stream records read, ${skipped} of them the index's own)`,
            );
            return reader;
          });
    const searchReady = searchIndexing.then(
      () => undefined,
      (error: unknown) =>
        log(
          searchStop.signal.aborted
            ? "search: stopped before the index caught up with the stream; the next start goes on"
            : `search indexing did not start: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    stops.push(async () => {
      searchStop.abort();
      await (await searchIndexing.catch(() => undefined))?.stop();
    });

    // The stack's own configuration, passed to what runs in this process: never written to its environment, so two
    // stacks in one process (the e2e files of a worker) each reach their own tables.
    const config = readConfig({
      ...process.env,
      ...localEnvironment({ tableNames, dynamoEndpoint: dynamo.endpoint, sesEndpoint: ses.endpoint }),
    });
    const logger = localLogger();
    const targets = localTargets(config, logger);
    const scheduler: LocalScheduler = startScheduler({ programme, targets, log });
    stops.push(() => scheduler.stop());
    // The sweep is the stack's own schedule, not the programme's: every 15 minutes, as on AWS (infra/wave-sweep.ts).
    scheduler.add(WAVE_SWEEP_SCHEDULE);

    // Each route group's handler, as on AWS, with local adapters: the waves' schedules go to the local scheduler, mail
    // to the emulator. The local gateway sends each request to its group by the same table as the HTTP API.
    const waveScheduler = localWaveScheduler(scheduler);
    const { createGroupHandlers } = await step("handler", () => import("../../functions/api/app.ts"));
    const doc = createDocumentClient(client);
    const handler = routeByGroup(
      createGroupHandlers({
        doc,
        tableNames,
        clock: systemClock,
        logger,
        waveScheduler,
        mailer: sesMailer(mailSettingsOf(config)),
      }),
    );
    // The local scheduler keeps nothing across restarts; EventBridge Scheduler keeps its schedules.
    const fireCommand = `${envPrefix({ ports: { dynamodb: dynamo.port, ses: ses.port } })}npm run fire --`;
    const waves = waveRepository(doc, tableNames, systemClock);
    const { restored, missed } = await restoreWaveSchedules({ waves, scheduler: waveScheduler, clock: systemClock })();
    if (restored.length > 0) log(`waves: ${restored.length} scheduled wave(s) scheduled again`);
    for (const wave of missed) log(missedWaveNotice(wave, fireCommand, systemClock.now()));
    // Dispatching since before this process began: stopped with the last stack, whose in-process queue held its keys.
    const processStart = new Date(performance.timeOrigin).toISOString();
    for (const { value } of await waves.inStatusSince("dispatching", processStart)) log(stalledWaveNotice(value));
    // Letters sent again on a finished wave, left queued or sending: their keys, or their resends' schedules, died too.
    const ledger = ledgerRepository(doc, tableNames, systemClock);
    const contactDeps = contactDependencies(doc, tableNames, systemClock);
    const stranded = await resentOnTheirWay({ ledger, waves, clock: systemClock });
    // SES reports a crash left half applied (a letter bounced, its contact still ok): completed before anything is sent.
    const reports = await reconcileBounces({ ...contactDeps, waves, ledger })();
    const owners = await ownerNames(contactDeps, [
      ...stranded.flatMap(({ letters }) => letters.map((letter) => letter.owner)),
      ...reports.marked.map((marked) => marked.owner),
    ]);
    const ownerName = (owner: string) => owners.get(owner) ?? owner;
    for (const { wave, letters } of stranded) {
      for (const letter of letters) {
        log(strandedResentNotice(wave, letter, ownerName(letter.owner), fireCommand, systemClock.now()));
      }
    }
    const waveOf = async (id: string): Promise<Pick<Wave, "id" | "description">> =>
      (await waves.get(id))?.value ?? { id };
    for (const marked of reports.marked) {
      log(reportCompletedNotice(await waveOf(marked.waveId), marked, ownerName(marked.owner)));
    }
    for (const waveId of reports.halted) log(haltedOnReportsNotice(await waveOf(waveId)));
    for (const { waveId, error } of reports.failed) log(reportsNotCompletedNotice(await waveOf(waveId), error));
    const jwtKeys = await loadOrCreateJwtKeys(prelude.dataDir);
    const api = await step("api", () =>
      onPort("api", () =>
        startApiServer({ port: opts.apiPort, handler, jwtKeys, log, frontDoor: consoleSite({ jwtKeys }) }),
      ),
    );
    stops.push(() => api.stop());

    return {
      apiUrl: api.url,
      consoleUrl: `${api.url}/console/`,
      dynamoEndpoint: dynamo.endpoint,
      sesUrl: ses.endpoint,
      tableNames,
      dynamoDataDir,
      jwtKeys,
      seed,
      timings,
      searchReady,
      nextRuns: () => scheduler.nextRuns(),
      runs: () => scheduler.runs(),
      fireCommand,
      targets,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll().catch(() => undefined);
    throw error;
  }
}
