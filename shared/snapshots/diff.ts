// A snapshot as flat rows (every numeric figure with its group, every list), as figure-declarations.ts declares them,
// and the change between two snapshots.
import type { Coverage, CoverageCounts } from "../matrix/schemas.ts";
import { computedLaterWords } from "./computed-later-words.ts";
import {
  declaredFigures,
  type FigureDeclaration,
  type FigureGroup,
  figureGroups,
  figureNames,
  MATRIX_CELLS,
  shareFigures,
} from "./figure-declarations.ts";
import { figureGroupName } from "./group-names.ts";
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
    (Object.keys(MATRIX_CELLS) as (keyof CoverageCounts)[]).map((cell) => ({
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

/** A group of the snapshot as the declaration reads it: each declared field by name. */
const fieldsOf = (snapshot: Snapshot, group: FigureGroup) => snapshot[group] as Record<string, unknown>;

function breakdownRows(group: FigureGroup, entry: FigureDeclaration, value: unknown): Figure[] {
  switch (entry.kind) {
    case "by-key":
      return Object.entries(value as Record<string, number>).map(([key, figure]) => ({
        figure: `${group}.${entry.figure}`,
        group: key,
        value: figure,
      }));
    case "by-row":
      return (value as Record<string, unknown>[]).flatMap((row) =>
        entry.figures.map((name) => ({
          figure: `${group}.${name}`,
          group: String(row[entry.groupField]),
          value: row[name] as number | null,
        })),
      );
    case "coverage":
      return matrixRows(value as Coverage);
    // Overall figures and lists are not breakdowns: figuresOf and listsOf take them. Every kind is named, so a new
    // one fails tsc here until it says what rows it gives.
    case "figure":
    case "list":
      return [];
  }
}

/**
 * Every numeric figure the declaration (figure-declarations.ts) names: `group` is all, or the regional group,
 * paragraph, category, status, age or letter kind. Per figure group: its overall figures, then its breakdowns.
 */
export function figuresOf(snapshot: Snapshot): Figure[] {
  return figureGroups.flatMap((group) => {
    const fields = fieldsOf(snapshot, group);
    const declared = declaredFigures.filter((row) => row.group === group);
    return [
      ...declared.flatMap(({ name, entry }) =>
        entry.kind === "figure"
          ? [{ figure: `${group}.${name}`, group: ALL, value: fields[name] as number | null }]
          : [],
      ),
      ...declared.flatMap(({ name, entry }) => breakdownRows(group, entry, fields[name])),
    ];
  });
}

/** Every list of States (or providers) a snapshot holds, overall, as the declaration names them. */
export function listsOf(snapshot: Snapshot): NamedList[] {
  return declaredFigures.flatMap(({ group, name, entry }) =>
    entry.kind === "list"
      ? [{ list: `${group}.${name}`, group: ALL, members: fieldsOf(snapshot, group)[name] as readonly string[] }]
      : [],
  );
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
  return {
    from: from.period,
    to: to.period,
    fromComputedAt: from.computedAt,
    toComputedAt: to.computedAt,
    figures,
    lists,
  };
}

/** A figure row's figure and group in words, beside their codes. */
const namesOf = (row: { figure: string; group: string }) => ({
  name: figureNames[row.figure] ?? row.figure,
  groupName: figureGroupName(row.group),
});

/**
 * The change with each figure, its group and each list named in words, and the shares marked, as the diff route serves
 * it (a stored change has none of these).
 */
export const namedDiff = (diff: SnapshotDiff): SnapshotDiff => ({
  ...diff,
  figures: diff.figures.map((row) => ({
    ...row,
    ...namesOf(row),
    ...(shareFigures.has(row.figure) ? { unit: "share" as const } : {}),
  })),
  lists: diff.lists.map((row) => ({ ...row, name: figureNames[row.list] ?? row.list })),
});

/**
 * Whether the earlier quarter's snapshot was computed after the later one's (taken later, on demand; ADR 0011). It
 * then counts what was recorded between the two computations and the later quarter does not, so the change mixes two
 * moments of computation: a State may seem to go back to non-reporting.
 */
export const computedOutOfOrder = (diff: SnapshotDiff | null): diff is SnapshotDiff & { fromComputedAt: string } =>
  Boolean(diff?.fromComputedAt && diff.toComputedAt && diff.fromComputedAt > diff.toComputedAt);

/** The exports' note on a change computed out of order (null otherwise): the same words in the CSV and the JSON. */
export function changeNote(diff: SnapshotDiff | null): string | null {
  if (!computedOutOfOrder(diff)) return null;
  return computedLaterWords(
    { period: diff.from, computedAt: diff.fromComputedAt },
    { period: diff.to, computedAt: diff.toComputedAt ?? diff.fromComputedAt },
  );
}

/** The export's rows: every figure, named in words, with its change since the previous snapshot (null for the first). */
export function figureRows(snapshot: Snapshot): FigureRow[] {
  const changes = new Map((snapshot.change?.figures ?? []).map((row) => [keyOf(row), row.change]));
  return figuresOf(snapshot).map((row) => ({
    figure: row.figure,
    ...namesOf(row),
    group: row.group,
    value: row.value,
    change: changes.get(keyOf(row)) ?? null,
  }));
}
