// A snapshot as flat rows (every numeric figure with its group, every list), and the change between two snapshots.
import type { Coverage, CoverageCounts } from "../matrix/schemas.ts";
import type { FigureChange, FigureRow, ListChange, Snapshot, SnapshotDiff } from "./schemas.ts";

export interface Figure {
  figure: string;
  group: string;
  value: number | null;
}

export interface NamedList {
  list: string;
  group: string;
  members: readonly string[];
}

const ALL = "all";

function matrixRows(coverage: Coverage): Figure[] {
  const counts = (group: string, of: CoverageCounts) =>
    (["X", "?", "NA", "blank", "fields"] as const).map((cell) => ({
      figure: `matrix.${cell}`,
      group,
      value: of[cell],
    }));
  return [
    ...counts(ALL, coverage.total),
    ...coverage.byParagraph.flatMap((paragraph) => [
      ...counts(paragraph.paragraph, paragraph.counts),
      ...paragraph.byCategory.flatMap((category) =>
        counts(`${paragraph.paragraph}/${category.category}`, category.counts),
      ),
    ]),
    ...coverage.byCategory.flatMap((category) => counts(category.category, category.counts)),
  ];
}

/** Every numeric figure: `group` is all, or the regional group, paragraph, category, status, age or letter kind. */
export function figuresOf(snapshot: Snapshot): Figure[] {
  const { reporting, additionalInformation, actionPlans, pointOfContact, matrix, assistance } = snapshot;
  const { correspondence, responses } = snapshot;
  const each = (prefix: string, group: string, values: Record<string, number | null>): Figure[] =>
    Object.entries(values).map(([name, value]) => ({ figure: `${prefix}.${name}`, group, value }));
  return [
    ...each("reporting", ALL, {
      memberStates: reporting.memberStates,
      reported: reporting.reported,
      nonReporting: reporting.nonReporting,
    }),
    ...reporting.byRegion.flatMap((row) =>
      each("reporting", row.region, {
        memberStates: row.memberStates,
        reported: row.reported,
        nonReporting: row.nonReporting,
      }),
    ),
    ...each("additionalInformation", ALL, {
      states: additionalInformation.states,
      documents: additionalInformation.documents,
    }),
    ...additionalInformation.byRegion.flatMap((row) =>
      each("additionalInformation", row.region, { states: row.states }),
    ),
    ...each("actionPlans", ALL, { plans: actionPlans.plans, states: actionPlans.states }),
    ...actionPlans.byRegion.flatMap((row) => each("actionPlans", row.region, { plans: row.plans, states: row.states })),
    ...[{ region: ALL, ...pointOfContact }, ...pointOfContact.byRegion].flatMap((row) =>
      each("pointOfContact", row.region, {
        current: row.current,
        stale: row.stale,
        unreachable: row.unreachable,
        missing: row.missing,
      }),
    ),
    ...each("matrix", ALL, { states: matrix.states }),
    ...matrixRows(matrix.coverage),
    ...each("assistance", ALL, {
      received: assistance.received,
      pending: assistance.pending,
      matched: assistance.matched,
      matchedShare: assistance.matchedShare,
      providers: assistance.providers,
      staleProviders: assistance.staleProviders,
    }),
    ...Object.entries(assistance.byAge).map(([bucket, value]) => ({
      figure: "assistance.pending",
      group: bucket,
      value,
    })),
    ...each("correspondence", ALL, {
      waves: correspondence.waves,
      messages: correspondence.messages,
      attempted: correspondence.attempted,
      bounced: correspondence.bounced,
      bounceRate: correspondence.bounceRate,
    }),
    ...Object.entries(correspondence.byStatus).map(([status, value]) => ({
      figure: "correspondence.messages",
      group: status,
      value,
    })),
    ...each("responses", ALL, {
      letters: responses.letters,
      tracked: responses.tracked,
      notTracked: responses.notTracked,
      responded: responses.responded,
      notResponded: responses.notResponded,
      medianDays: responses.medianDays,
    }),
    ...responses.byLetterKind.flatMap((row) =>
      each("responses", row.letterKind, { letters: row.letters, responded: row.responded }),
    ),
  ];
}

/** Every list of States (or providers) a snapshot holds, overall. */
export function listsOf(snapshot: Snapshot): NamedList[] {
  return [
    { list: "reporting.reportedStates", members: snapshot.reporting.reportedStates },
    { list: "reporting.nonReportingStates", members: snapshot.reporting.nonReportingStates },
    { list: "additionalInformation.stateList", members: snapshot.additionalInformation.stateList },
    { list: "actionPlans.stateList", members: snapshot.actionPlans.stateList },
    { list: "pointOfContact.currentStates", members: snapshot.pointOfContact.currentStates },
    { list: "pointOfContact.staleStates", members: snapshot.pointOfContact.staleStates },
    { list: "pointOfContact.unreachableStates", members: snapshot.pointOfContact.unreachableStates },
    { list: "pointOfContact.missingStates", members: snapshot.pointOfContact.missingStates },
    { list: "matrix.stateList", members: snapshot.matrix.stateList },
    { list: "assistance.staleProviderList", members: snapshot.assistance.staleProviderList },
    { list: "responses.respondedStates", members: snapshot.responses.respondedStates },
    { list: "responses.notRespondedStates", members: snapshot.responses.notRespondedStates },
  ].map((list) => ({ ...list, group: ALL }));
}

const keyOf = (row: { group: string } & ({ figure: string } | { list: string })) =>
  `${"figure" in row ? row.figure : row.list}|${row.group}`;

/** Every figure of either snapshot with its change (to - from), and what entered and left each list. */
export function diffSnapshots(from: Snapshot, to: Snapshot): SnapshotDiff {
  const before = new Map(figuresOf(from).map((row) => [keyOf(row), row]));
  const after = figuresOf(to);
  const afterKeys = new Set(after.map(keyOf));
  const figures: FigureChange[] = [
    ...after.map((row) => {
      const old = before.get(keyOf(row))?.value ?? null;
      return {
        figure: row.figure,
        group: row.group,
        from: old,
        to: row.value,
        change: old === null || row.value === null ? null : Math.round((row.value - old) * 10_000) / 10_000,
      };
    }),
    ...[...before.values()]
      .filter((row) => !afterKeys.has(keyOf(row)))
      .map((row) => ({ figure: row.figure, group: row.group, from: row.value, to: null, change: null })),
  ];
  const listsBefore = new Map(listsOf(from).map((list) => [keyOf(list), list.members]));
  const lists: ListChange[] = listsOf(to).map((list) => {
    const old = new Set(listsBefore.get(keyOf(list)) ?? []);
    const now = new Set(list.members);
    return {
      list: list.list,
      group: list.group,
      added: list.members.filter((member) => !old.has(member)),
      removed: [...old].filter((member) => !now.has(member)).sort(),
    };
  });
  return { from: from.period, to: to.period, figures, lists };
}

/** The export's rows: every figure with its change since the previous snapshot (null for the first). */
export function figureRows(snapshot: Snapshot): FigureRow[] {
  const changes = new Map((snapshot.change?.figures ?? []).map((row) => [keyOf(row), row.change]));
  return figuresOf(snapshot).map((row) => ({ ...row, change: changes.get(keyOf(row)) ?? null }));
}
