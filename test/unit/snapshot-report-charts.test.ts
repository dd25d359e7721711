// The report's SVG chart primitives: proportional bars, empty and all-zero data, escaping, attributes never NaN.
import { describe, expect, it } from "vitest";
import { horizontalBarChart } from "#shared/snapshots/report/bar-chart.ts";
import { palette } from "#shared/snapshots/report/palette.ts";
import { stackedBarChart } from "#shared/snapshots/report/stacked-bar-chart.ts";

type Attributes = Record<string, string>;

const attributesOf = (tag: string): Attributes =>
  Object.fromEntries([...tag.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]));

/** The bars (and segments) of a chart, with their attributes. */
const barsOf = (svg: string) => [...svg.matchAll(/<rect class="bar[^>]*>/g)].map((match) => attributesOf(match[0]));

const widthOf = (bar: Attributes) => Number(bar.width);

const hostile = `<script>alert("x")</script> & 'quoted' ]]> <!--`;

const series = [
  { key: "reported", label: "Reported", swatch: palette.blue },
  { key: "nonReporting", label: "Non-reporting", swatch: palette.vermillion },
] as const;

describe("horizontalBarChart", () => {
  const chart = horizontalBarChart({
    id: "ages",
    title: "Pending assistance by age",
    description: "Requests not yet in a terminal state.",
    bars: [
      { label: "Under 6 months", value: 10 },
      { label: "6-12 months", value: 5 },
      { label: "12-24 months", value: 0 },
      { label: "Over 24 months", value: 2.5 },
    ],
  });

  it("is an accessible image named by its title and described by its desc", () => {
    expect(chart).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="ages-title"[^>]*aria-describedby="ages-desc"/);
    expect(chart).toContain('<title id="ages-title">Pending assistance by age</title>');
    expect(chart).toContain('<desc id="ages-desc">Requests not yet in a terminal state. Under 6 months: 10.');
    expect(chart).not.toContain("<script");
  });

  it("draws bars proportional to their values, the largest the longest", () => {
    const widths = barsOf(chart).map(widthOf);
    expect(widths[0]).toBeGreaterThan(100);
    expect(widths[1]).toBeCloseTo((widths[0] ?? 0) / 2, 0);
    expect(widths[2]).toBe(0);
    expect(widths[3]).toBeCloseTo((widths[0] ?? 0) / 4, 0);
  });

  it("writes every value on the chart, not in colour alone", () => {
    for (const value of ["10", "5", "0", "2.5"]) expect(chart).toContain(`class="value">${value}</text>`);
  });

  it("writes the caller's display text at the bar's end", () => {
    const svg = horizontalBarChart({
      id: "rate",
      title: "t",
      description: "d",
      bars: [{ label: "Bounced", value: 3, display: "3 (2.5%)" }],
    });
    expect(svg).toContain(">3 (2.5%)</text>");
  });

  it("draws no bar and says so when every value is zero", () => {
    const svg = horizontalBarChart({
      id: "zeros",
      title: "Nothing",
      description: "d",
      bars: [
        { label: "A", value: 0 },
        { label: "B", value: 0 },
      ],
    });
    expect(barsOf(svg).map(widthOf)).toEqual([0, 0]);
    expect(svg).toContain("Every value is zero.");
    expect(svg).not.toContain("NaN");
  });

  it("renders an empty chart with a note when there is no data", () => {
    const svg = horizontalBarChart({ id: "empty", title: "Nothing", description: "d", bars: [] });
    expect(barsOf(svg)).toEqual([]);
    expect(svg).toContain("No data.");
    expect(svg).toMatch(/height="\d+(\.\d)?"/);
  });

  it("never writes NaN or Infinity in an attribute, whatever the values", () => {
    const svg = horizontalBarChart({
      id: "odd",
      title: "t",
      description: "d",
      bars: [
        { label: "nan", value: Number.NaN },
        { label: "inf", value: Number.POSITIVE_INFINITY },
        { label: "negative", value: -4 },
        { label: "one", value: 1 },
      ],
    });
    const attributeValues = [...svg.matchAll(/="([^"]*)"/g)].map((match) => match[1]);
    expect(attributeValues.filter((value) => /NaN|Infinity/.test(value ?? ""))).toEqual([]);
    expect(barsOf(svg).map(widthOf).slice(0, 3)).toEqual([0, 0, 0]);
  });

  it("escapes a hostile label, title and description everywhere they appear", () => {
    const svg = horizontalBarChart({
      id: `x" onload="alert(1)`,
      title: hostile,
      description: hostile,
      bars: [{ label: hostile, value: 1 }],
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain(`" onload="`);
    expect(svg).not.toContain("<!--");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;");
    expect(barsOf(svg)[0]?.["data-label"]).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39; ]]&gt; &lt;!--",
    );
  });
});

describe("stackedBarChart", () => {
  const chart = stackedBarChart({
    id: "regions",
    title: "Reporting status by regional group",
    description: "First national reports received.",
    series,
    rows: [
      { label: "African", values: { reported: 48, nonReporting: 6 } },
      { label: "Asia-Pacific", values: { reported: 52, nonReporting: 1 } },
      { label: "Eastern European", values: { reported: 23, nonReporting: 0 } },
    ],
  });
  const segments = barsOf(chart);
  const segment = (label: string, seriesLabel: string) =>
    segments.find((bar) => bar["data-label"] === label && bar["data-series"] === seriesLabel) ?? {};

  it("splits each bar by series, every segment proportional to its value on one scale", () => {
    const unit = widthOf(segment("African", "Reported")) / 48;
    expect(unit).toBeGreaterThan(0);
    expect(widthOf(segment("African", "Non-reporting"))).toBeCloseTo(6 * unit, 0);
    expect(widthOf(segment("Asia-Pacific", "Reported"))).toBeCloseTo(52 * unit, 0);
    expect(widthOf(segment("Eastern European", "Non-reporting"))).toBe(0);
  });

  it("places each segment after the one before it", () => {
    const reported = segment("African", "Reported");
    expect(Number(segment("African", "Non-reporting").x)).toBeCloseTo(Number(reported.x) + widthOf(reported), 0);
  });

  it("writes every value and total in words under the bar and in the description", () => {
    expect(chart).toContain(">Reported 48 · Non-reporting 6</text>");
    expect(chart).toContain(">Reported 23 · Non-reporting 0</text>");
    expect(chart).toContain('font-weight="bold" class="value">54</text>');
    expect(chart).toContain("African: Reported 48 · Non-reporting 6 (total 54).");
  });

  it("has a legend naming every series", () => {
    const legend = chart.match(/<g class="legend">(.*?)<\/g>/)?.[1] ?? "";
    expect(legend).toContain(">Reported</text>");
    expect(legend).toContain(">Non-reporting</text>");
  });

  it("says so and draws nothing when every value is zero, with no NaN", () => {
    const svg = stackedBarChart({
      id: "zeros",
      title: "t",
      description: "d",
      series,
      rows: [{ label: "A", values: { reported: 0, nonReporting: 0 } }],
    });
    expect(barsOf(svg).map(widthOf)).toEqual([0, 0]);
    expect(svg).toContain("Every value is zero.");
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it("renders an empty chart with a note when there are no rows", () => {
    const svg = stackedBarChart({ id: "empty", title: "t", description: "d", series, rows: [] });
    expect(barsOf(svg)).toEqual([]);
    expect(svg).toContain("No data.");
  });

  it("escapes hostile row and series labels", () => {
    const svg = stackedBarChart({
      id: "hostile",
      title: "t",
      description: "d",
      series: [{ key: "a", label: hostile, swatch: palette.blue }],
      rows: [{ label: hostile, values: { a: 3 } }],
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<!--");
    expect(barsOf(svg)[0]?.["data-series"]).toContain("&lt;script&gt;");
  });
});
