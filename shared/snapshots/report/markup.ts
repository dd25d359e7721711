// The report's HTML pieces: tables, sections, figures and paragraphs, every text escaped.
import { escapeHtml } from "../../mail/html.ts";
import { formatFigure } from "./format.ts";

export interface Column {
  label: string;
  numeric?: boolean;
}

/** A cell: text (escaped) or a number (formatted); null is written as a dash. */
export type Cell = string | number | null;

const cell = (value: Cell, numeric: boolean | undefined, tag: "td" | "th") => {
  const text = value === null ? "–" : typeof value === "number" ? formatFigure(value) : value;
  return `<${tag}${numeric ? ' class="number"' : ""}>${escapeHtml(text)}</${tag}>`;
};

/**
 * A table in a region of its own that scrolls sideways when the table is wider than the screen, so the page never does
 * (as the console's tables); the region is named by the caption and takes focus, so the keyboard can scroll it.
 */
export function htmlTable(caption: string, columns: readonly Column[], rows: readonly (readonly Cell[])[]): string {
  const head = columns.map((column) => cell(column.label, column.numeric, "th").replace("<th", '<th scope="col"'));
  const body = rows.map(
    (row) => `<tr>${row.map((value, index) => cell(value, columns[index]?.numeric, "td")).join("")}</tr>`,
  );
  return [
    `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeHtml(caption)}">`,
    `<table><caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.join("")}</tr></thead>`,
    `<tbody>${body.join("")}</tbody></table></div>`,
  ].join("");
}

/** A report section: a page of its own when printed (all but the first). */
export const htmlSection = (id: string, heading: string, body: string, { first = false } = {}) =>
  `<section id="${escapeHtml(id)}"${first ? ' class="first"' : ""}><h2>${escapeHtml(heading)}</h2>${body}</section>`;

/** A chart with its caption in words. */
export const htmlFigure = (svg: string, caption: string) =>
  `<figure>${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;

/** A paragraph of escaped text. */
export const htmlParagraph = (text: string, className?: string) =>
  `<p${className ? ` class="${escapeHtml(className)}"` : ""}>${escapeHtml(text)}</p>`;
