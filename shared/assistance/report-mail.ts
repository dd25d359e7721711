// The summary e-mail of a pending-assistance report: plain text and HTML, every value HTML-escaped in the HTML part.
import { escapeHtml } from "../mail/html.ts";
import { type AssistanceReport, providerKey, type ReportRow } from "./schemas.ts";

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

function followUpText(row: ReportRow): string {
  if (!row.followUp) return "not circulated yet";
  const { dueOn, status, followedUpOn } = row.followUp;
  if (status === "followed-up") return `followed up on ${followedUpOn} (due ${dueOn})`;
  if (status === "overdue") return `OVERDUE since ${dueOn}`;
  if (status === "due") return `due on ${dueOn}`;
  return `not before ${dueOn}`;
}

function matchesText(row: ReportRow): string {
  if (!row.matches.length) return "none";
  return row.matches.map((match) => `${match.status} (${providerKey(match.provider)})`).join(", ");
}

const stateOf = (row: ReportRow) => (row.stateName ? `${row.stateName} (${row.iso3})` : row.iso3);

function headline(report: AssistanceReport): string[] {
  const { totals } = report;
  const byStatus = Object.entries(totals.byStatus)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${status}`)
    .join(", ");
  return [
    `${plural(totals.pending, "pending request")}${byStatus ? `: ${byStatus}` : ""}.`,
    `Follow-up letters (one year after circulation): ${totals.followUpsOverdue} overdue, ${totals.followUpsDue} due within 4 months.`,
    `Circulated requests with no open match: ${totals.withoutMatch}.`,
  ];
}

/** Subject, text and HTML of the mail to the secretariat. */
export function reportSummaryMail(report: AssistanceReport): { subject: string; text: string; html: string } {
  const title = `Pending-assistance report ${report.id} (${periodLabel(report)})`;
  const subject = `${title}: ${plural(report.totals.pending, "pending request")}`;
  const link = `GET /assistance/reports/${report.id} (CSV: ?format=csv)`;

  const text = [
    `${title}, as of ${report.asOf}.`,
    "",
    ...headline(report),
    "",
    report.requests.length ? "Pending requests, oldest first:" : "No request is pending.",
    ...report.requests.map(
      (row) =>
        `- ${stateOf(row)}, ${row.symbol}${row.demo ? " [demo]" : ""}: ${row.status}, ${plural(row.ageDays, "day")} old; ` +
        `areas: ${row.areas.join(", ")}; follow-up: ${followUpText(row)}; matches: ${matchesText(row)}; ` +
        `last action: ${row.lastAction.action} on ${row.lastAction.on}`,
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
          row.status,
          row.ageDays,
          row.areas.join(", "),
          followUpText(row),
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
