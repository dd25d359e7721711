// How far apart two sendings of the same letter to the same audience count as one sending twice (ADR 0053, ADR 0054).
// On its own, with no imports, so that the console reads the same number.

/** How far before a wave's send time a completed wave of the same letter is still named (and, near only, after). */
export const SAME_LETTER_LOOKBACK_DAYS = 30;
