// Whether a halted wave's rest stands (audit 32, bug 2): one rest per halted wave, judged alike by the API, which
// refuses a second (rest-of.ts), and by the console, which names the rest chain (wave-rest-chain.ts). No imports: the
// console compiles it as it is.

/**
 * A rest stands unless it was cancelled (it wrote nothing) or is a draft whose send time has passed: scheduling refuses
 * that one, so it will never write, and another rest may be made. `now` and `sendInstant` are ISO instants in UTC.
 */
export const restStands = (wave: { status: string; sendInstant: string }, now: string): boolean =>
  wave.status !== "cancelled" && !(wave.status === "draft" && wave.sendInstant <= now);
