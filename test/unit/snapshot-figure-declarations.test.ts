import { describe, expect, it } from "vitest";
import { diffSnapshots, figuresOf, listsOf, namedDiff } from "#shared/snapshots/diff.ts";
import {
  declaredFigures,
  figureGroups,
  figureLabels,
  figureNames,
  listLabels,
} from "#shared/snapshots/figure-declarations.ts";
import { snapshotSchema } from "#shared/snapshots/schemas.ts";
import { snapshotFixture } from "../support/snapshot-fixture.ts";

/** Fields of a figure group that are context, not figures: the day coverage is of, the waves, the response rows. */
const CONTEXT = new Set([
  "pointOfContact.evaluatedOn",
  "pointOfContact.staleBefore",
  "correspondence.waveList",
  "responses.rows",
]);

describe("the snapshot figure declarations", () => {
  it("declare every field of every figure group, so none misses the diff or the exports", () => {
    const shape = snapshotSchema.shape;
    for (const group of figureGroups) {
      const fields = Object.keys(shape[group].shape).map((name) => `${group}.${name}`);
      const declared = declaredFigures.filter((row) => row.group === group).map((row) => `${group}.${row.name}`);
      expect(fields.filter((field) => !CONTEXT.has(field))).toEqual(declared);
    }
  });

  it("export every declared figure and list of a snapshot under its declared name", () => {
    const snapshot = snapshotFixture();
    const figureNames = new Set(figuresOf(snapshot).map((row) => row.figure));
    const listNames = listsOf(snapshot).map((row) => row.list);
    for (const { group, name, entry } of declaredFigures) {
      if (entry.kind === "figure") expect(figureNames).toContain(`${group}.${name}`);
      if (entry.kind === "list") expect(listNames).toContain(`${group}.${name}`);
      if (entry.kind === "by-key") expect(figureNames).toContain(`${group}.${entry.figure}`);
      if (entry.kind === "by-row")
        for (const figure of entry.figures) expect(figureNames).toContain(`${group}.${figure}`);
    }
    expect(
      figuresOf(snapshot)
        .filter((row) => row.figure === "assistance.pending")
        .map((row) => row.group),
    ).toEqual(["all", "under-6-months", "6-to-12-months", "12-to-24-months", "over-24-months"]);
  });

  it("label only figures and lists that exist, in the order of the change table", () => {
    const names = new Set(declaredFigures.map(({ group, name }) => `${group}.${name}`));
    for (const name of [...Object.keys(figureLabels), ...Object.keys(listLabels)]) expect(names).toContain(name);
    expect(Object.keys(figureLabels).slice(0, 3)).toEqual([
      "reporting.reported",
      "reporting.nonReporting",
      "additionalInformation.states",
    ]);
  });

  it("name every figure and list a snapshot exports in words, a breakdown's rows by the figure they break down", () => {
    const snapshot = snapshotFixture();
    for (const { figure } of figuresOf(snapshot)) expect(figureNames[figure], figure).toMatch(/^[A-Z][^.]+$/);
    for (const { list } of listsOf(snapshot)) expect(figureNames[list], list).toMatch(/^[A-Z][^.]+$/);
    // A line of the report's change table is named as the report names it.
    for (const [figure, label] of Object.entries({ ...figureLabels, ...listLabels })) {
      expect(figureNames[figure]).toBe(label);
    }
    expect(figureNames["reporting.memberStates"]).toBe("Member States");
    expect(figureNames["matrix.?"]).toBe("Matrix cells marked ? (reference incomplete)");
  });

  it("serve the change with names, and keep the code of a figure no longer declared", () => {
    const earlier = snapshotFixture();
    const diff = diffSnapshots(earlier, snapshotFixture());
    expect(diff.figures.every((row) => row.name === undefined)).toBe(true);
    const named = namedDiff({
      ...diff,
      figures: [...diff.figures, { figure: "retired.figure", group: "all", from: 1, to: null, change: null }],
    });
    expect(named.figures.find((row) => row.figure === "reporting.nonReporting" && row.group === "all")?.name).toBe(
      "Non-reporting States",
    );
    expect(
      named.figures.find((row) => row.figure === "assistance.pending" && row.group === "over-24-months")?.name,
    ).toBe("Pending assistance requests");
    expect(named.figures.at(-1)?.name).toBe("retired.figure");
    // The shares are marked, so that a page shows them as percentages; a count is not.
    const unitOf = (figure: string) => named.figures.find((row) => row.figure === figure)?.unit;
    expect([unitOf("assistance.matchedShare"), unitOf("correspondence.bounceRate")]).toEqual(["share", "share"]);
    expect(unitOf("reporting.nonReporting")).toBeUndefined();
    expect(named.lists.find((row) => row.list === "reporting.nonReportingStates")?.name).toBe("Non-reporting States");
  });
});
