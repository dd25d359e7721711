// A skip that names another wave, on the wave page (skip-other-wave.ts): the wave linked by its name, and the waves the
// skips name (a follow-up's holder, a rest's writer), read once per page, so a State whose holder halted, or whose
// writer's letter bounced after the rest left it out, is said owed again.

import { href } from "../../routes.ts";
import { useLoad } from "../../ui/load.tsx";
import { waveWithEtag } from "./data.ts";
import { type HolderFacts, holderFactsOf, type SkipSentence } from "./skip-other-wave.ts";
import type { WaveReads } from "./wave-page-reads.ts";

export function SkipNamingWave({ sentence }: { sentence: SkipSentence }) {
  const { before, wave, name, after } = sentence;
  return (
    <>
      {before}
      {wave ? <a href={href.wave(wave.waveId)}>{name}</a> : name}
      {after}
    </>
  );
}

async function holderFacts(waveId: string, reads: WaveReads): Promise<readonly [string, HolderFacts]> {
  const [wave, letters] = await Promise.all([waveWithEtag(waveId), reads.lettersOf(waveId)]);
  return [waveId, holderFactsOf(wave.value.status, letters)];
}

/**
 * The facts of each holding wave named, read once for the set of them, their ledgers with the page's other reads
 * (`reads`: a rest's writers are its chain's waves); none while read, or if they cannot be.
 */
export function useHolders(waveIds: readonly string[], reads: WaveReads): ReadonlyMap<string, HolderFacts> {
  const ids = [...new Set(waveIds)].sort();
  const [holders] = useLoad(
    async () => new Map(await Promise.all(ids.map((id) => holderFacts(id, reads)))),
    ids.join(","),
  );
  return holders.status === "ready" ? holders.data : new Map();
}
