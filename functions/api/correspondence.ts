// The correspondence group: letter templates and waves, the only routes that send mail (a wave's test copy) and
// manage schedules (a wave's one-time schedule).
import type { Logger } from "@aws-lambda-powertools/logger";
import { assistanceRepository } from "#shared/assistance/repository.ts";
import { contactDependencies } from "#shared/contacts/dependencies.ts";
import { ledgerRepository } from "#shared/correspondence/ledger.ts";
import { eventWindowMsOf } from "#shared/correspondence/lifecycle.ts";
import type { SendQueue } from "#shared/correspondence/memory-queue.ts";
import { Conflict } from "#shared/errors.ts";
import type { Route } from "#shared/http/route.ts";
import type { Mailer } from "#shared/mail/ses.ts";
import { templateRepository } from "#shared/templates/repository.ts";
import { waveRepository } from "#shared/waves/repository.ts";
import { unconfiguredWaveScheduler, type WaveScheduler } from "#shared/waves/scheduler.ts";
import { staffMailDomainsOf } from "#shared/waves/staff-domains.ts";
import { apiHandler, type TableDependencies } from "./api-handler.ts";
import { templateRoutes } from "./routes/templates.ts";
import { waveRoutes } from "./routes/waves.ts";

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

const noScheduler = unconfiguredWaveScheduler("no wave scheduler is configured");
const noMailer: Mailer = {
  sendMail: async () => {
    throw new Conflict("Mail cannot be sent here: no sender is configured (MAIL_FROM)");
  },
};

export function correspondenceRoutes({
  doc,
  tableNames,
  clock,
  waveScheduler = noScheduler,
  mailer = noMailer,
  staffMailDomains = staffMailDomainsOf(process.env),
  queue,
  eventWindowMs = eventWindowMsOf(process.env),
}: CorrespondenceDependencies): Route[] {
  const templates = templateRepository(doc, tableNames, clock);
  const contacts = contactDependencies(doc, tableNames, clock);
  return [
    ...templateRoutes({ templates, registry: contacts.registry, clock }),
    ...waveRoutes({
      ...contacts,
      assistance: assistanceRepository(doc, tableNames, clock),
      templates,
      ledger: ledgerRepository(doc, tableNames, clock),
      waves: waveRepository(doc, tableNames, clock),
      scheduler: waveScheduler,
      mailer,
      staffMailDomains,
      queue,
      eventWindowMs,
    }),
  ];
}

export function createCorrespondenceHandler(deps: CorrespondenceDependencies & { logger: Logger }) {
  return apiHandler(correspondenceRoutes(deps), deps.logger);
}
