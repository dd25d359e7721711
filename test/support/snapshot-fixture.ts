// Snapshots built to the schema for the report's tests: the 193 Member States with the public reporting status
// (185 reported, the 8 non-reporting), the demo set's additional information and action plans, and made-up but
// consistent figures for contacts, assistance, matrices, letters and answers.
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { type RegionSlug, regionalGroups } from "#shared/registry/schemas.ts";
import { demoSubmissions, publicStatus } from "#shared/reporting/public-status.ts";
import { diffSnapshots } from "#shared/snapshots/diff.ts";
import { AS_OF_COMPUTATION, type Snapshot, snapshotSchema } from "#shared/snapshots/schemas.ts";

const states = loadMemberStates()
  .map(({ iso3, name, region, groupNote }) => ({ iso3, name, region, ...(groupNote ? { groupNote } : {}) }))
  .sort((a, b) => a.iso3.localeCompare(b.iso3));
const codes = states.map((state) => state.iso3);
const regions = Object.keys(regionalGroups) as RegionSlug[];
const inRegion = (region: RegionSlug, list: readonly string[]) =>
  list.filter((iso3) => states.find((state) => state.iso3 === iso3)?.region === region);
const ratio = (part: number, whole: number) => (whole ? Math.round((part / whole) * 10_000) / 10_000 : null);

type Poc = "current" | "stale" | "unreachable" | "missing";

/** A fixed spread of the States over the four views: 193 is prime, so stepping by 37 visits every index once. */
function pocViews(current: number, stale: number, unreachable: number): Map<string, Poc> {
  return new Map(
    codes.map((iso3, index) => {
      const position = (index * 37) % codes.length;
      const view: Poc =
        position < current
          ? "current"
          : position < current + stale
            ? "stale"
            : position < current + stale + unreachable
              ? "unreachable"
              : "missing";
      return [iso3, view];
    }),
  );
}

const cells = (X: number, unsure: number, NA: number, blank: number) => ({
  X,
  "?": unsure,
  NA,
  blank,
  fields: X + unsure + NA + blank,
});
const add = (...all: ReturnType<typeof cells>[]) =>
  cells(
    all.reduce((sum, c) => sum + c.X, 0),
    all.reduce((sum, c) => sum + c["?"], 0),
    all.reduce((sum, c) => sum + c.NA, 0),
    all.reduce((sum, c) => sum + c.blank, 0),
  );
const categories = ["nuclear", "chemical", "biological", "means-of-delivery", "related-materials"] as const;

function matrix(states: number) {
  const byParagraph = (["op1", "op2", "op3ab", "op3cd"] as const).map((paragraph, p) => {
    const byCategory = categories.map((category, c) => ({
      category,
      counts: cells(states * (6 - c), states * ((p + c) % 3), states * (c === 3 ? 2 : 0), states * (p + 1)),
    }));
    return { paragraph, counts: add(...byCategory.map((row) => row.counts)), byCategory };
  });
  return {
    total: add(...byParagraph.map((row) => row.counts)),
    byParagraph,
    byCategory: categories.map((category) => ({
      category,
      counts: add(
        ...byParagraph.flatMap((row) => row.byCategory.filter((c) => c.category === category).map((c) => c.counts)),
      ),
    })),
  };
}

const noMessages = {
  queued: 0,
  sending: 0,
  sent: 0,
  delivered: 0,
  bounced: 0,
  complained: 0,
  rejected: 0,
  failed: 0,
  expired: 0,
  skipped: 0,
  unknown: 0,
};

interface Variant {
  period: string;
  periodStart: string;
  periodEnd: string;
  computedAt: string;
  additionalInformation: number;
  actionPlans: number;
  poc: [current: number, stale: number, unreachable: number];
  approvedMatrices: number;
  byAge: Snapshot["assistance"]["byAge"];
  matched: number;
  waves: Snapshot["correspondence"]["waveList"];
  responses: Snapshot["responses"]["rows"];
}

function build(variant: Variant, previous: Snapshot | null): Snapshot {
  const nonReporting: string[] = [...publicStatus.nonReportingStates].sort();
  const reported = codes.filter((iso3) => !nonReporting.includes(iso3));
  const demo = demoSubmissions(codes);
  const additional = demo
    .filter((submission) => submission.kind === "additional-information")
    .map((submission) => submission.iso3)
    .slice(0, variant.additionalInformation)
    .sort();
  const plans = demo.filter((submission) => submission.kind === "action-plan").slice(0, variant.actionPlans);
  const planStates = [...new Set(plans.map((plan) => plan.iso3))].sort();
  const views = pocViews(...variant.poc);
  const withView = (view: Poc) => codes.filter((iso3) => views.get(iso3) === view);
  const pending = Object.values(variant.byAge).reduce((sum, n) => sum + n, 0);
  const byStatus = { ...noMessages };
  for (const wave of variant.waves)
    for (const [status, count] of Object.entries(wave.byStatus)) byStatus[status as keyof typeof noMessages] += count;
  const attempted = byStatus.sent + byStatus.delivered + byStatus.bounced + byStatus.complained;
  const tracked = variant.responses;
  const answered = tracked.filter((row) => row.respondedOn);
  const days = answered.map((row) => row.days ?? 0).sort((a, b) => a - b);
  const middle = Math.floor(days.length / 2);
  const kinds = [...new Set(tracked.map((row) => row.letterKind))];
  const snapshot: Snapshot = {
    period: variant.period,
    periodStart: variant.periodStart,
    periodEnd: variant.periodEnd,
    timeZone: "America/New_York",
    asOf: variant.periodEnd,
    computedAt: variant.computedAt,
    computedBy: "snapshot",
    previousPeriod: previous?.period ?? null,
    asOfComputation: [...AS_OF_COMPUTATION],
    states,
    reporting: {
      memberStates: codes.length,
      reported: reported.length,
      nonReporting: nonReporting.length,
      reportedStates: reported,
      nonReportingStates: nonReporting,
      byRegion: regions.map((region) => {
        const members = states.filter((state) => state.region === region);
        const missing = inRegion(region, nonReporting);
        return {
          region,
          regionName: regionalGroups[region],
          memberStates: members.length,
          reported: members.length - missing.length,
          nonReporting: missing.length,
          nonReportingStates: missing,
        };
      }),
    },
    additionalInformation: {
      states: additional.length,
      documents: additional.length + 17,
      stateList: additional,
      byRegion: regions.map((region) => ({
        region,
        regionName: regionalGroups[region],
        states: inRegion(region, additional).length,
      })),
    },
    actionPlans: {
      plans: plans.length,
      states: planStates.length,
      stateList: planStates,
      byRegion: regions.map((region) => ({
        region,
        regionName: regionalGroups[region],
        plans: plans.filter((plan) => inRegion(region, [plan.iso3]).length).length,
        states: inRegion(region, planStates).length,
      })),
    },
    pointOfContact: {
      evaluatedOn: variant.computedAt.slice(0, 10),
      staleBefore: `${Number(variant.computedAt.slice(0, 4)) - 1}${variant.computedAt.slice(4, 10)}`,
      current: withView("current").length,
      stale: withView("stale").length,
      unreachable: withView("unreachable").length,
      missing: withView("missing").length,
      currentStates: withView("current"),
      staleStates: withView("stale"),
      unreachableStates: withView("unreachable"),
      missingStates: withView("missing"),
      byRegion: regions.map((region) => ({
        region,
        regionName: regionalGroups[region],
        current: inRegion(region, withView("current")).length,
        stale: inRegion(region, withView("stale")).length,
        unreachable: inRegion(region, withView("unreachable")).length,
        missing: inRegion(region, withView("missing")).length,
      })),
    },
    matrix: {
      states: variant.approvedMatrices,
      stateList: reported.slice(0, variant.approvedMatrices),
      coverage: matrix(variant.approvedMatrices),
    },
    assistance: {
      received: 3,
      pending,
      byAge: variant.byAge,
      matched: variant.matched,
      matchedShare: ratio(variant.matched, pending),
      providers: 65,
      staleProviders: 3,
      staleProviderList: ["organization:caricom", "state:NZL", "state:PER"],
    },
    correspondence: {
      waves: variant.waves.length,
      messages: variant.waves.reduce((sum, wave) => sum + wave.messages, 0),
      byStatus,
      attempted,
      bounced: byStatus.bounced,
      bounceRate: ratio(byStatus.bounced, attempted),
      waveList: variant.waves,
    },
    responses: {
      letters: tracked.length + 4,
      tracked: tracked.length,
      notTracked: 4,
      responded: answered.length,
      notResponded: tracked.length - answered.length,
      medianDays: days.length
        ? days.length % 2
          ? (days[middle] ?? 0)
          : ((days[middle - 1] ?? 0) + (days[middle] ?? 0)) / 2
        : null,
      byLetterKind: kinds.map((letterKind) => {
        const rows = tracked.filter((row) => row.letterKind === letterKind);
        return {
          letterKind,
          asks: rows[0]?.asks ?? [],
          letters: rows.length,
          responded: rows.filter((row) => row.respondedOn).length,
        };
      }),
      respondedStates: [...new Set(answered.map((row) => row.iso3))].sort(),
      notRespondedStates: [...new Set(tracked.filter((row) => !row.respondedOn).map((row) => row.iso3))].sort(),
      rows: [...tracked].sort((a, b) => a.iso3.localeCompare(b.iso3)),
    },
    change: null,
  };
  return snapshotSchema.parse({ ...snapshot, change: previous ? diffSnapshots(previous, snapshot) : null });
}

const wave = (
  id: string,
  letterKind: "first-report-request" | "resolution-2663-letter",
  audience: "non-reporting-states" | "all-states",
  sendInstant: string,
  counts: Partial<typeof noMessages>,
) => {
  const byStatus = { ...noMessages, ...counts };
  return {
    id,
    templateId: `template-${letterKind}`,
    letterKind,
    audience,
    sendInstant,
    status: "completed" as const,
    messages: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
    byStatus,
  };
};

const firstReportRequests = (sentOn: string, waveId: string) =>
  publicStatus.nonReportingStates.map((iso3) => ({
    iso3,
    letterKind: "first-report-request" as const,
    waveId,
    sentOn,
    asks: ["first-report" as const],
  }));

/** The first snapshot, 2023-Q4: no earlier one, so no change. */
export function firstSnapshotFixture(): Snapshot {
  return build(
    {
      period: "2023-Q4",
      periodStart: "2023-10-01",
      periodEnd: "2023-12-31",
      computedAt: "2024-01-01T05:00:12.000Z",
      additionalInformation: 121,
      actionPlans: 46,
      poc: [95, 24, 7],
      approvedMatrices: 10,
      byAge: { "under-6-months": 8, "6-to-12-months": 6, "12-to-24-months": 5, "over-24-months": 3 },
      matched: 6,
      waves: [
        wave("wave-2023-q4", "first-report-request", "non-reporting-states", "2023-11-06T14:00:00.000Z", {
          delivered: 14,
          bounced: 1,
          skipped: 1,
        }),
      ],
      responses: firstReportRequests("2023-11-06", "wave-2023-q4"),
    },
    null,
  );
}

/** The 2024-Q1 snapshot with the public reporting status, 124 additional information, 48 plans from 39 States. */
export function snapshotFixture(): Snapshot {
  const resolutionLetters = ["ARG", "BRA", "CAN", "DEU", "GHA", "IND", "JPN", "KEN", "MEX", "NOR", "PHL", "ZAF"].map(
    (iso3, index) => ({
      iso3,
      letterKind: "resolution-2663-letter" as const,
      waveId: "wave-2024-q1-2663",
      sentOn: "2024-02-12",
      asks: ["additional-information" as const, "action-plan" as const],
      ...(index % 3 === 0
        ? {
            respondedOn: `2024-03-${String(4 + index).padStart(2, "0")}`,
            submissionKind: "additional-information" as const,
            days: 21 + index,
          }
        : {}),
    }),
  );
  return build(
    {
      period: "2024-Q1",
      periodStart: "2024-01-01",
      periodEnd: "2024-03-31",
      computedAt: "2024-04-01T04:00:09.000Z",
      additionalInformation: publicStatus.statesWithAdditionalInformation,
      actionPlans: publicStatus.actionPlans,
      poc: [98, 25, 6],
      approvedMatrices: 12,
      byAge: { "under-6-months": 9, "6-to-12-months": 6, "12-to-24-months": 5, "over-24-months": 4 },
      matched: 7,
      waves: [
        wave("wave-2024-q1-first", "first-report-request", "non-reporting-states", "2024-01-15T14:00:00.000Z", {
          delivered: 13,
          bounced: 1,
          skipped: 2,
        }),
        wave("wave-2024-q1-2663", "resolution-2663-letter", "all-states", "2024-02-12T14:00:00.000Z", {
          delivered: 341,
          sent: 12,
          bounced: 9,
          complained: 1,
          skipped: 17,
          expired: 2,
        }),
      ],
      responses: [...firstReportRequests("2024-01-15", "wave-2024-q1-first"), ...resolutionLetters],
    },
    firstSnapshotFixture(),
  );
}
