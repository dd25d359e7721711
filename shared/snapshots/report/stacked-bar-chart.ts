// A horizontal stacked bar chart as an SVG string: one bar per row split by series, every value also written out.
import { escapeHtml } from "../../mail/html.ts";
import { formatFigure } from "./format.ts";
import { ink, type Swatch } from "./palette.ts";
import { type ChartText, coord, FONT_SIZE, magnitude, scaleTo, svgFrame, svgText, textWidth } from "./svg.ts";

export interface Series<K extends string> {
  key: K;
  label: string;
  swatch: Swatch;
}

export interface StackedRow<K extends string> {
  label: string;
  values: Record<K, number>;
}

export interface StackedBarChartOptions<K extends string> extends ChartText {
  series: readonly Series<K>[];
  rows: readonly StackedRow<K>[];
  width?: number;
}

// Each row: the bar, then a line under it naming every series with its value, so no figure is told by colour alone.
const ROW = 48;
const BAR = 20;
const LEGEND_LINE = 22;
const SWATCH = 12;
const SMALL = 11.5;

const totalOf = <K extends string>(row: StackedRow<K>, series: readonly Series<K>[]) =>
  series.reduce((sum, { key }) => sum + magnitude(row.values[key]), 0);

const breakdown = <K extends string>(row: StackedRow<K>, series: readonly Series<K>[]) =>
  series.map(({ key, label }) => `${label} ${formatFigure(row.values[key])}`).join(" · ");

/** The legend's items, left to right, wrapping onto a new line when the next would overflow. */
function legend<K extends string>(series: readonly Series<K>[], left: number, width: number) {
  let x = left;
  let line = 0;
  const items = series.map(({ label, swatch }) => {
    const itemWidth = SWATCH + 6 + textWidth(label) + 18;
    if (x > left && x + itemWidth > width) {
      x = left;
      line += 1;
    }
    const y = 8 + line * LEGEND_LINE;
    const item = [
      `<rect x="${coord(x)}" y="${coord(y)}" width="${SWATCH}" height="${SWATCH}" fill="${swatch.fill}" stroke="${ink}" stroke-width="0.5"/>`,
      svgText(label, { x: x + SWATCH + 6, y: y + SWATCH - 1 }),
    ].join("");
    x += itemWidth;
    return item;
  });
  return { markup: `<g class="legend">${items.join("")}</g>`, height: 8 + (line + 1) * LEGEND_LINE };
}

export function stackedBarChart<K extends string>({
  series,
  rows,
  width = 760,
  ...text
}: StackedBarChartOptions<K>): string {
  const labelWidth = Math.min(Math.max(80, ...rows.map((row) => textWidth(row.label) + 16)), width * 0.45);
  const totals = rows.map((row) => totalOf(row, series));
  const totalWidth = Math.max(40, ...totals.map((total) => textWidth(formatFigure(total)) + 12));
  const extent = Math.max(0, width - labelWidth - totalWidth - 8);
  const length = scaleTo(Math.max(0, ...totals), extent);
  const top = legend(series, labelWidth, width);
  const note = !rows.length ? "No data." : totals.every((total) => total === 0) ? "Every value is zero." : "";

  const bars = rows.map((row, index) => {
    const y = top.height + index * ROW;
    let x = labelWidth;
    const segments = series.map(({ key, label, swatch }) => {
      const value = magnitude(row.values[key]);
      const segment = length(value);
      const figure = formatFigure(value);
      const fits = value > 0 && textWidth(figure, SMALL) + 6 <= segment;
      const markup = [
        `<rect class="bar segment" data-label="${escapeHtml(row.label)}" data-series="${escapeHtml(label)}"`,
        ` data-value="${coord(value)}" x="${coord(x)}" y="${coord(y)}" width="${coord(segment)}" height="${BAR}"`,
        ` fill="${swatch.fill}"/>`,
        fits
          ? svgText(figure, {
              x: x + segment / 2,
              y: y + BAR / 2 + 4,
              anchor: "middle",
              fill: swatch.text,
              size: SMALL,
            })
          : "",
      ].join("");
      x += segment;
      return markup;
    });
    return [
      svgText(row.label, { x: labelWidth - 8, y: y + BAR / 2 + 4, anchor: "end" }),
      ...segments,
      svgText(formatFigure(totals[index] ?? 0), { x: x + 6, y: y + BAR / 2 + 4, weight: "bold", className: "value" }),
      svgText(breakdown(row, series), { x: labelWidth + 4, y: y + BAR + 15, size: SMALL, className: "breakdown" }),
    ].join("");
  });
  const rowsHeight = rows.length * ROW;
  const axis = rows.length
    ? `<line x1="${coord(labelWidth)}" y1="${coord(top.height - 4)}" x2="${coord(labelWidth)}" y2="${coord(top.height + rowsHeight - ROW + BAR + 4)}" stroke="${ink}"/>`
    : "";
  const noteText = note
    ? svgText(note, { x: labelWidth, y: top.height + rowsHeight + FONT_SIZE + 4, className: "note" })
    : "";
  const description = [
    text.description,
    note,
    ...rows.map((row, index) => `${row.label}: ${breakdown(row, series)} (total ${formatFigure(totals[index] ?? 0)}).`),
  ]
    .filter(Boolean)
    .join(" ");
  return svgFrame(
    { ...text, description },
    width,
    top.height + rowsHeight + (note ? FONT_SIZE + 12 : 0) + 4,
    [top.markup, axis, ...bars, noteText].join(""),
  );
}
