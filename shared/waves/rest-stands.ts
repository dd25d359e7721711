// Whether a halted wave's rest stands (audit 32, bug 2), and whether a wave has a rest at all (audit 33): one rest per
// wave, judged alike by the API, which refuses a second (rest-of.ts), and by the console, which names the rest chain
// (wave-rest-chain.ts). No imports: the console compiles it as it is.

/**
 * A rest stands unless it was cancelled (it wrote nothing) or is a draft whose send time has passed: scheduling refuses
 * that one, so it will never write, and another rest may be made. `now` and `sendInstant` are ISO instants in UTC.
 */
export const restStands = (wave: { status: string; sendInstant: string }, now: string): boolean =>
  wave.status !== "cancelled" && !(wave.status === "draft" && wave.sendInstant <= now);

/**
 * Whether a wave has a rest to write: a halted wave, or a completed rest of one (a letter of its chain that bounced
 * after the rests left its owner out: audit 33, bug 1). A completed wave that is no rest wrote to its whole audience.
 */
export const hasARest = (wave: { status: string; restOf?: string | undefined }): boolean =>
  wave.status === "halted" || (wave.status === "completed" && wave.restOf !== undefined);
