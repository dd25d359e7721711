// The summary e-mail of a pending-assistance report (plain text and HTML, every value HTML-escaped in the HTML part),
// and the report's words, which the CSV says too: statuses, areas, providers, follow-ups (follow-up-words.ts) and ages
// as a person reads them, never the API's codes (audit 36).

import { ownerInText } from "../contacts/owner-in-text.ts";
import { assistanceAreaNamesOf } from "../locale/names.ts";
import { escapeHtml } from "../mail/html.ts";
import { ageCountsInWords } from "./age-buckets.ts";
import { followUpInWords } from "./follow-up-words.ts";
import { offerOf } from "./match-words.ts";
import type { AssistanceArea, AssistanceReport, ReportRow } from "./schemas.ts";
import { MATCH_STATUS_WORDS, REQUEST_STATUS_WORDS } from "./status-words.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const monthOf = (day: string) => MONTHS[Number(day.slice(5, 7)) - 1] ?? day;
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

function periodLabel(report: AssistanceReport): string {
  return `${monthOf(report.periodFrom)} to ${monthOf(report.periodTo)} ${report.year}`;
}

/** A match's event as the report's last action: "match with Germany accepted". */
export const matchActionWords = (providerWords: string, status: string): string =>
  `match with ${providerWords} ${status}`;

/** The areas by their English names, as the offers' letters name them: "legislation, national reporting". */
export const areasInWords = (areas: readonly AssistanceArea[], separator = ", "): string =>
  areas.map((area) => assistanceAreaNamesOf(area).en).join(separator);

/** Each match by whose offer it is and its status: "Germany's offer accepted". */
export const matchesInWords = (row: ReportRow): string[] =>
  row.matches.map(
    (match) => `${offerOf(ownerInText(match.provider, match.providerName))} ${MATCH_STATUS_WORDS[match.status]}`,
  );

const matchesText = (row: ReportRow): string => matchesInWords(row).join(", ") || "none";

const stateOf = (row: ReportRow) => (row.stateName ? `${row.stateName} (${row.iso3})` : row.iso3);

function headline(report: AssistanceReport): string[] {
  const { totals } = report;
  const byStatus = Object.entries(REQUEST_STATUS_WORDS)
    .filter(([status]) => (totals.byStatus[status] ?? 0) > 0)
    .map(([status, words]) => `${totals.byStatus[status]} ${words}`)
    .join(", ");
  const byAge = ageCountsInWords(totals.byAge);
  return [
    `${plural(totals.pending, "pending request")}${byStatus ? `: ${byStatus}` : ""}.`,
    ...(byAge ? [`By age since receipt: ${byAge}.`] : []),
    `Follow-up letters (one year after circulation): ${totals.followUpsOverdue} overdue, ${totals.followUpsDue} due within 4 months.`,
    `Circulated requests with no open match: ${totals.withoutMatch}.`,
    ...(totals.needingAttention === undefined ? [] : [`Requests needing attention: ${totals.needingAttention}.`]),
  ];
}

const needingAttention = (report: AssistanceReport) => report.requests.filter((row) => row.attention?.length);

/** "Mali (MLI), S/AC.44/2025/33: received over a year ago and never acknowledged". */
const attentionLine = (row: ReportRow) => `${stateOf(row)}, ${row.symbol}: ${(row.attention ?? []).join("; ")}`;

/** Subject, text and HTML of the mail to the secretariat. */
export function reportSummaryMail(report: AssistanceReport): { subject: string; text: string; html: string } {
  const title = `Pending-assistance report ${report.id} (${periodLabel(report)})`;
  const subject = `${title}: ${plural(report.totals.pending, "pending request")}`;
  const link = `GET /assistance/reports/${report.id} (CSV: ?format=csv)`;
  const flagged = needingAttention(report);

  const text = [
    `${title}, as of ${report.asOf}.`,
    "",
    ...headline(report),
    ...(flagged.length ? ["", "Needing attention:", ...flagged.map((row) => `- ${attentionLine(row)}`)] : []),
    "",
    report.requests.length ? "Pending requests, oldest first:" : "No request is pending.",
    ...report.requests.map(
      (row) =>
        `- ${stateOf(row)}, ${row.symbol}${row.demo ? " [demo]" : ""}: ${REQUEST_STATUS_WORDS[row.status]}, ` +
        `${plural(row.ageDays, "day")} old; areas: ${areasInWords(row.areas)}; ` +
        `follow-up: ${followUpInWords(row.followUp)}; ` +
        `matches: ${matchesText(row)}; last action: ${row.lastAction.action} on ${row.lastAction.on}`,
    ),
    "",
    `The full report: ${link}.`,
  ].join("\n");

  const cell = (value: unknown) => `<td>${escapeHtml(value)}</td>`;
  const rows = report.requests
    .map(
      (row) =>
        `<tr>${[
          `${stateOf(row)}${row.demo ? " [demo]" : ""}`,
          row.symbol,
          REQUEST_STATUS_WORDS[row.status],
          row.ageDays,
          areasInWords(row.areas),
          followUpInWords(row.followUp),
          matchesText(row),
          `${row.lastAction.action} on ${row.lastAction.on}`,
        ]
          .map(cell)
          .join("")}</tr>`,
    )
    .join("\n");
  const headers = ["State", "Symbol", "Status", "Age (days)", "Areas", "Follow-up", "Matches", "Last action"];
  const html = [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>As of ${escapeHtml(report.asOf)}.</p>`,
    `<ul>${headline(report)
      .map((line) => `<li>${escapeHtml(line)}</li>`)
      .join("")}</ul>`,
    ...(flagged.length
      ? [
          "<h2>Needing attention</h2>",
          `<ul>${flagged.map((row) => `<li>${escapeHtml(attentionLine(row))}</li>`).join("")}</ul>`,
        ]
      : []),
    report.requests.length
      ? `<table border="1" cellpadding="4" cellspacing="0"><thead><tr>${headers
          .map((name) => `<th>${escapeHtml(name)}</th>`)
          .join("")}</tr></thead><tbody>\n${rows}\n</tbody></table>`
      : "<p>No request is pending.</p>",
    `<p>The full report: <code>${escapeHtml(link)}</code>.</p>`,
    "</body></html>",
  ].join("\n");

  return { subject, text, html };
}
