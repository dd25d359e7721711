// The snapshot's report: one self-contained HTML document (inline style, SVG charts, no script, no external asset).
import { escapeHtml } from "../../mail/html.ts";
import { asOfComputationWords } from "../as-of-computation-words.ts";
import type { Snapshot } from "../schemas.ts";
import { changeSection } from "./change-section.ts";
import { assistanceSection, correspondenceSection, pointOfContactSection, reportingSection } from "./chart-sections.ts";
import { computedLaterNotice, formatInstant } from "./format.ts";
import { keyFiguresSection } from "./key-figures.ts";
import { matrixSection } from "./matrix-section.ts";
import { responsesSection } from "./responses-section.ts";
import { reportStyles } from "./styles.ts";

// Nothing may load or run: a value that escaped its escaping still could not fetch or execute anything. The route
// may send the same policy as a header.
export const REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function header(snapshot: Snapshot): string {
  const computed = formatInstant(snapshot.computedAt);
  const asOfComputation = asOfComputationWords(snapshot.asOfComputation);
  const computedLater = computedLaterNotice(snapshot);
  const previous = snapshot.previousPeriod ? `Previous snapshot: ${snapshot.previousPeriod}.` : "The first snapshot.";
  return [
    "<header>",
    `<h1>${escapeHtml(`Quarterly snapshot ${snapshot.period}`)}</h1>`,
    `<p class="meta">${escapeHtml(
      `Security Council Committee established pursuant to resolution 1540 (2004). Quarter ${snapshot.periodStart} ` +
        `to ${snapshot.periodEnd} (New York time); figures as of ${snapshot.asOf}. Computed ${computed}. ${previous}`,
    )}</p>`,
    `<p class="notice">${escapeHtml(
      "Counts of what the Committee's records hold, not a compliance score: nothing here weighs or orders States.",
    )}${
      asOfComputation
        ? ` ${escapeHtml(
            `The ${asOfComputation} describe the records at ${computed}, when the snapshot was computed: ` +
              "no history of them is kept.",
          )}`
        : ""
    }${computedLater ? ` ${escapeHtml(computedLater)}` : ""}</p>`,
    "</header>",
  ].join("");
}

export function renderSnapshotReport(snapshot: Snapshot): string {
  const title = `1540 Committee: quarterly snapshot ${snapshot.period} (as of ${snapshot.asOf})`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${reportStyles}</style>`,
    "</head><body>",
    header(snapshot),
    "<main>",
    keyFiguresSection(snapshot),
    reportingSection(snapshot),
    pointOfContactSection(snapshot),
    assistanceSection(snapshot),
    correspondenceSection(snapshot),
    responsesSection(snapshot),
    matrixSection(snapshot),
    changeSection(snapshot),
    "</main></body></html>",
  ].join("\n");
}
