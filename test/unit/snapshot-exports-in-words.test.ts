// The snapshot's exports and report in the Committee's words: each figure and group named beside its code in the CSV,
// the JSON export and the diff; one plain sentence per State whose regional group is an edge case, for exactly the
// States the registry notes; and every table of the report in a focusable region named by its caption.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { countedInGroup, countedInGroupSentence } from "#shared/snapshots/counted-in-group.ts";
import { SNAPSHOT_CSV_COLUMNS, snapshotCsv } from "#shared/snapshots/csv.ts";
import { diffSnapshots, figureRows, namedDiff } from "#shared/snapshots/diff.ts";
import { figureGroupName } from "#shared/snapshots/group-names.ts";
import { renderSnapshotReport } from "#shared/snapshots/report/render.ts";
import { snapshotExport } from "#shared/snapshots/snapshots.ts";
import { firstSnapshotFixture, snapshotFixture } from "../support/snapshot-fixture.ts";

const snapshot = snapshotFixture();

describe("the CSV export's rows", () => {
  const rows: Record<string, string>[] = parse(snapshotCsv(snapshot), { bom: true, columns: true });

  it("give each code beside its words: figure, name, group, groupName, then value, change and the note", () => {
    expect(SNAPSHOT_CSV_COLUMNS).toEqual(["figure", "name", "group", "groupName", "value", "change", "changeNote"]);
    expect(rows).toHaveLength(figureRows(snapshot).length);
    expect(rows).toContainEqual(
      expect.objectContaining({
        figure: "reporting.nonReporting",
        name: "Non-reporting States",
        group: "grulac",
        groupName: "Latin American and Caribbean",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        figure: "matrix.?",
        name: "Matrix cells marked ? (reference incomplete)",
        group: "op3cd/means-of-delivery",
        groupName: "OP3(c)(d), Means of delivery",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ figure: "assistance.pending", group: "6-to-12-months", groupName: "6 to 12 months" }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        figure: "correspondence.messages",
        group: "skipped",
        groupName: "Skipped (no usable address)",
      }),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({
        figure: "responses.letters",
        group: "first-report-request",
        groupName: "First report request",
      }),
    );
  });

  it("leave no figure or group in its code alone: every row is named in words", () => {
    const unnamed = rows.filter(
      (row) => row.name === row.figure || (row.group !== "all" && row.groupName === row.group),
    );
    expect(unnamed).toEqual([]);
    expect(rows.filter((row) => /[a-z]\.[a-zA-Z?]|\/|^[a-z0-9]+(-[a-z0-9]+)+$/.test(`${row.groupName}`))).toEqual([]);
  });

  it("are the JSON export's rows, names included", () => {
    const json = snapshotExport(snapshot).figures;
    expect(json).toHaveLength(rows.length);
    expect(json[0]).toEqual({
      figure: "reporting.memberStates",
      name: "Member States",
      group: "all",
      groupName: "All",
      value: 193,
      change: 0,
    });
  });
});

describe("a group in words", () => {
  it("gives a code it does not know as it is, so a row never goes without a group", () => {
    expect(figureGroupName("all")).toBe("All");
    expect(figureGroupName("weog")).toBe("Western European and others");
    expect(figureGroupName("op1/nuclear")).toBe("OP1, Nuclear");
    expect(figureGroupName("a-new-group")).toBe("a-new-group");
  });

  it("is served by the diff beside each figure's name", () => {
    const diff = namedDiff(diffSnapshots(firstSnapshotFixture(), snapshot));
    expect(diff.figures).toContainEqual(
      expect.objectContaining({
        figure: "pointOfContact.current",
        name: "Points of contact: current",
        group: "eastern-european",
        groupName: "Eastern European",
      }),
    );
    expect(diff.figures.every((row) => typeof row.groupName === "string" && row.groupName !== "")).toBe(true);
  });
});

describe("how a State whose group is an edge case is counted", () => {
  const noted = loadMemberStates().filter((state) => state.groupNote);

  it("has one plain sentence for each State the registry notes, in the group the registry counts it in", () => {
    expect(Object.keys(countedInGroup).sort()).toEqual(noted.map((state) => state.iso3).sort());
    for (const state of noted) expect(countedInGroup[state.iso3]?.region, state.iso3).toBe(state.region);
  });

  it("says it in one sentence naming the group, with no source or research in it", () => {
    for (const [iso3, { sentence }] of Object.entries(countedInGroup)) {
      expect(sentence, iso3).toMatch(/^Counted in the .+ Group[^.]*\.$/);
      expect(sentence, iso3).not.toMatch(/Wikipedia|DGACM|FAQ|ask\.un|WEOG|\(|\d{4}/);
    }
  });

  it("gives the group alone where the table has no sentence for the State, or counted it elsewhere", () => {
    expect(countedInGroupSentence("USA", "weog")).toContain("attends its meetings as an observer");
    expect(countedInGroupSentence("USA", "asia-pacific")).toBe(
      "Counted in the Asia-Pacific Group, as the Committee's registry of Member States records it.",
    );
    expect(countedInGroupSentence("MLI", "african")).toBe(
      "Counted in the African Group, as the Committee's registry of Member States records it.",
    );
    expect(countedInGroupSentence("toString", "african")).toContain("African Group");
  });

  it("is in the JSON export beside the registry's note, which keeps its research for machines", () => {
    const notes = snapshotExport(snapshot).groupNotes;
    expect(notes.map((note) => note.iso3)).toEqual(["CYP", "ISR", "KIR", "TUR", "USA"]);
    expect(notes.find((note) => note.iso3 === "KIR")).toEqual({
      iso3: "KIR",
      region: "asia-pacific",
      words: countedInGroup.KIR?.sentence,
      note: expect.stringContaining("Wikipedia"),
    });
  });
});

describe("the report's tables", () => {
  const html = renderSnapshotReport(snapshot);

  it("each sit in a region that scrolls on its own, takes focus and is named by the table's caption", () => {
    const tables = [...html.matchAll(/<table><caption>([^<]*)<\/caption>/g)].map((match) => match[1]);
    const regions = [
      ...html.matchAll(
        /<div class="table-scroll" role="region" tabindex="0" aria-label="([^"]*)"><table><caption>([^<]*)</g,
      ),
    ].map((match) => [match[1], match[2]]);
    expect(tables).toContain("Cells by operative paragraph");
    expect(regions).toHaveLength(tables.length);
    for (const [label, caption] of regions) expect(label).toBe(caption);
  });
});
