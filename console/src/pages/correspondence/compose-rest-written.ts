// The composer opened as the rest of a halted wave whose rest already stands (audit 33, item 7): it says so and links
// that rest in place of a form the API would refuse once filled in. Judged as the wave's page names the rest chain
// (restChainOf, shared/waves/rest-stands.ts). Pure, tested in Node.
import type { components } from "../../api/schema";
import { restChainOf, waveInWords } from "./wave-rest-chain.ts";

type Wave = components["schemas"]["Wave"];

export interface RestWritten {
  /** The halted wave, in words. */
  halted: string;
  /** Its rest that stands: opened from the composer's place. */
  rest: Wave;
}

/** The rest of `haltedId` that stands among `waves` at `now`, with the halted wave named; none while none stands. */
export function restAlreadyWritten(haltedId: string, waves: readonly Wave[], now: Date): RestWritten | undefined {
  const rest = restChainOf({ id: haltedId }, waves, now)[0];
  if (!rest) return undefined;
  const halted = waves.find((wave) => wave.id === haltedId);
  return { halted: halted ? waveInWords(halted) : "this wave", rest };
}

/** The sentence around the rest's link: "The rest of “H1” is already written: " [“R2B”] " (scheduled). Open it…". */
export function restWrittenWords({ halted, rest }: RestWritten): { before: string; after: string } {
  return {
    before: `The rest of ${halted} is already written: `,
    after:
      ` (${rest.status}). Open it: a wave has one rest, and a second would write to the same States and ` +
      "organizations again.",
  };
}
