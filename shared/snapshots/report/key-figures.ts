// The report's first section: the quarter's headline counts, each with its change, and the non-reporting States.
import { escapeHtml } from "../../mail/html.ts";
import type { Snapshot } from "../schemas.ts";
import { byName, changeSince, formatFigure, formatShare, stateNamer } from "./format.ts";
import { htmlSection } from "./markup.ts";

interface KeyFigure {
  term: string;
  value: string;
  detail?: string;
  change?: string;
}

const item = ({ term, value, detail, change }: KeyFigure) =>
  [
    `<div><dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}`,
    detail ? `<span class="detail">${escapeHtml(detail)}</span>` : "",
    change ? `<span class="change">${escapeHtml(change)}</span>` : "",
    "</dd></div>",
  ].join("");

function nonReportingList(snapshot: Snapshot): string {
  const { nonReportingStates } = snapshot.reporting;
  if (!nonReportingStates.length) return "<p>Every Member State has submitted a first national report.</p>";
  const name = stateNamer(snapshot);
  const items = nonReportingStates
    .map((iso3) => ({ iso3, name: name(iso3) }))
    .sort((a, b) => byName(a.name, b.name))
    .map((state) => `<li>${escapeHtml(`${state.name} (${state.iso3})`)}</li>`)
    .join("");
  return [
    `<h3 id="non-reporting-heading">The ${formatFigure(nonReportingStates.length)} non-reporting States</h3>`,
    `<ul class="states" id="non-reporting-states" aria-labelledby="non-reporting-heading">${items}</ul>`,
  ].join("");
}

export function keyFiguresSection(snapshot: Snapshot): string {
  const { reporting, additionalInformation, actionPlans, pointOfContact, assistance, correspondence, responses } =
    snapshot;
  const pocStates = pointOfContact.current + pointOfContact.stale + pointOfContact.unreachable + pointOfContact.missing;
  const figures: KeyFigure[] = [
    {
      term: "Member States that have submitted a first national report",
      value: `${formatFigure(reporting.reported)} of ${formatFigure(reporting.memberStates)}`,
      change: changeSince(snapshot, "reporting.reported"),
    },
    {
      term: "Non-reporting States",
      value: formatFigure(reporting.nonReporting),
      change: changeSince(snapshot, "reporting.nonReporting"),
    },
    {
      term: "States that have given additional information",
      value: formatFigure(additionalInformation.states),
      detail: `${formatFigure(additionalInformation.documents)} documents`,
      change: changeSince(snapshot, "additionalInformation.states"),
    },
    {
      term: "Voluntary national implementation action plans",
      value: formatFigure(actionPlans.plans),
      detail: `from ${formatFigure(actionPlans.states)} States`,
      change: changeSince(snapshot, "actionPlans.plans"),
    },
    {
      term: "States with a current point of contact",
      value: `${formatFigure(pointOfContact.current)} of ${formatFigure(pocStates)}`,
      detail: `${formatFigure(pointOfContact.stale)} stale, ${formatFigure(pointOfContact.unreachable)} unreachable, ${formatFigure(pointOfContact.missing)} missing`,
      change: changeSince(snapshot, "pointOfContact.current"),
    },
    {
      term: "Pending assistance requests",
      value: formatFigure(assistance.pending),
      detail: `${formatShare(assistance.matchedShare)} matched`,
      change: changeSince(snapshot, "assistance.pending"),
    },
    {
      term: "Letters sent in the quarter",
      value: formatFigure(correspondence.messages),
      detail: `in ${formatFigure(correspondence.waves)} waves; bounce rate ${formatShare(correspondence.bounceRate)}`,
      change: changeSince(snapshot, "correspondence.messages"),
    },
    {
      term: "Letters answered by the submission they asked for",
      value: `${formatFigure(responses.responded)} of ${formatFigure(responses.tracked)}`,
      ...(responses.medianDays === null
        ? {}
        : { detail: `after a median of ${formatFigure(responses.medianDays)} days` }),
      change: changeSince(snapshot, "responses.responded"),
    },
  ];
  return htmlSection(
    "key-figures",
    "Key figures",
    `<dl class="figures">${figures.map(item).join("")}</dl>${nonReportingList(snapshot)}`,
    { first: true },
  );
}
