// What a wave's page reads of waves' ledgers, each read once for each version of the page's wave (its status and
// counts): its own ledger is listed under Letters and read back by its rest chain; a rest's skips name writers whose
// ledgers the chain reads too; a completed rest's unreached are said under Not reached and left out by the chain. Pure
// but for the reads it is given, so it is tested in Node.
import { readOnce } from "../../../../shared/waves/rest-of-letters.ts";
import type { components } from "../../api/schema";
import type { WaveMessage } from "./wave-facts.ts";

type Unreached = components["schemas"]["UnreachedOwner"];

export interface WaveReads {
  lettersOf(waveId: string): Promise<WaveMessage[]>;
  unreachedOf(waveId: string): Promise<Unreached[]>;
}

/** The reads, each wave's answer kept for whoever on the page asks again. */
export const readEachOnce = (reads: WaveReads): WaveReads => ({
  lettersOf: readOnce(reads.lettersOf),
  unreachedOf: readOnce(reads.unreachedOf),
});
