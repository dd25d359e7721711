// A halted wave's rest on its page: once written, the rest and the rests after it, each linked with its status (audit
// 32, bug 2: the page kept offering a second rest); before, for those who may compose, "Write to the rest": the
// composer opened as the rest of the wave (compose-rest-of.ts), a draft of the same letter to the same audience that
// leaves out whom the wave wrote to, where a plain new wave would write to them again (audit 31, bug 1). Once the
// chain's last wave completed, the owners no wave of it wrote to after all (a letter that bounced or failed after the
// rests left its owner out, or in the last rest itself), by name, with the rest of that completed rest to write to
// them: on the halted wave's page and on the completed rest's own (audit 33, bug 1). Nothing for a wave in no chain.
import { hasARest } from "../../../../shared/waves/rest-stands.ts";
import { href } from "../../routes.ts";
import { useLoad } from "../../ui/load.tsx";
import { listWaves } from "./data.ts";
import { inNameOrder, ownerCode, type Wave } from "./wave-facts.ts";
import { type ChainLetters, notWrittenAfterAllWords, readChainLetters, writeToThemWords } from "./wave-late-bounce.ts";
import type { WaveReads } from "./wave-page-reads.ts";
import { restChainOf, waveInWords } from "./wave-rest-chain.ts";

/**
 * A wave's rest chain: the rests after it (in order), the chain's last wave, and what the whole chain wrote (undefined
 * when a ledger of it could not be read: the rests are named all the same).
 */
export interface RestChain {
  chain: readonly Wave[];
  last: Wave;
  letters: ChainLetters | undefined;
}

/**
 * The rest chain of a halted wave or a completed rest, read from the waves list (no narrower read names the rests of a
 * wave) and the chain's ledgers, with the page's other reads (`reads`: the page's own ledger and unreached among
 * them); undefined for another wave, and while it is read.
 */
export function useRestChain(wave: Wave, reads: WaveReads): RestChain | undefined {
  const [read] = useLoad(async () => {
    if (!hasARest(wave)) return undefined;
    const waves = await listWaves();
    const chain = restChainOf(wave, waves, new Date());
    const last = chain.at(-1) ?? wave;
    // Those the last wave found no usable address for are named under its Not reached, not here (audit 33, review).
    const unreachedOwners = async (id: string) => (await reads.unreachedOf(id)).map(({ owner }) => owner);
    const letters = await readChainLetters(last, waves, reads.lettersOf, unreachedOwners).catch(() => undefined);
    return { chain, last, letters };
  }, `${wave.id}:${wave.status}`);
  return read.status === "ready" ? read.data : undefined;
}

/** The owners the chain did not write to after all, by name, and who writes to them (audit 33, bug 1). */
function NotWrittenAfterAll(props: { rests: RestChain; names: ReadonlyMap<string, string>; mayCompose: boolean }) {
  const { last, letters } = props.rests;
  if (!letters || letters.notWrittenAfterAll.length === 0) return null;
  const named = inNameOrder(
    letters.notWrittenAfterAll.map((owner) => props.names.get(owner) ?? ownerCode(owner)),
    (name) => name,
  );
  return (
    <>
      <p data-field="not-written-after-all">{notWrittenAfterAllWords(named, letters.fates)}</p>
      <p data-field="write-to-them">
        {props.mayCompose ? (
          <>
            <a href={href.waveRest(last.id)}>Write to them</a>
            {writeToThemWords(last, true)}
          </>
        ) : (
          writeToThemWords(last, false)
        )}
      </p>
    </>
  );
}

export function WaveRest(props: {
  wave: Pick<Wave, "id" | "status" | "restOf">;
  rests: RestChain;
  names: ReadonlyMap<string, string>;
  mayCompose: boolean;
}) {
  const { wave, rests, mayCompose } = props;
  if (!hasARest(wave)) return null;
  const lateOwners = <NotWrittenAfterAll rests={rests} names={props.names} mayCompose={mayCompose} />;
  if (rests.chain.length > 0) {
    return (
      <>
        <p data-field="wave-rest">
          Its rest:{" "}
          {rests.chain.map((rest, index) => (
            <span key={rest.id}>
              {index > 0 && " → "}
              <a href={href.wave(rest.id)}>{waveInWords(rest)}</a> ({rest.status})
            </span>
          ))}
        </p>
        {lateOwners}
      </>
    );
  }
  if (wave.status !== "halted") return lateOwners;
  if (!mayCompose) return null;
  return (
    <p data-field="wave-rest-link">
      <a href={href.waveRest(wave.id)}>Write to the rest</a>: a new draft of this letter to this audience that leaves
      out the States and organizations this wave wrote to.
    </p>
  );
}
