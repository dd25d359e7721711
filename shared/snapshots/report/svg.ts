// What every chart shares: the accessible <svg role="img"> frame, escaped text, and numbers safe for attributes.
import { escapeHtml } from "../../mail/html.ts";
import { ink } from "./palette.ts";

/** A chart's name and its description in words: read by screen readers, shown as a tooltip, kept when printed. */
export interface ChartText {
  /** Unique in the page: the title and description elements are referenced by id. */
  id: string;
  title: string;
  description: string;
}

export const FONT_SIZE = 13;
const FONT = "'Liberation Sans', Arial, Helvetica, sans-serif";

/** A coordinate or length for an attribute: rounded to a tenth, and 0 for anything not finite (never NaN). */
export const coord = (value: number) => String(Number.isFinite(value) ? Math.round(value * 10) / 10 : 0);

/** What a bar may draw: a finite positive amount, else nothing. */
export const magnitude = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);

/** Lengths in [0, extent] proportional to the value, the largest value taking the whole extent; all-zero data draws nothing. */
export const scaleTo =
  (largest: number, extent: number) =>
  (value: number): number =>
    largest > 0 ? (magnitude(value) / largest) * extent : 0;

/** A generous width for text in the chart's font, so labels get the room they need without measuring glyphs. */
export const textWidth = (text: string, fontSize = FONT_SIZE) => text.length * fontSize * 0.6;

export interface TextOptions {
  x: number;
  y: number;
  anchor?: "start" | "middle" | "end";
  fill?: string;
  weight?: "bold";
  size?: number;
  className?: string;
}

/** A <text> element; its content is escaped, whatever it holds. */
export function svgText(content: string, { x, y, anchor = "start", fill = ink, weight, size, className }: TextOptions) {
  const attributes = [
    `x="${coord(x)}"`,
    `y="${coord(y)}"`,
    anchor === "start" ? "" : `text-anchor="${anchor}"`,
    `fill="${fill}"`,
    weight ? `font-weight="${weight}"` : "",
    size ? `font-size="${coord(size)}"` : "",
    className ? `class="${escapeHtml(className)}"` : "",
  ].filter(Boolean);
  return `<text ${attributes.join(" ")}>${escapeHtml(content)}</text>`;
}

/**
 * The frame: role="img" named by its <title> and described by its <desc>, a white background so it prints as
 * seen, and an intrinsic size that CSS may scale down.
 */
export function svgFrame({ id, title, description }: ChartText, width: number, height: number, body: string) {
  const titleId = escapeHtml(`${id}-title`);
  const descId = escapeHtml(`${id}-desc`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" id="${escapeHtml(id)}" class="chart"`,
    ` aria-labelledby="${titleId}" aria-describedby="${descId}"`,
    ` width="${coord(width)}" height="${coord(height)}" viewBox="0 0 ${coord(width)} ${coord(height)}"`,
    ` font-family="${FONT}" font-size="${FONT_SIZE}">`,
    `<title id="${titleId}">${escapeHtml(title)}</title>`,
    `<desc id="${descId}">${escapeHtml(description)}</desc>`,
    `<rect width="100%" height="100%" fill="#FFFFFF"/>`,
    body,
    "</svg>",
  ].join("");
}
