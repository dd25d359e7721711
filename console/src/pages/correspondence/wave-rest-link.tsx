// A halted wave's rest on its page: once written, the rest and the rests after it, each linked with its status (audit
// 32, bug 2: the page kept offering a second rest); before, for those who may compose, "Write to the rest": the
// composer opened as the rest of the wave (compose-rest-of.ts), a draft of the same letter to the same audience that
// leaves out whom the wave wrote to, where a plain new wave would write to them again (audit 31, bug 1). Nothing for a
// wave that is not halted.
import { href } from "../../routes.ts";
import type { Wave } from "./wave-facts.ts";
import { waveInWords } from "./wave-rest-chain.ts";

export function WaveRest(props: { wave: Pick<Wave, "id" | "status">; chain: readonly Wave[]; mayCompose: boolean }) {
  const { wave, chain, mayCompose } = props;
  if (wave.status !== "halted") return null;
  if (chain.length > 0) {
    return (
      <p data-field="wave-rest">
        Its rest:{" "}
        {chain.map((rest, index) => (
          <span key={rest.id}>
            {index > 0 && " → "}
            <a href={href.wave(rest.id)}>{waveInWords(rest)}</a> ({rest.status})
          </span>
        ))}
      </p>
    );
  }
  if (!mayCompose) return null;
  return (
    <p data-field="wave-rest-link">
      <a href={href.waveRest(wave.id)}>Write to the rest</a>: a new draft of this letter to this audience that leaves
      out the States and organizations this wave wrote to.
    </p>
  );
}
