// A horizontal bar chart as an SVG string: one labelled bar per figure, its value written at the bar's end.
import { escapeHtml } from "../../mail/html.ts";
import { formatFigure } from "./format.ts";
import { ink, palette, type Swatch } from "./palette.ts";
import { type ChartText, coord, magnitude, scaleTo, svgFrame, svgText, textWidth } from "./svg.ts";

export interface Bar {
  label: string;
  value: number;
  /** What is written at the bar's end (e.g. "12 (4.2%)"); the formatted value by default. */
  display?: string;
}

export interface BarChartOptions extends ChartText {
  bars: readonly Bar[];
  swatch?: Swatch;
  width?: number;
}

const ROW = 28;
const BAR = 18;
const TOP = 8;
const NOTE = 24;

const displayOf = (bar: Bar) => bar.display ?? formatFigure(bar.value);

/** The words a screen reader gets: the caller's description, then every bar's label and value. */
const describe = (description: string, bars: readonly Bar[]) =>
  [description, ...bars.map((bar) => `${bar.label}: ${displayOf(bar)}.`)].filter(Boolean).join(" ");

export function horizontalBarChart({ bars, swatch = palette.blue, width = 760, ...text }: BarChartOptions): string {
  const labelWidth = Math.min(Math.max(80, ...bars.map((bar) => textWidth(bar.label) + 16)), width * 0.45);
  const valueWidth = Math.max(40, ...bars.map((bar) => textWidth(displayOf(bar)) + 12));
  const extent = Math.max(0, width - labelWidth - valueWidth - 8);
  const length = scaleTo(Math.max(0, ...bars.map((bar) => magnitude(bar.value))), extent);
  const allZero = bars.every((bar) => magnitude(bar.value) === 0);
  const note = !bars.length ? "No data." : allZero ? "Every value is zero." : "";
  const rowsHeight = bars.length * ROW;
  const height = TOP + rowsHeight + (note ? NOTE : 0) + 8;

  const rows = bars.map((bar, index) => {
    const y = TOP + index * ROW;
    const barLength = length(bar.value);
    return [
      svgText(bar.label, { x: labelWidth - 8, y: y + ROW / 2 + 4, anchor: "end" }),
      `<rect class="bar" data-label="${escapeHtml(bar.label)}" data-value="${coord(magnitude(bar.value))}"`,
      ` x="${coord(labelWidth)}" y="${coord(y + (ROW - BAR) / 2)}" width="${coord(barLength)}" height="${BAR}"`,
      ` fill="${swatch.fill}"/>`,
      svgText(displayOf(bar), { x: labelWidth + barLength + 6, y: y + ROW / 2 + 4, className: "value" }),
    ].join("");
  });
  const axis = `<line x1="${coord(labelWidth)}" y1="${TOP}" x2="${coord(labelWidth)}" y2="${coord(TOP + rowsHeight)}" stroke="${ink}"/>`;
  const noteText = note ? svgText(note, { x: labelWidth, y: TOP + rowsHeight + NOTE - 6, className: "note" }) : "";
  return svgFrame(
    { ...text, description: describe(`${text.description} ${note}`.trim(), bars) },
    width,
    height,
    [bars.length ? axis : "", ...rows, noteText].join(""),
  );
}
