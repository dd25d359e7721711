// The Committee's published reporting status, and a demonstration set of submissions consistent with it.
//
// Real (public record, figures as of 2023-2024; see ../shared/research/domain-1540.md and DESIGN.md):
//   - 185 of 193 Member States have submitted a first national report; these 8 have not:
//     Chad, DPRK, Eswatini, Gambia, Guinea, Mali, Mauritania, Somalia
//     (un.org/en/sc/1540/national-implementation, and press coverage of the 8 through 2024).
//   - 124 States have provided additional information; 48 voluntary national implementation action plans
//     have been submitted by 39 States (un.org/en/sc/1540/national-implementation/national-implementation-plans.shtml).
// Not in the public record we hold: which 124 States, which 39 States, and the dates and document symbols of
// any of these documents. The seed chooses them deterministically and marks every such submission
// `demo: true`, with a note saying so: they are demonstration data, never to be presented as fact.

export const publicStatus = {
  nonReportingStates: ["TCD", "PRK", "SWZ", "GMB", "GIN", "MLI", "MRT", "SOM"],
  reportedStates: 185,
  statesWithAdditionalInformation: 124,
  actionPlans: 48,
  statesWithActionPlans: 39,
} as const;

export const DEMO_NOTE =
  "Demonstration record: the date and symbol are illustrative, not taken from the public record.";

export interface DemoSubmission {
  iso3: string;
  kind: "first-report" | "additional-information" | "action-plan";
  receivedOn: string;
  symbol: string;
}

/** FNV-1a: a stable hash, so every machine seeds the same demo set. */
function hash(text: string): number {
  let value = 2166136261;
  for (const char of text) value = Math.imul(value ^ char.charCodeAt(0), 16777619) >>> 0;
  return value;
}

const shuffled = (codes: string[], salt: string) =>
  [...codes].sort((a, b) => hash(`${salt}:${a}`) - hash(`${salt}:${b}`) || a.localeCompare(b));

function dayBetween(code: string, salt: string, from: string, to: string): string {
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = (Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000;
  return new Date(start + (hash(`${salt}:${code}`) % days) * 86_400_000).toISOString().slice(0, 10);
}

/** The demo submissions for the given Member States, consistent with the published figures. */
export function demoSubmissions(allCodes: string[]): DemoSubmission[] {
  const nonReporting = new Set<string>(publicStatus.nonReportingStates);
  const reported = allCodes.filter((code) => !nonReporting.has(code)).sort();
  if (reported.length !== publicStatus.reportedStates) {
    throw new Error(`Expected ${publicStatus.reportedStates} reporting States, found ${reported.length}`);
  }
  const firstReports = reported.map((iso3, index) => ({
    iso3,
    kind: "first-report" as const,
    receivedOn: dayBetween(iso3, "first", "2004-10-28", "2012-12-31"),
    symbol: `S/AC.44/DEMO/FR/${String(index + 1).padStart(3, "0")}`,
  }));
  const additional = shuffled(reported, "additional")
    .slice(0, publicStatus.statesWithAdditionalInformation)
    .sort()
    .map((iso3, index) => ({
      iso3,
      kind: "additional-information" as const,
      receivedOn: dayBetween(iso3, "additional", "2013-01-01", "2023-12-31"),
      symbol: `S/AC.44/DEMO/AI/${String(index + 1).padStart(3, "0")}`,
    }));
  // 48 plans from 39 States: the first 9 of the chosen States have submitted a revised plan too.
  const planners = shuffled(reported, "plans").slice(0, publicStatus.statesWithActionPlans).sort();
  const revisions = publicStatus.actionPlans - publicStatus.statesWithActionPlans;
  const plan = (iso3: string, receivedOn: string, index: number) => ({
    iso3,
    kind: "action-plan" as const,
    receivedOn,
    symbol: `S/AC.44/DEMO/AP/${String(index + 1).padStart(3, "0")}`,
  });
  const plans = [
    ...planners.map((iso3, index) => plan(iso3, dayBetween(iso3, "plan", "2008-01-01", "2018-12-31"), index)),
    ...planners
      .slice(0, revisions)
      .map((iso3, index) =>
        plan(iso3, dayBetween(iso3, "revision", "2019-01-01", "2024-06-30"), planners.length + index),
      ),
  ];
  return [...firstReports, ...additional, ...plans];
}
