// A diff between two quarters in words: which figures changed (the rule behind "Only the figures that changed"), a
// figure's sides and change, and the lists' members by name. Pure (types only from the generated schema), tested in
// Node.
import type { components } from "../api/schema";
import { type OwnerNames, withProviderNames } from "./provider-names.ts";

type FigureChange = components["schemas"]["SnapshotDiff"]["figures"][number];

/**
 * A figure with both sides changed when its change is not 0. A blank side (a share of no letters, a median of no
 * days, a figure the other quarter has not) has no change: the figure changed when the other side is not blank too.
 */
export const figureChanged = ({ from, to, change }: Pick<FigureChange, "from" | "to" | "change">): boolean =>
  change === null ? from !== to : change !== 0;

/** A share (a fraction from 0 to 1) as a percentage, to a tenth: 0.6667 reads 66.7%. */
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** A side of a figure in words: a share as a percentage, a count as it is, a blank side as a dash. */
export function figureValueWords(value: number | null, unit: FigureChange["unit"]): string {
  if (value === null) return "–";
  return unit === "share" ? percent(value) : String(value);
}

/** A figure's change, signed: a share's in percentage points (+3.3 points), a count's as it is. */
export function figureChangeWords(change: number | null, unit: FigureChange["unit"]): string {
  if (change === null) return "–";
  const sign = change > 0 ? "+" : "";
  return unit === "share" ? `${sign}${(change * 100).toFixed(1)} points` : `${sign}${change}`;
}

/** A list's members (ISO codes, or providers' `state:DEU` / `organization:iaea` keys) by name, in name order. */
export function listMembersWords(members: readonly string[], names: OwnerNames): string {
  return members
    .map((member) =>
      /^[A-Z]{3}$/.test(member) ? (names.get(`STATE:${member}`) ?? member) : withProviderNames(member, names),
    )
    .sort((a, b) => a.localeCompare(b, "en"))
    .join(", ");
}
