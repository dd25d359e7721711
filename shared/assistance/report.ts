// The pending-assistance report: built from every pending request, stored once per period, mailed to the secretariat.
import type { AuditContext } from "../audit/audit-entry.ts";
import type { Clock } from "../clock.ts";
import { ownerInText } from "../contacts/owner-in-text.ts";
import { type StateLetterStores, stateLetters } from "../correspondence/state-letters.ts";
import type { PageRequest } from "../dynamo/pagination.ts";
import { Conflict, Invalid, NotFound } from "../errors.ts";
import type { Mailer } from "../mail/ses.ts";
import type { OrganizationRepository } from "../organizations/repository.ts";
import type { RegistryRepository } from "../registry/repository.ts";
import { deskDay } from "../zoned-time.ts";
import { countByAge } from "./age-buckets.ts";
import { addMonths, daysBetween, monthsBetween } from "./dates.ts";
import { followedUpOn, lettersOfStatesDue, type StateLetter } from "./follow-ups.ts";
import { matchActionWords, reportSummaryMail } from "./report-mail.ts";
import { type AssistanceRepository, ReportExists } from "./repository.ts";
import {
  type AssistanceMatch,
  type AssistanceReport,
  type AssistanceRequest,
  type Provider,
  type ReportRow,
  type ReportTotals,
  type RequestStatus,
  reportIdSchema,
  requestStatuses,
} from "./schemas.ts";
import { MATCH_STATUS_WORDS, MOVED_WORDS } from "./status-words.ts";
import { pendingRequestStatuses } from "./transitions.ts";

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

/**
 * The latest period whose report day has come by `day`: the report the schedule owes, which a run naming no period
 * takes.
 */
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

/** A provider's name on the report's day, from the names read for it; none when the records lack it. */
type ProviderNames = (provider: Provider) => string | undefined;

const providerNamesFrom =
  (stateNames: ReadonlyMap<string, string>, organizationNames: ReadonlyMap<string, string>): ProviderNames =>
  (provider) =>
    provider.kind === "state" ? stateNames.get(provider.iso3) : organizationNames.get(provider.id);

/**
 * The latest dated event of the request, in words: its receipt ("received"), a move ("marked in progress"), a match
 * proposed or moved ("match with Germany accepted").
 */
function lastActionOf(
  request: AssistanceRequest,
  matches: readonly AssistanceMatch[],
  nameOf: ProviderNames,
): ReportRow["lastAction"] {
  const events: { action: string; on: string; at: string; note?: string | undefined }[] = [
    { action: "received", on: request.receivedOn, at: request.createdAt },
    ...matches.flatMap((match) => {
      const who = ownerInText(match.provider, nameOf(match.provider));
      return [
        {
          action: matchActionWords(who, MATCH_STATUS_WORDS.proposed),
          on: match.proposedOn,
          at: match.createdAt,
          note: match.note,
        },
        ...match.history.map((move) => ({
          action: matchActionWords(who, MATCH_STATUS_WORDS[move.to]),
          on: move.on,
          at: move.at,
          note: move.note,
        })),
      ];
    }),
    // Last, so that a move written with a match's in one write (matched, on its acceptance) is the one named.
    ...request.history.map((move) => ({ action: MOVED_WORDS[move.to], on: move.on, at: move.at, note: move.note })),
  ];
  // On the same day and instant (moves written together, as the demonstration seed writes them), the later listed.
  const last = events.reduce((latest, event) =>
    event.on > latest.on || (event.on === latest.on && event.at >= latest.at) ? event : latest,
  );
  return { action: last.action, on: last.on, ...(last.note ? { note: last.note } : {}) };
}

/** A request still "received" this many months after its receipt was never acknowledged in a year: it is flagged. */
const UNACKNOWLEDGED_MONTHS = 12;

/** Why the secretariat should act on a pending request, each reason in a few words; none for most. */
function attentionOf(request: AssistanceRequest, matches: readonly AssistanceMatch[], asOf: string): string[] {
  const reasons: string[] = [];
  if (request.status === "received" && monthsBetween(request.receivedOn, asOf) >= UNACKNOWLEDGED_MONTHS) {
    reasons.push("received over a year ago and never acknowledged");
  }
  // Assistance delivered on every match that stands: nothing is left to do but close the request and ask the State
  // how the assistance went (ADR 0064).
  const standing = matches.filter((match) => match.status !== "declined");
  if (
    (request.status === "matched" || request.status === "in-progress") &&
    standing.length > 0 &&
    standing.every((match) => match.status === "delivered")
  ) {
    const every = standing.length < matches.length ? "every match delivered or declined" : "every match delivered";
    reasons.push(`${every}: mark it fulfilled, or ask the State for feedback`);
  }
  return reasons;
}

export interface ReportInput {
  period: ReportPeriod;
  asOf: string;
  generatedAt: string;
  generatedBy: string;
  /** The pending requests with their matches. */
  requests: readonly { request: AssistanceRequest; matches: readonly AssistanceMatch[] }[];
  /** The names of the requesting and the providing States, by ISO3. */
  stateNames: ReadonlyMap<string, string>;
  /** The names of the providing organizations, by id. */
  organizationNames: ReadonlyMap<string, string>;
  /** The letters of each State with a follow-up due (shared/assistance/follow-ups.ts). */
  letters: ReadonlyMap<string, readonly StateLetter[]>;
}

/** The report's content, oldest request first; pure, so its arithmetic is tested without storage. */
export function buildReport(input: ReportInput): AssistanceReport {
  const { asOf } = input;
  const nameOf = providerNamesFrom(input.stateNames, input.organizationNames);
  const pending = input.requests.filter(({ request }) => pendingRequestStatuses.includes(request.status));
  const rows: (ReportRow & { attention: string[] })[] = pending
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
          .map((match) => {
            const providerName = nameOf(match.provider);
            return {
              id: match.id,
              offerId: match.offerId,
              provider: match.provider,
              ...(providerName ? { providerName } : {}),
              status: match.status,
            };
          }),
        lastAction: lastActionOf(request, matches, nameOf),
        attention: attentionOf(request, matches, asOf),
        ...(request.demo ? { demo: true } : {}),
      };
    })
    .sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.requestId.localeCompare(b.requestId));

  const totals: ReportTotals = {
    pending: rows.length,
    byStatus: Object.fromEntries(
      pendingRequestStatuses.map((status) => [status, rows.filter((row) => row.status === status).length]),
    ),
    // The snapshots' scale, so that a report and the quarter's snapshot can be read side by side.
    byAge: countByAge(
      rows.map((row) => row.receivedOn),
      asOf,
    ),
    followUpsOverdue: rows.filter((row) => row.followUp?.status === "overdue").length,
    followUpsDue: rows.filter((row) => row.followUp?.status === "due").length,
    withoutMatch: rows.filter(
      (row) => row.status === "circulated" && !row.matches.some((match) => match.status !== "declined"),
    ).length,
    needingAttention: rows.filter((row) => row.attention.length > 0).length,
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
  /** Where the providing organizations' names are read: the report names each provider. */
  organizations: Pick<OrganizationRepository, "getOrganizations">;
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

interface NameReaders {
  registry: Pick<RegistryRepository, "getStates">;
  organizations: Pick<OrganizationRepository, "getOrganizations">;
}

/** The names of the providers (and requesting States) given, as their records have them now: one batch read each. */
async function providerNamesOf(deps: NameReaders, providers: readonly Provider[], requesters: readonly string[] = []) {
  const iso3s = new Set(requesters);
  const organizationIds = new Set<string>();
  for (const provider of providers) {
    if (provider.kind === "state") iso3s.add(provider.iso3);
    else organizationIds.add(provider.id);
  }
  const [states, organizations] = await Promise.all([
    deps.registry.getStates([...iso3s]),
    deps.organizations.getOrganizations([...organizationIds]),
  ]);
  return {
    stateNames: new Map(states.map((state) => [state.value.iso3, state.value.name])),
    organizationNames: new Map([...organizations].map(([id, organization]) => [id, organization.value.name])),
  };
}

const isRequestStatus = (text: string): text is RequestStatus => (requestStatuses as readonly string[]).includes(text);
const matchStatusWords: ReadonlyMap<string, string> = new Map(Object.entries(MATCH_STATUS_WORDS));

/** A match's event as an older report wrote it: "match accepted (state:DEU)". */
const EARLIER_MATCH_ACTION = /^match (proposed|accepted|delivered|declined) \((state|organization):([^)]+)\)$/;

/** A last action an older report wrote in codes ("in-progress", "match accepted (state:DEU)"), in words. */
function earlierActionInWords(action: string, nameOf: ProviderNames): string {
  if (isRequestStatus(action)) return action === "received" ? action : MOVED_WORDS[action];
  const [, status, kind, code = ""] = EARLIER_MATCH_ACTION.exec(action) ?? [];
  if (!status) return action;
  const provider: Provider = kind === "state" ? { kind: "state", iso3: code } : { kind: "organization", id: code };
  return matchActionWords(ownerInText(provider, nameOf(provider)), matchStatusWords.get(status) ?? status);
}

/**
 * The report as the mail and the CSV say it. A report stored before its rows were written in words (its totals count
 * no `needingAttention`) has its providers' names read now, and its last actions put in words; a provider that cannot
 * be read keeps its code. The stored report is not changed: it stays what the Committee received. A newer report is
 * returned as it is, with the names of its day.
 */
export const reportInWords =
  (deps: NameReaders) =>
  async (report: AssistanceReport): Promise<AssistanceReport> => {
    if (report.totals.needingAttention !== undefined) return report;
    const { stateNames, organizationNames } = await providerNamesOf(
      deps,
      report.requests.flatMap((row) => row.matches.map((match) => match.provider)),
    );
    const nameOf = providerNamesFrom(stateNames, organizationNames);
    return {
      ...report,
      requests: report.requests.map((row) => ({
        ...row,
        matches: row.matches.map((match) => {
          const providerName = match.providerName ?? nameOf(match.provider);
          return providerName ? { ...match, providerName } : match;
        }),
        lastAction: { ...row.lastAction, action: earlierActionInWords(row.lastAction.action, nameOf) },
      })),
    };
  };

/**
 * Builds and stores the report of a period and mails its summary to the secretariat. Unnamed, the period is the
 * latest whose report day has come (the report the schedule owes, so a late run on 2 January takes December's); a
 * named period is taken on its report day or later (409 before: `assertReportDay`). The report is written once (a
 * conditional put): a second run, even a concurrent one, finds it and returns it. The mail is claimed before it is sent
 * and marked sent after, so only one run sends it.
 */
export const runAssistanceReport =
  (deps: ReportDependencies) =>
  async (input: { period?: string | undefined }, audit: AuditContext): Promise<ReportRun> => {
    const now = deps.clock.now();
    const asOf = deskDay(now);
    const period = input.period ? parsePeriod(input.period) : latestPeriodDue(asOf);
    const entity = { type: "assistance-report", id: period.id };

    let report = await deps.assistance.getReport(period.id);
    let created = false;
    if (!report) {
      assertReportDay(period, asOf);
      const requests = await pendingWithMatches(deps);
      const [names, letters] = await Promise.all([
        providerNamesOf(
          deps,
          requests.flatMap(({ matches }) => matches.map((match) => match.provider)),
          requests.map(({ request }) => request.iso3),
        ),
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
        ...names,
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
    const summary = reportSummaryMail(await reportInWords(deps)(report));

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
        ...summary,
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
