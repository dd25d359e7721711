// The change since the previous snapshot: the overall figures side by side, and who entered or left each list.
import { escapeHtml } from "../../mail/html.ts";
import { figureLabels, listLabels } from "../figure-declarations.ts";
import type { Snapshot } from "../schemas.ts";
import { byName, computedLaterNotice, formatChange, stateNamer } from "./format.ts";
import { htmlParagraph, htmlSection, htmlTable } from "./markup.ts";

const STATE_PROVIDER = /^state:([A-Z]{3})$/;

export function changeSection(snapshot: Snapshot): string {
  const { change } = snapshot;
  if (!change) {
    return htmlSection(
      "change",
      "Change since the previous snapshot",
      htmlParagraph("This is the first snapshot: there is no earlier one to compare with."),
    );
  }
  const name = stateNamer(snapshot);
  const member = (code: string) => {
    const provider = STATE_PROVIDER.exec(code)?.[1];
    return provider ? name(provider) : name(code);
  };
  const overall = new Map(change.figures.filter((row) => row.group === "all").map((row) => [row.figure, row] as const));
  const figureRows = Object.entries(figureLabels).flatMap(([figure, label]) => {
    const row = overall.get(figure);
    return row ? [[label, row.from, row.to, row.change === null ? "–" : formatChange(row.change)]] : [];
  });
  const listRows = change.lists
    .filter((list) => list.group === "all" && listLabels[list.list] && (list.added.length || list.removed.length))
    .map((list) => [
      listLabels[list.list] ?? list.list,
      list.added.map(member).sort(byName).join(", ") || "–",
      list.removed.map(member).sort(byName).join(", ") || "–",
    ]);
  const computedLater = computedLaterNotice(snapshot);
  return htmlSection(
    "change",
    `Change since ${change.from}`,
    (computedLater ? htmlParagraph(computedLater, "notice") : "") +
      htmlTable(
        `Overall figures, ${change.from} and ${change.to}`,
        [
          { label: "Figure" },
          { label: change.from, numeric: true },
          { label: change.to, numeric: true },
          { label: "Change", numeric: true },
        ],
        figureRows,
      ) +
      (listRows.length
        ? htmlTable(
            `Who entered or left each list since ${change.from}`,
            [{ label: "List" }, { label: "Entered" }, { label: "Left" }],
            listRows,
          )
        : `<p>${escapeHtml(`No State entered or left any list since ${change.from}.`)}</p>`),
  );
}
