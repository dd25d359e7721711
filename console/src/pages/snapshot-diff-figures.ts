// Which figures of a diff between two quarters changed: the rule behind "Only the figures that changed".
// Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";

type FigureChange = components["schemas"]["SnapshotDiff"]["figures"][number];

/**
 * A figure with both sides changed when its change is not 0. A blank side (a share of no letters, a median of no
 * days, a figure the other quarter has not) has no change: the figure changed when the other side is not blank too.
 */
export const figureChanged = ({ from, to, change }: Pick<FigureChange, "from" | "to" | "change">): boolean =>
  change === null ? from !== to : change !== 0;
