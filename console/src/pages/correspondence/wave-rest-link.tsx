// "Write to the rest" on a halted wave's page, for those who may compose: the composer opened as the rest of the wave
// (compose-rest-of.ts), a draft of the same letter to the same audience that leaves out whom the wave wrote to, where a
// plain new wave would write to them again (audit 31, bug 1). Nothing for a wave that is not halted.
import { href } from "../../routes.ts";
import type { Wave } from "./wave-facts.ts";

export function WaveRestLink({ wave }: { wave: Pick<Wave, "id" | "status"> }) {
  if (wave.status !== "halted") return null;
  return (
    <p data-field="wave-rest-link">
      <a href={href.waveRest(wave.id)}>Write to the rest</a>: a new draft of this letter to this audience that leaves
      out the States and organizations this wave wrote to.
    </p>
  );
}
