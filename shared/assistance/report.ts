// The pending-assistance report: built from every pending request, stored once per period, mailed to the secretariat.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { type StateLetterStores, stateLetters } from "../correspondence/state-letters.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import type { Mailer } from "../mail/ses.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import { deskDay } from "../zoned-time.ts";
import { addMonths, daysBetween, monthsBetween } from "./dates.ts";
import { followedUpOn, lettersOfStatesDue, type StateLetter } from "./follow-ups.ts";
import { reportSummaryMail } from "./report-mail.ts";
import { type AssistanceRepository, ReportExists } from "./repository.ts";
import {
  type AssistanceMatch,
  type AssistanceReport,
  type AssistanceRequest,
  ageBuckets,
  pendingRequestStatuses,
  providerKey,
  type ReportRow,
  type ReportTotals,
  reportIdSchema,
} from "./schemas.ts";

export interface ReportPeriod {
  /** `<year>-<n>` */
  id: string;
  year: number;
  n: 1 | 2 | 3;
  from: string;
  to: string;
  /** The day its report is taken: the desk's schedule (events/programme.json); no run takes it before. */
  reportOn: string;
}

/**
 * Four-month periods: the Committee's three reports a year (programme of work, annex I, paragraph 12: the first by 30
 * April), each taken on the day the programme's schedule runs it (`reportOn`), which a test holds to
 * events/programme.json.
 */
export const REPORT_PERIODS = [
  { n: 1, from: "01-01", to: "04-30", reportOn: "04-20" },
  { n: 2, from: "05-01", to: "08-31", reportOn: "08-20" },
  { n: 3, from: "09-01", to: "12-31", reportOn: "12-10" },
] as const;

function periodFrom(year: number, n: 1 | 2 | 3): ReportPeriod {
  const bounds = REPORT_PERIODS[n - 1] ?? REPORT_PERIODS[0];
  return {
    id: `${year}-${n}`,
    year,
    n,
    from: `${year}-${bounds.from}`,
    to: `${year}-${bounds.to}`,
    reportOn: `${year}-${bounds.reportOn}`,
  };
}

/** The latest period whose report day has come by `day`: the one report a run on that day may take for the first time. */
export function latestPeriodDue(day: string): ReportPeriod {
  const current = periodOf(day);
  if (day >= current.reportOn) return current;
  return current.n === 1 ? periodFrom(current.year - 1, 3) : periodFrom(current.year, current.n === 3 ? 2 : 1);
}

/**
 * A period's report taken before its day would stand for the period (one report a period) with figures older than
 * the Committee's schedule asks for: refused, naming the day, and nothing is stored.
 */
function assertReportDay(period: ReportPeriod, asOf: string): void {
  if (asOf >= period.reportOn) return;
  throw new Conflict(
    `The pending-assistance report ${period.id} (${period.from} to ${period.to}) is taken on ${period.reportOn}, ` +
      `as the desk's schedule says, or later; today is ${asOf}. It stands for its period once taken, so an earlier ` +
      `run would keep older figures from the Committee. The latest period due is ${latestPeriodDue(asOf).id}`,
    { reportOn: period.reportOn },
  );
}

/** The period a day falls in: January-April is 1, May-August 2, September-December 3. */
export function periodOf(day: string): ReportPeriod {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return periodFrom(year, month <= 4 ? 1 : month <= 8 ? 2 : 3);
}

/** A period named explicitly, `2026-2`. */
export function parsePeriod(id: string): ReportPeriod {
  const checked = reportIdSchema.safeParse(id);
  if (!checked.success) {
    throw new Invalid("Not a report period", [{ path: "period", message: checked.error.issues[0]?.message ?? "" }]);
  }
  const [year, n] = id.split("-").map(Number);
  return periodFrom(year ?? 0, n === 2 ? 2 : n === 3 ? 3 : 1);
}

/** A follow-up that falls due within one report interval is flagged before the next report. */
const FOLLOW_UP_HORIZON_MONTHS = 4;

function followUpOf(request: AssistanceRequest, asOf: string, letters: readonly StateLetter[]): ReportRow["followUp"] {
  const dueOn = request.followUpDueOn;
  if (!dueOn) return null;
  const sentOn = followedUpOn(request, letters);
  if (sentOn) return { dueOn, status: "followed-up", followedUpOn: sentOn };
  const status = dueOn < asOf ? "overdue" : dueOn <= addMonths(asOf, FOLLOW_UP_HORIZON_MONTHS) ? "due" : "not-yet";
  return { dueOn, status };
}

/** The latest dated event of the request: its receipt, a move, a match proposed or moved. */
function lastActionOf(request: AssistanceRequest, matches: readonly AssistanceMatch[]): ReportRow["lastAction"] {
  const events: { action: string; on: string; at: string; note?: string | undefined }[] = [
    { action: "received", on: request.receivedOn, at: request.createdAt },
    ...matches.flatMap((match) => {
      const who = providerKey(match.provider);
      return [
        { action: `match proposed (${who})`, on: match.proposedOn, at: match.createdAt, note: match.note },
        ...match.history.map((move) => ({
          action: `match ${move.to} (${who})`,
          on: move.on,
          at: move.at,
          note: move.note,
        })),
      ];
    }),
    // Last, so that a move written with a match's in one write (matched, on its acceptance) is the one named.
    ...request.history.map((move) => ({ action: move.to, on: move.on, at: move.at, note: move.note })),
  ];
  // On the same day and instant (moves written together, as the demonstration seed writes them), the later listed.
  const last = events.reduce((latest, event) =>
    event.on > latest.on || (event.on === latest.on && event.at >= latest.at) ? event : latest,
  );
  return { action: last.action, on: last.on, ...(last.note ? { note: last.note } : {}) };
}

function ageBucket(receivedOn: string, asOf: string): (typeof ageBuckets)[number] {
  const months = monthsBetween(receivedOn, asOf);
  if (months < 3) return "under-3-months";
  if (months < 12) return "3-to-12-months";
  if (months < 24) return "1-to-2-years";
  return "over-2-years";
}

export interface ReportInput {
  period: ReportPeriod;
  asOf: string;
  generatedAt: string;
  generatedBy: string;
  /** The pending requests with their matches. */
  requests: readonly { request: AssistanceRequest; matches: readonly AssistanceMatch[] }[];
  stateNames: ReadonlyMap<string, string>;
  /** The letters of each State with a follow-up due (shared/assistance/follow-ups.ts). */
  letters: ReadonlyMap<string, readonly StateLetter[]>;
}

/** The report's content, oldest request first; pure, so its arithmetic is tested without storage. */
export function buildReport(input: ReportInput): AssistanceReport {
  const { asOf } = input;
  const pending = input.requests.filter(({ request }) => pendingRequestStatuses.includes(request.status));
  const rows: ReportRow[] = pending
    .map(({ request, matches }) => {
      const stateName = input.stateNames.get(request.iso3);
      return {
        requestId: request.id,
        iso3: request.iso3,
        ...(stateName ? { stateName } : {}),
        status: request.status,
        areas: request.areas,
        receivedOn: request.receivedOn,
        symbol: request.symbol,
        ageDays: daysBetween(request.receivedOn, asOf),
        ...(request.circulatedOn ? { circulatedOn: request.circulatedOn } : {}),
        followUp: followUpOf(request, asOf, input.letters.get(request.iso3) ?? []),
        matches: [...matches]
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((match) => ({ id: match.id, offerId: match.offerId, provider: match.provider, status: match.status })),
        lastAction: lastActionOf(request, matches),
        ...(request.demo ? { demo: true } : {}),
      };
    })
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.requestId.localeCompare(b.requestId));

  const count = <T extends string>(keys: readonly T[], of: (row: ReportRow) => T) =>
    Object.fromEntries(keys.map((key) => [key, rows.filter((row) => of(row) === key).length]));
  const totals: ReportTotals = {
    pending: rows.length,
    byStatus: count(pendingRequestStatuses, (row) => row.status),
    byAge: count(ageBuckets, (row) => ageBucket(row.receivedOn, asOf)),
    followUpsOverdue: rows.filter((row) => row.followUp?.status === "overdue").length,
    followUpsDue: rows.filter((row) => row.followUp?.status === "due").length,
    withoutMatch: rows.filter(
      (row) => row.status === "circulated" && !row.matches.some((match) => match.status !== "declined"),
    ).length,
  };
  return {
    id: input.period.id,
    year: input.period.year,
    n: input.period.n,
    periodFrom: input.period.from,
    periodTo: input.period.to,
    asOf,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    totals,
    mail: { status: "pending" },
    requests: rows,
  };
}

export interface ReportDependencies {
  assistance: AssistanceRepository;
  registry: RegistryRepository;
  /** Where the States' letters are read, for the States with a follow-up due: a follow-up sent is not overdue. */
  letters: StateLetterStores;
  clock: Clock;
  mailer: Mailer;
  /** Where the summary goes; never logged. */
  secretariatEmail: string;
}

export interface ReportRun {
  report: AssistanceReport;
  /** This run stored the report (false: it was there already). */
  created: boolean;
  /** This run sent the summary e-mail. */
  mailed: boolean;
}

/**
 * A claim on the report's e-mail older than this belongs to a run that died (the function's timeout is far
 * shorter), so another run may take it over and send.
 */
export const MAIL_CLAIM_LEASE_MS = 5 * 60_000;

const READ_CONCURRENCY = 8;

async function pendingWithMatches(deps: ReportDependencies) {
  const requests = await deps.assistance.pendingRequests();
  const files: { request: AssistanceRequest; matches: AssistanceMatch[] }[] = [];
  for (let start = 0; start < requests.length; start += READ_CONCURRENCY) {
    const batch = await Promise.all(
      requests.slice(start, start + READ_CONCURRENCY).map(async (request) => {
        const file = await deps.assistance.requestFile(request.id);
        // Read again from its partition, so the row and its matches come from one consistent read.
        return file
          ? { request: file.request.value, matches: file.matches.map((match) => match.value) }
          : { request, matches: [] };
      }),
    );
    files.push(...batch);
  }
  return files;
}

/**
 * Builds and stores the report of a period (the clock's, unless named) and mails its summary to the secretariat.
 * It is taken on the period's report day or later (409 before: `assertReportDay`). The report is written once (a conditional put): a second run, even a concurrent one, finds it and returns it.
 * The mail is claimed before it is sent and marked sent after, so only one run sends it.
 */
export const runAssistanceReport =
  (deps: ReportDependencies) =>
  async (input: { period?: string | undefined }, audit: AuditContext): Promise<ReportRun> => {
    const now = deps.clock.now();
    const asOf = deskDay(now);
    const period = input.period ? parsePeriod(input.period) : periodOf(asOf);
    const entity = { type: "assistance-report", id: period.id };

    let report = await deps.assistance.getReport(period.id);
    let created = false;
    if (!report) {
      assertReportDay(period, asOf);
      const requests = await pendingWithMatches(deps);
      const codes = [...new Set(requests.map(({ request }) => request.iso3))];
      const [states, letters] = await Promise.all([
        deps.registry.getStates(codes),
        lettersOfStatesDue(
          requests.map(({ request }) => request),
          asOf,
          stateLetters(deps.letters),
        ),
      ]);
      const built = buildReport({
        period,
        asOf,
        generatedAt: now.toISOString(),
        generatedBy: audit.actor.id,
        requests,
        stateNames: new Map(states.map((state) => [state.value.iso3, state.value.name])),
        letters,
      });
      try {
        await deps.assistance.write([
          deps.assistance.newReport(built),
          deps.assistance.audit({
            ...audit,
            action: "assistance.report.create",
            entity,
            after: { id: built.id, asOf, totals: built.totals },
          }),
        ]);
        report = built;
        created = true;
      } catch (error) {
        if (!(error instanceof ReportExists)) throw error;
        report = await deps.assistance.getReport(period.id);
        if (!report) throw error;
      }
    }
    if (report.mail.status === "sent") return { report, created, mailed: false };

    const claimedAt = now.toISOString();
    const staleBefore = new Date(now.getTime() - MAIL_CLAIM_LEASE_MS).toISOString();
    const claim = await deps.assistance.claimReportMail(report.id, claimedAt, staleBefore, {
      ...audit,
      action: "assistance.report.mail.claim",
      entity,
    });
    if (claim === "taken") return { report, created, mailed: false };

    let messageId: string;
    try {
      ({ messageId } = await deps.mailer.sendMail({
        to: deps.secretariatEmail,
        ...reportSummaryMail(report),
        tags: { kind: "assistance-report", report: report.id },
      }));
    } catch (error) {
      await deps.assistance.releaseReportMail(report.id, claimedAt, {
        ...audit,
        action: "assistance.report.mail.release",
        entity,
      });
      throw error;
    }
    const sentAt = deps.clock.now().toISOString();
    await deps.assistance.markReportMailSent(report.id, claimedAt, messageId, sentAt, {
      ...audit,
      action: "assistance.report.mail.sent",
      entity,
      after: { messageId },
    });
    return { report: { ...report, mail: { status: "sent", claimedAt, sentAt, messageId } }, created, mailed: true };
  };

export const getReport =
  (deps: Pick<ReportDependencies, "assistance">) =>
  async (id: string): Promise<AssistanceReport> => {
    const report = await deps.assistance.getReport(id);
    if (!report) throw new NotFound("Report", id);
    return report;
  };

export const listReports = (deps: Pick<ReportDependencies, "assistance">) => (page: PageRequest) =>
  deps.assistance.listReports(page);
