// Response tracking: which States a letter reached in the quarter, and whether and how soon they answered it.

import { SUBMISSION_KIND_WORDS } from "../../reporting/kind-words.ts";
import type { Snapshot } from "../schemas.ts";
import { byName, formatFigure, stateNamer } from "./format.ts";
import { letterKindLabels } from "./labels.ts";
import { htmlParagraph, htmlSection, htmlTable } from "./markup.ts";

export function responsesSection(snapshot: Snapshot): string {
  const { responses } = snapshot;
  const name = stateNamer(snapshot);
  const asks = (kinds: readonly (keyof typeof SUBMISSION_KIND_WORDS)[]) =>
    kinds.map((kind) => SUBMISSION_KIND_WORDS[kind]).join(" or ") || "no submission";
  const summary =
    `${formatFigure(responses.letters)} letters reached a State in the quarter (one per State and letter). ` +
    `${formatFigure(responses.tracked)} asked for a submission; ${formatFigure(responses.responded)} were answered ` +
    `by it${responses.medianDays === null ? "" : `, after a median of ${formatFigure(responses.medianDays)} days`}; ` +
    `${formatFigure(responses.notResponded)} not yet. ${formatFigure(responses.notTracked)} asked for no submission.`;
  const byKind = responses.byLetterKind.length
    ? htmlTable(
        "By letter",
        [
          { label: "Letter" },
          { label: "Asks for" },
          { label: "Letters", numeric: true },
          { label: "Answered", numeric: true },
        ],
        responses.byLetterKind.map((row) => [
          letterKindLabels[row.letterKind],
          asks(row.asks),
          row.letters,
          row.responded,
        ]),
      )
    : "";
  const rows = responses.rows.length
    ? htmlTable(
        "By State",
        [
          { label: "State" },
          { label: "Letter" },
          { label: "Sent on" },
          { label: "Answered on" },
          { label: "With" },
          { label: "Days", numeric: true },
        ],
        [...responses.rows]
          .map((row) => ({ ...row, name: name(row.iso3) }))
          .sort((a, b) => byName(a.name, b.name) || a.letterKind.localeCompare(b.letterKind))
          .map((row) => [
            `${row.name} (${row.iso3})`,
            letterKindLabels[row.letterKind],
            row.sentOn,
            row.respondedOn ?? "not yet",
            row.submissionKind ? SUBMISSION_KIND_WORDS[row.submissionKind] : "–",
            row.days ?? null,
          ]),
      )
    : htmlParagraph("No letter asking for a submission reached a State in the quarter.");
  return htmlSection("responses", "Response tracking", htmlParagraph(summary) + byKind + rows);
}
