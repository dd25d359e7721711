// How the report writes numbers, shares, changes and States: one way everywhere.
import { lazy } from "../../lazy.ts";
import { utcMinute } from "../../zoned-time.ts";
import { computedLaterWords } from "../computed-later-words.ts";
import { computedOutOfOrder } from "../diff.ts";
import type { Snapshot } from "../schemas.ts";

// Built on first use: a process's first Intl.NumberFormat costs about 6 ms, and only the report writes numbers.
const numberFormat = lazy(() => new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 }));

/** A figure as the report writes it: grouped digits, at most one decimal, a dash for anything not finite. */
export const formatFigure = (value: number) => (Number.isFinite(value) ? numberFormat().format(value) : "–");

/** A share (0 to 1) as a percentage; a dash where it is undefined (0 of 0). */
export const formatShare = (share: number | null) =>
  share === null || !Number.isFinite(share) ? "–" : `${numberFormat().format(share * 100)}%`;

/** A change with its sign: +3, −2 (a true minus sign), 0. */
export const formatChange = (change: number) =>
  change > 0 ? `+${formatFigure(change)}` : change < 0 ? `−${formatFigure(-change)}` : "0";

/** Names in the order a reader looks them up. */
export const byName = (a: string, b: string) => a.localeCompare(b, "en");

/** A State's name from its code, the code itself where the snapshot does not name it. */
export function stateNamer(snapshot: Snapshot): (iso3: string) => string {
  const names = new Map(snapshot.states.map((state) => [state.iso3, state.name]));
  return (iso3) => names.get(iso3) ?? iso3;
}

/** The States counted in a regional group with a note on it (the edge cases the registry records), by name. */
export const statesWithGroupNote = (snapshot: Pick<Snapshot, "states">) =>
  snapshot.states
    .flatMap(({ groupNote, ...state }) => (groupNote ? [{ ...state, groupNote }] : []))
    .sort((a, b) => byName(a.name, b.name));

/** The change of an overall figure since the previous snapshot, in words; empty for the first snapshot. */
export function changeSince(snapshot: Snapshot, figure: string, group = "all"): string {
  const row = snapshot.change?.figures.find((change) => change.figure === figure && change.group === group);
  if (!snapshot.change || !row || row.change === null) return "";
  return row.change === 0
    ? `no change since ${snapshot.change.from}`
    : `${formatChange(row.change)} since ${snapshot.change.from}`;
}

/** An instant as the report writes it: its day and minute, in UTC. */
export const formatInstant = utcMinute;

/**
 * Where the previous quarter's snapshot was computed after this one (taken later, on demand), what that does to the
 * changes, in words; empty otherwise. DESIGN: a State is reported for ever after its first report.
 */
export function computedLaterNotice(snapshot: Snapshot): string {
  const { change } = snapshot;
  if (!computedOutOfOrder(change)) return "";
  return computedLaterWords(
    { period: change.from, computedAt: change.fromComputedAt },
    { period: snapshot.period, computedAt: change.toComputedAt ?? snapshot.computedAt },
    true,
  );
}
