// Taking a snapshot with in-memory data: computed once, stored once (a lost race answers the winner), the change
// from the previous snapshot, the diff of any two, and the CSV export.
import { parse } from "csv-parse/sync";
import { describe, expect, it, vi } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import type { State } from "#shared/registry/schemas.ts";
import { snapshotCsv } from "#shared/snapshots/csv.ts";
import { diffSnapshots, figureRows } from "#shared/snapshots/diff.ts";
import { renderSnapshotReport } from "#shared/snapshots/report/render.ts";
import { SnapshotExists, type SnapshotRepository } from "#shared/snapshots/repository.ts";
import type { Snapshot } from "#shared/snapshots/schemas.ts";
import { getSnapshot, type SnapshotDependencies, snapshotExport, takeSnapshot } from "#shared/snapshots/snapshots.ts";
import type { SnapshotSource } from "#shared/snapshots/source.ts";

const audit = { actor: systemActor("test") };

const state = (iso3: string, region: State["region"], firstReportOn?: string): State => ({
  iso3,
  iso2: iso3.slice(0, 2),
  name: `State ${iso3}`,
  region,
  regionName: region,
  language: "en",
  languageBasis: "inferred",
  reportingStatus: firstReportOn ? "reported" : "non-reporting",
  ...(firstReportOn ? { firstReportOn } : {}),
  updatedAt: "2024-01-01T00:00:00.000Z",
});

function fakeSource(states: State[]) {
  const source: SnapshotSource = {
    memberStates: vi.fn(async () => states),
    fulfilledObligations: vi.fn(async () => []),
    submissionsOf: vi.fn(async () => []),
    pocContacts: vi.fn(async () => []),
    contactImages: vi.fn(async () => new Map()),
    approvedMatricesOn: vi.fn(async () => []),
    requestsReceivedBy: vi.fn(async () => []),
    providers: vi.fn(async () => []),
    waves: vi.fn(async () => []),
    templates: vi.fn(async () => []),
    messagesOfWaves: vi.fn(async () => new Map()),
    unreachedOfWaves: vi.fn(async () => new Map()),
  };
  return source;
}

/** Stores like the table: one item per period, a second create is refused with SnapshotExists. */
function memoryRepository(stored = new Map<string, Snapshot>()) {
  const repository: SnapshotRepository = {
    get: vi.fn(async (period: string) => stored.get(period)),
    list: vi.fn(async () => ({ items: [...stored.values()] })),
    latestBefore: vi.fn(async (period: string) =>
      [...stored.values()]
        .filter((snapshot) => snapshot.period < period)
        .sort((a, b) => a.period.localeCompare(b.period))
        .at(-1),
    ),
    periodBefore: vi.fn(async (period: string) =>
      [...stored.keys()]
        .filter((key) => key < period)
        .sort()
        .at(-1),
    ),
    create: vi.fn(async (snapshot: Snapshot) => {
      if (stored.has(snapshot.period)) throw new SnapshotExists(snapshot.period);
      stored.set(snapshot.period, structuredClone(snapshot));
    }),
  };
  return { repository, stored };
}

const states = [state("FRA", "weog", "2005-01-10"), state("KEN", "african", "2024-02-10"), state("TCD", "african")];

function dependencies(now: string, repository = memoryRepository().repository): SnapshotDependencies {
  return { snapshots: repository, source: fakeSource(states), clock: fixedClock(now) };
}

describe("taking a snapshot", () => {
  it("computes the quarter once and answers a second run from the store without reading the data", async () => {
    const deps = dependencies("2024-04-02T12:00:00.000Z");
    const first = await takeSnapshot(deps)({}, audit);
    expect(first.created).toBe(true);
    expect(first.snapshot).toMatchObject({ period: "2024-Q1", previousPeriod: null, change: null });
    expect(first.snapshot.reporting).toMatchObject({ reported: 2, nonReporting: 1, nonReportingStates: ["TCD"] });
    const second = await takeSnapshot(deps)({ period: "2024-Q1" }, audit);
    expect(second).toEqual({ snapshot: first.snapshot, created: false });
    expect(deps.source.memberStates).toHaveBeenCalledTimes(1);
    expect(deps.snapshots.create).toHaveBeenCalledTimes(1);
  });

  it("answers the stored snapshot when another run stored the quarter while this one computed", async () => {
    const { repository, stored } = memoryRepository();
    const winner = (await takeSnapshot(dependencies("2024-04-02T09:00:00.000Z"))({}, audit)).snapshot;
    // This run found nothing at first; by the time it writes, the winner is there.
    vi.mocked(repository.get).mockResolvedValueOnce(undefined);
    stored.set("2024-Q1", winner);
    const late = await takeSnapshot(dependencies("2024-04-02T12:00:00.000Z", repository))({}, audit);
    expect(late).toEqual({ snapshot: winner, created: false });
    expect(repository.create).toHaveBeenCalledTimes(1);
  });

  it("measures the change from the latest snapshot before it", async () => {
    const { repository } = memoryRepository();
    const q4 = (await takeSnapshot(dependencies("2024-04-02T12:00:00.000Z", repository))({ period: "2023-Q4" }, audit))
      .snapshot;
    const q1 = (await takeSnapshot(dependencies("2024-04-02T12:00:00.000Z", repository))({ period: "2024-Q1" }, audit))
      .snapshot;
    expect(q4.reporting.reportedStates).toEqual(["FRA"]);
    expect(q1.previousPeriod).toBe("2023-Q4");
    expect(q1.change).toEqual(diffSnapshots(q4, q1));
    expect(q1.change?.figures).toContainEqual({
      figure: "reporting.reported",
      group: "all",
      from: 1,
      to: 2,
      change: 1,
    });
  });
});

describe("the diff of two snapshots", () => {
  async function pair() {
    const { repository } = memoryRepository();
    const take = (period: string) =>
      takeSnapshot(dependencies("2024-04-02T12:00:00.000Z", repository))({ period }, audit).then((run) => run.snapshot);
    return { q4: await take("2023-Q4"), q1: await take("2024-Q1") };
  }

  it("gives every figure with its change, by group, and what entered and left every list", async () => {
    const { q4, q1 } = await pair();
    const diff = diffSnapshots(q4, q1);
    expect(diff).toMatchObject({ from: "2023-Q4", to: "2024-Q1" });
    expect(diff.figures).toContainEqual({ figure: "reporting.reported", group: "african", from: 0, to: 1, change: 1 });
    expect(diff.figures).toContainEqual({ figure: "reporting.nonReporting", group: "all", from: 2, to: 1, change: -1 });
    expect(diff.lists).toContainEqual({ list: "reporting.reportedStates", group: "all", added: ["KEN"], removed: [] });
    expect(diff.lists).toContainEqual({
      list: "reporting.nonReportingStates",
      group: "all",
      added: [],
      removed: ["KEN"],
    });
    // Backwards, every change changes sign.
    const back = diffSnapshots(q1, q4);
    expect(back.figures).toContainEqual({ figure: "reporting.reported", group: "african", from: 1, to: 0, change: -1 });
  });

  it("leaves the change empty where either side has no value: a share of nothing, a figure the other lacks", async () => {
    const { q4, q1 } = await pair();
    const diff = diffSnapshots(q4, q1);
    expect(diff.figures).toContainEqual({
      figure: "assistance.matchedShare",
      group: "all",
      from: null,
      to: null,
      change: null,
    });
    // A snapshot stored before a letter kind existed has no figure for it.
    const older = { ...q4, responses: { ...q4.responses, byLetterKind: q4.responses.byLetterKind.slice(1) } };
    const kind = q4.responses.byLetterKind[0]?.letterKind;
    expect(diffSnapshots(older, q1).figures).toContainEqual({
      figure: "responses.letters",
      group: kind,
      from: null,
      to: 0,
      change: null,
    });
    expect(diffSnapshots(q1, older).figures).toContainEqual({
      figure: "responses.letters",
      group: kind,
      from: 0,
      to: null,
      change: null,
    });
  });

  it("names every figure once per group", async () => {
    const { q1 } = await pair();
    const keys = figureRows(q1).map((row) => `${row.figure}|${row.group}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining(["matrix.X|op1", "matrix.X|op1/nuclear", "matrix.X|nuclear"]));
  });
});

describe("the CSV export", () => {
  it("writes one row per figure with its change; negative changes stay numbers", async () => {
    const { repository } = memoryRepository();
    const deps = dependencies("2024-04-02T12:00:00.000Z", repository);
    await takeSnapshot(deps)({ period: "2023-Q4" }, audit);
    const { snapshot } = await takeSnapshot(deps)({ period: "2024-Q1" }, audit);
    const csv = snapshotCsv(snapshot);
    expect(csv.startsWith("\uFEFFfigure,name,group,groupName,value,change,changeNote\r\n")).toBe(true);
    const lines = csv.slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(figureRows(snapshot).length + 1);
    expect(lines).toContain("reporting.nonReporting,Non-reporting States,all,All,1,-1,");
    expect(lines).toContain("assistance.matchedShare,Share of pending requests matched,all,All,,,");
  });

  it("keeps each State's note on its group and gives the noted States in the JSON export, not in the CSV", async () => {
    const noted = { ...state("USA", "weog", "2004-10-12"), groupNote: "Counted with WEOG as an observer." };
    const deps = { ...dependencies("2024-04-02T12:00:00.000Z"), source: fakeSource([...states, noted]) };
    const { snapshot } = await takeSnapshot(deps)({ period: "2024-Q1" }, audit);
    expect(snapshot.states.find((entry) => entry.iso3 === "USA")).toMatchObject({ groupNote: noted.groupNote });
    expect(snapshot.states.find((entry) => entry.iso3 === "FRA")).not.toHaveProperty("groupNote");
    expect(snapshotExport(snapshot).groupNotes).toEqual([
      {
        iso3: "USA",
        region: "weog",
        words:
          "Counted in the Western European and others Group, as at UN Headquarters: the United States is not a " +
          "member of any group and attends its meetings as an observer.",
        note: "Counted with WEOG as an observer.",
      },
    ]);
    expect(snapshotCsv(snapshot)).not.toContain("observer");
  });
});

describe("a change from a previous quarter whose snapshot was computed after this one", () => {
  // 2024-Q1 is taken on 2 April, when TCD's first report (dated December 2023) is not yet recorded; 2023-Q4 is taken on
  // demand on 1 May, after it was. Read now, 2024-Q1's change runs from that later computation.
  async function readOutOfOrder() {
    const { repository } = memoryRepository();
    await takeSnapshot(dependencies("2024-04-02T12:00:00.000Z", repository))({ period: "2024-Q1" }, audit);
    const recorded = [...states.filter((entry) => entry.iso3 !== "TCD"), state("TCD", "african", "2023-12-20")];
    const later = { ...dependencies("2024-05-01T12:00:00.000Z", repository), source: fakeSource(recorded) };
    await takeSnapshot(later)({ period: "2023-Q4" }, audit);
    return getSnapshot(later)("2024-Q1");
  }

  it("still shows TCD leaving the reported States, as the stored figures have it", async () => {
    const q1 = await readOutOfOrder();
    expect(q1.change?.lists.find((list) => list.list === "reporting.reportedStates")?.removed).toEqual(["TCD"]);
    expect(q1.change).toMatchObject({ fromComputedAt: "2024-05-01T12:00:00.000Z", toComputedAt: q1.computedAt });
  });

  it("says so in the JSON export's changeNote, and once in the CSV: the changeNote cell of its first row", async () => {
    const q1 = await readOutOfOrder();
    const note =
      "2023-Q4 was computed 2024-05-01 12:00:00 UTC, after 2024-Q1 (2024-04-02 12:00:00 UTC): what was recorded " +
      "between the two computations counts in 2023-Q4 but not in 2024-Q1, so the changes mix two moments of " +
      "computation. No State goes back to non-reporting: one that appears to do so had its first report recorded in " +
      "between.";
    expect(snapshotExport(q1).changeNote).toBe(note);
    const rows: Record<string, string>[] = parse(snapshotCsv(q1), { bom: true, columns: true });
    expect(rows[0]).toEqual({
      figure: "reporting.memberStates",
      name: "Member States",
      group: "all",
      groupName: "All",
      value: "3",
      change: "0",
      changeNote: note,
    });
    expect(rows.filter((row) => row.changeNote !== "")).toHaveLength(1);
    // Every other row keeps the one shape: a figure, its group, value and change, the note's cell empty.
    expect(rows).toContainEqual({
      figure: "reporting.nonReporting",
      name: "Non-reporting States",
      group: "all",
      groupName: "All",
      value: "1",
      change: "0",
      changeNote: "",
    });
  });

  it("writes the CSV's note on the first row that has a change: a figure new in this quarter has none", async () => {
    const q1 = await readOutOfOrder();
    const change = q1.change && {
      ...q1.change,
      figures: q1.change.figures.filter((row) => row.figure !== "reporting.memberStates"),
    };
    const rows: Record<string, string>[] = parse(snapshotCsv({ ...q1, change }), { bom: true, columns: true });
    expect(rows.slice(0, 2).map((row) => [row.figure, row.change, row.changeNote !== ""])).toEqual([
      ["reporting.memberStates", "", false],
      ["reporting.reported", "0", true],
    ]);
  });

  it("says so in the report, beside the as-of-computation notice and above the change tables", async () => {
    const html = renderSnapshotReport(await readOutOfOrder());
    const notice =
      "The previous snapshot, 2023-Q4, was computed 2024-05-01 12:00:00 UTC, after this one (2024-04-02 12:00:00 UTC)";
    expect(html.split(notice)).toHaveLength(3);
    expect(html.indexOf(notice)).toBeLessThan(html.indexOf('id="change"'));
    expect(html.lastIndexOf(notice)).toBeGreaterThan(html.indexOf('id="change"'));
  });

  it("says nothing of the kind when the previous snapshot was computed first", async () => {
    const { repository } = memoryRepository();
    await takeSnapshot(dependencies("2024-04-02T12:00:00.000Z", repository))({ period: "2023-Q4" }, audit);
    const q1 = (await takeSnapshot(dependencies("2024-04-02T13:00:00.000Z", repository))({ period: "2024-Q1" }, audit))
      .snapshot;
    expect(snapshotExport(q1).changeNote).toBeNull();
    expect(snapshotCsv(q1)).not.toContain("moments of computation");
    expect(renderSnapshotReport(q1)).not.toContain("moments of computation");
  });
});
