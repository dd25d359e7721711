// The correspondence group: the waves, the only routes that send mail (a wave's test copy) and manage schedules (a
// wave's one-time schedule); the templates are a group of their own (templates.ts). The route module is loaded on the
// first request for one of its routes.
import type { Logger } from "@aws-lambda-powertools/logger";
import type { SendQueue } from "#shared/correspondence/memory-queue.ts";
import { lazyRoutes, type RouteModule } from "#shared/http/route.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import type { WaveScheduler } from "#shared/waves/scheduler.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { waveTable } from "./routes/correspondence.tables.ts";

export interface CorrespondenceDependencies extends TableDependencies {
  /** Makes and deletes the waves' one-time schedules; without one, scheduling a wave is refused (409). */
  waveScheduler?: WaveScheduler | undefined;
  /** Sends the waves' test copies; without one, a test send is refused (409). */
  mailer?: Mailer | undefined;
  /** Where test copies may go (STAFF_MAIL_DOMAINS, read at cold start; the local default when unset). */
  staffMailDomains?: readonly string[] | undefined;
  /** The wave queue a letter sent again goes on; without one, a resend's schedule has wave-dispatch enqueue it. */
  queue?: SendQueue | undefined;
  /** How long SES events may settle an unknown letter (SES_EVENT_WINDOW_HOURS; 24 hours when unset). */
  eventWindowMs?: number | undefined;
}

export const correspondenceModules: readonly RouteModule<CorrespondenceDependencies>[] = [
  { table: waveTable, load: () => import("./routes/waves.ts") },
];

export const correspondenceRoutes = (deps: CorrespondenceDependencies) => lazyRoutes(correspondenceModules, deps);

export function createCorrespondenceHandler(deps: CorrespondenceDependencies & { logger: Logger }) {
  return apiHandler(correspondenceRoutes(deps), deps.logger);
}
