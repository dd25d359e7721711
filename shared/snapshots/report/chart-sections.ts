// The report's four charts, each in its section: reporting status, points of contact, pending assistance, letters.

import { ageBucketLabels, assistanceAgeBuckets } from "../../assistance/age-buckets.ts";
import { messageStatusSchema } from "../../correspondence/schemas.ts";
import { escapeHtml } from "../../mail/html.ts";
import { countedInGroupSentence } from "../counted-in-group.ts";
import type { Snapshot } from "../schemas.ts";
import { horizontalBarChart } from "./bar-chart.ts";
import { byName, formatFigure, formatShare, stateNamer, statesWithGroupNote } from "./format.ts";
import { letterKindLabels, messageStatusLabels } from "./labels.ts";
import { htmlFigure, htmlParagraph, htmlSection, htmlTable } from "./markup.ts";
import { palette } from "./palette.ts";
import { stackedBarChart } from "./stacked-bar-chart.ts";

export const chartTitles = {
  reporting: "Reporting status by regional group",
  pointOfContact: "Point-of-contact coverage by regional group",
  assistance: "Pending assistance by age",
  correspondence: "Correspondence outcomes: messages by status",
} as const;

/**
 * The edge cases of the groups' counts (the United States with WEOG, Kiribati with Asia-Pacific...): the States the
 * registry notes, each with one plain sentence on how it is counted; the note's research stays in the registry.
 */
function groupNotes(snapshot: Snapshot): string {
  const noted = statesWithGroupNote(snapshot);
  if (!noted.length) return "";
  const items = noted.map(
    ({ name, iso3, region }) =>
      `<dt>${escapeHtml(`${name} (${iso3})`)}</dt><dd>${escapeHtml(countedInGroupSentence(iso3, region))}</dd>`,
  );
  return `${htmlParagraph("How some States are counted in the regional groups:", "group-notes")}<dl class="group-notes">${items.join("")}</dl>`;
}

export function reportingSection(snapshot: Snapshot): string {
  const { reporting } = snapshot;
  const name = stateNamer(snapshot);
  const chart = stackedBarChart({
    id: "chart-reporting",
    title: chartTitles.reporting,
    description: `${formatFigure(reporting.reported)} of ${formatFigure(reporting.memberStates)} Member States had submitted a first national report by ${snapshot.asOf}.`,
    series: [
      { key: "reported", label: "Reported", swatch: palette.blue },
      { key: "nonReporting", label: "Non-reporting", swatch: palette.vermillion },
    ],
    rows: reporting.byRegion.map((row) => ({ label: row.regionName, values: row })),
  });
  const byGroup = reporting.byRegion
    .filter((row) => row.nonReportingStates.length)
    .map((row) => `${row.regionName}: ${row.nonReportingStates.map(name).sort(byName).join(", ")}`);
  return htmlSection(
    "reporting",
    chartTitles.reporting,
    htmlFigure(
      chart,
      "Member States by UN regional group; a State is non-reporting until its first national report is received.",
    ) +
      (byGroup.length ? htmlParagraph(`Non-reporting, by group: ${byGroup.join("; ")}.`) : "") +
      groupNotes(snapshot),
  );
}

export function pointOfContactSection(snapshot: Snapshot): string {
  const { pointOfContact } = snapshot;
  const chart = stackedBarChart({
    id: "chart-point-of-contact",
    title: chartTitles.pointOfContact,
    description: `Overall: ${formatFigure(pointOfContact.current)} current, ${formatFigure(pointOfContact.stale)} stale, ${formatFigure(pointOfContact.unreachable)} unreachable, ${formatFigure(pointOfContact.missing)} missing.`,
    series: [
      { key: "current", label: "Current", swatch: palette.bluishGreen },
      { key: "stale", label: "Stale", swatch: palette.orange },
      { key: "unreachable", label: "Unreachable", swatch: palette.vermillion },
      { key: "missing", label: "Missing", swatch: palette.grey },
    ],
    rows: pointOfContact.byRegion.map((row) => ({ label: row.regionName, values: row })),
  });
  return htmlSection(
    "point-of-contact",
    chartTitles.pointOfContact,
    htmlFigure(
      chart,
      `Each State's capital and mission points of contact, judged on ${pointOfContact.evaluatedOn}: current (reachable and verified since ${pointOfContact.staleBefore}), stale (not verified for 12 months), unreachable (every address bounced, complained or suppressed), missing (none designated).`,
    ),
  );
}

export function assistanceSection(snapshot: Snapshot): string {
  const { assistance } = snapshot;
  const chart = horizontalBarChart({
    id: "chart-assistance",
    title: chartTitles.assistance,
    description: `${formatFigure(assistance.pending)} assistance requests were pending at the end of the quarter, by age.`,
    bars: assistanceAgeBuckets.map((bucket) => ({ label: ageBucketLabels[bucket], value: assistance.byAge[bucket] })),
    swatch: palette.blue,
  });
  return htmlSection(
    "assistance",
    chartTitles.assistance,
    htmlFigure(
      chart,
      "Requests not fulfilled, withdrawn or closed at the end of the quarter, by time since received.",
    ) +
      htmlParagraph(
        `${formatFigure(assistance.pending)} pending, of which ${formatFigure(assistance.matched)} matched or in progress (${formatShare(assistance.matchedShare)}); ${formatFigure(assistance.received)} received in the quarter. ${formatFigure(assistance.providers)} providers have an offer; ${formatFigure(assistance.staleProviders)} have not updated any offer within 12 months.`,
      ),
  );
}

export function correspondenceSection(snapshot: Snapshot): string {
  const { correspondence } = snapshot;
  const bounce = `${formatFigure(correspondence.bounced)} of ${formatFigure(correspondence.attempted)} letters handed to SES bounced (${formatShare(correspondence.bounceRate)})`;
  const chart = horizontalBarChart({
    id: "chart-correspondence",
    title: chartTitles.correspondence,
    description: `${formatFigure(correspondence.messages)} letters in ${formatFigure(correspondence.waves)} waves. ${bounce}.`,
    bars: messageStatusSchema.options.map((status) => ({
      label: messageStatusLabels[status],
      value: correspondence.byStatus[status],
      ...(status === "bounced"
        ? { display: `${formatFigure(correspondence.byStatus[status])} (${formatShare(correspondence.bounceRate)})` }
        : {}),
    })),
    swatch: palette.skyBlue,
  });
  return htmlSection(
    "correspondence",
    chartTitles.correspondence,
    htmlFigure(
      chart,
      `Letters of the waves sent in the quarter, by their status in the send ledger. Bounce rate: ${bounce}.`,
    ) +
      (correspondence.waveList.length
        ? htmlTable(
            "Waves sent in the quarter",
            [
              { label: "Send time (UTC)" },
              { label: "Letter" },
              { label: "Audience" },
              { label: "Status" },
              { label: "Letters", numeric: true },
              { label: "Bounced", numeric: true },
            ],
            correspondence.waveList.map((wave) => [
              wave.sendInstant.slice(0, 16).replace("T", " "),
              wave.letterKind ? letterKindLabels[wave.letterKind] : "(template removed)",
              wave.audience,
              wave.status,
              wave.messages,
              wave.byStatus.bounced,
            ]),
          )
        : htmlParagraph("No wave was sent in the quarter.")),
  );
}
