// The snapshot's HTML report as a string: a self-contained document with its charts, figures, lists and tables.
import { describe, expect, it } from "vitest";
import { chartTitles } from "#shared/snapshots/report/chart-sections.ts";
import { renderSnapshotReport } from "#shared/snapshots/report/render.ts";
import type { Snapshot } from "#shared/snapshots/schemas.ts";
import { firstSnapshotFixture, snapshotFixture } from "../support/snapshot-fixture.ts";

const html = renderSnapshotReport(snapshotFixture());

/** The text a reader sees: tags dropped, the few entities the report writes turned back into characters. */
const textOf = (markup: string) =>
  markup
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

function emptyQuarter(): Snapshot {
  const first = firstSnapshotFixture();
  const noMessages = Object.fromEntries(Object.keys(first.correspondence.byStatus).map((status) => [status, 0]));
  return {
    ...first,
    assistance: {
      ...first.assistance,
      pending: 0,
      matched: 0,
      matchedShare: null,
      byAge: { "under-6-months": 0, "6-to-12-months": 0, "12-to-24-months": 0, "over-24-months": 0 },
    },
    correspondence: {
      waves: 0,
      messages: 0,
      byStatus: noMessages as Snapshot["correspondence"]["byStatus"],
      attempted: 0,
      bounced: 0,
      bounceRate: null,
      waveList: [],
    },
    responses: {
      letters: 0,
      tracked: 0,
      notTracked: 0,
      responded: 0,
      notResponded: 0,
      medianDays: null,
      byLetterKind: [],
      respondedStates: [],
      notRespondedStates: [],
      rows: [],
    },
  };
}

describe("renderSnapshotReport", () => {
  it("is one complete document with its style inline, a print style, and nothing to fetch or run", () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toMatch(/<\/html>$/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    expect(html).toContain("@media print");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\son\w+=|src=|href=|url\(/i);
    expect(html.match(/https?:\/\/[^"\s]*/g) ?? []).toEqual(Array(4).fill("http://www.w3.org/2000/svg"));
  });

  it("names the period and its as-of day in the title and the heading", () => {
    expect(html).toContain("<title>1540 Committee: quarterly snapshot 2024-Q1 (as of 2024-03-31)</title>");
    expect(html).toContain("<h1>Quarterly snapshot 2024-Q1</h1>");
    expect(textOf(html)).toContain("figures as of 2024-03-31");
  });

  it("has the four charts, each an accessible SVG image named by its title", () => {
    const titles = [...html.matchAll(/<svg [^>]*role="img"[^>]*>\s*<title id="[^"]+">([^<]+)<\/title>/g)].map(
      (match) => match[1],
    );
    expect(titles).toEqual(Object.values(chartTitles));
  });

  it("gives the key figures: 185 of 193 reported, 8 non-reporting, 124 additional information, 48 plans from 39 States", () => {
    const text = textOf(html);
    expect(text).toContain("Member States that have submitted a first national report 185 of 193");
    expect(text).toContain("Non-reporting States 8");
    expect(text).toContain("States that have given additional information 124");
    expect(text).toContain("Voluntary national implementation action plans 48 from 39 States");
  });

  it("lists the 8 non-reporting States by name", () => {
    const list = html.match(/<ul class="states" id="non-reporting-states"[^>]*>(.*?)<\/ul>/)?.[1] ?? "";
    expect(list.match(/<li>/g)).toHaveLength(8);
    for (const code of ["TCD", "PRK", "SWZ", "GMB", "GIN", "MLI", "MRT", "SOM"]) expect(list).toContain(`(${code})`);
    expect(list).toContain("Democratic People&#39;s Republic of Korea (PRK)");
  });

  it("shows the change from the previous snapshot, figure by figure and list by list", () => {
    const text = textOf(html);
    expect(text).toContain("Change since 2023-Q4");
    expect(text).toContain("States that have given additional information 121 124 +3");
    expect(text).toContain("Points of contact: missing 67 64 −3");
    expect(text).toContain("+3 since 2023-Q4");
  });

  it("says a first snapshot has nothing to compare with", () => {
    const text = textOf(renderSnapshotReport(firstSnapshotFixture()));
    expect(text).toContain("This is the first snapshot: there is no earlier one to compare with.");
    expect(text).not.toMatch(/since \d{4}-Q/);
  });

  it("tracks responses in a table: who answered, when, and who has not yet", () => {
    const text = textOf(html);
    expect(text).toContain("Argentina (ARG) Resolution 2663 letter 2024-02-12 2024-03-04 additional information 21");
    expect(text).toContain("Chad (TCD) First report request 2024-01-15 not yet – –");
    expect(text).toContain("4 were answered by it, after a median of 25.5 days");
  });

  it("writes the bounce rate with the messages by status", () => {
    expect(textOf(html)).toContain("Bounce rate: 10 of 377 letters handed to SES bounced (2.7%)");
    expect(html).toContain(">10 (2.7%)</text>");
  });

  it("never grades: no score, grade, rating or rank beyond saying it is not a compliance score", () => {
    const text = textOf(html).replaceAll("not a compliance score", "");
    expect(text).not.toMatch(/score|grade|rating|rank/i);
  });

  it("renders a quarter with no letters, no answers and no pending request, with no NaN anywhere", () => {
    const empty = renderSnapshotReport(emptyQuarter());
    expect(empty).not.toMatch(/NaN|Infinity|undefined/);
    expect(textOf(empty)).toContain("No wave was sent in the quarter.");
    expect(textOf(empty)).toContain("No letter asking for a submission reached a State in the quarter.");
    expect(empty.match(/Every value is zero\./g)).toHaveLength(4);
  });

  it("says under the regional chart how each State with a note on its group is counted, in one plain sentence", () => {
    const notes = html.slice(html.indexOf('id="reporting"'), html.indexOf('id="point-of-contact"'));
    expect(notes).toContain('<dl class="group-notes">');
    const text = textOf(notes);
    expect(text).toContain(
      "United States of America (USA) Counted in the Western European and others Group, as at UN Headquarters: the " +
        "United States is not a member of any group and attends its meetings as an observer.",
    );
    expect(text).toContain("Kiribati (KIR) Counted in the Asia-Pacific Group, as on the UN's current list");
    expect(text).toContain("Cyprus (CYP) Counted in the Asia-Pacific Group");
    // The research behind each case stays in the registry and its sources, not in a document for the Committee.
    expect(text).not.toMatch(/Wikipedia|DGACM|ask\.un\.org|FAQ|WEOG|\(not /);
    const snapshot = snapshotFixture();
    const renoted = renderSnapshotReport({
      ...snapshot,
      states: snapshot.states.map(({ groupNote: _, ...state }) =>
        state.iso3 === "MLI" ? { ...state, groupNote: "A note the table has no sentence for (Wikipedia)" } : state,
      ),
    });
    expect(textOf(renoted)).toContain(
      "Mali (MLI) Counted in the African Group, as the Committee's registry of Member States records it.",
    );
    expect(textOf(renoted)).not.toContain("Wikipedia");
    expect(textOf(renoted)).not.toContain("United States of America (USA) Counted");
    const unnoted = { ...snapshot, states: snapshot.states.map(({ groupNote: _, ...state }) => state) };
    expect(renderSnapshotReport(unnoted)).not.toContain('class="group-notes"');
  });

  it("escapes a hostile State name wherever the report writes it", () => {
    const snapshot = snapshotFixture();
    const hostile = `<script>alert(1)</script><img src=x onerror=alert(2)>`;
    const report = renderSnapshotReport({
      ...snapshot,
      states: snapshot.states.map((state) => (state.iso3 === "TCD" ? { ...state, name: hostile } : state)),
    });
    expect(report).not.toContain("<script>");
    expect(report).not.toContain("<img");
    expect(report).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
