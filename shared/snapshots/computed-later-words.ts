// What a change between two quarters computed out of order means (ADR 0011): the earlier quarter's snapshot was
// computed after the later one's (taken later, on demand), so what was recorded in between counts in the earlier
// quarter only. One sentence for the report, the exports' note and the console's diff page. No import at all: the
// console compiles it too.

/** A snapshot as the sentence reads it. */
export interface Computed {
  period: string;
  computedAt: string;
}

/** To the second, where two computations a minute apart must be told apart. */
export const secondOf = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * "2026-Q2 was computed 2026-12-06 14:38:39 UTC, after 2026-Q3 (…): …". `onLaterPage`: the sentence stands on the
 * later quarter's own report, which it names "this one" and "here".
 */
export function computedLaterWords(earlier: Computed, later: Computed, onLaterPage = false): string {
  const subject = onLaterPage ? `The previous snapshot, ${earlier.period},` : earlier.period;
  return (
    `${subject} was computed ${secondOf(earlier.computedAt)}, after ${onLaterPage ? "this one" : later.period} ` +
    `(${secondOf(later.computedAt)}): what was recorded between the two computations counts in ${earlier.period} ` +
    `but not ${onLaterPage ? "here" : `in ${later.period}`}, so the changes mix two moments of computation. No State ` +
    "goes back to non-reporting: one that appears to do so had its first report recorded in between."
  );
}
