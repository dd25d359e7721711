// The composer opened as the rest of a halted wave (#/waves/new?restOf=<id>): the halted wave's template, audience and
// letter values, fixed or given, and the sentence that says whom the rest leaves out, counted as dispatch will leave
// them out (shared/waves/rest-of-letters.ts): through a rest of a rest, each wave before it, named (audit 33, item
// 11). A completed rest has a rest too, for letters that bounced after the rests left their owners out (audit 33, bug
// 1). Pure but for the reads it is given, so it is tested in Node.
import { readOnce, writtenBefore } from "../../../../shared/waves/rest-of-letters.ts";
import { hasARest } from "../../../../shared/waves/rest-stands.ts";
import { andList } from "../../ui/word-list.ts";
import { type Wave, type WaveMessage, waveHeading } from "./wave-facts.ts";

export interface RestOf {
  waveId: string;
  /** The halted wave as its page heads it: its description, else its audience and day. */
  title: string;
  templateId: Wave["templateId"];
  audience: Wave["audience"];
  deadline: Wave["deadline"];
  chair: Wave["chair"];
  values: Wave["values"];
  /** The States and organizations it wrote to, or may have, or the halted waves it was the rest of: all left out. */
  ownersWritten: number;
  /** The waves before it this one was the rest of (a rest of a rest), as headed, first first: they wrote to some. */
  earlierTitles: readonly string[];
  /** Why the API will refuse it: the wave is neither halted nor a completed rest (nothing links it to the composer). */
  notHalted?: string;
}

type Letters = readonly Pick<WaveMessage, "owner" | "status" | "resentAt">[];

/**
 * The rest of the halted wave `waveId`, read with `read` (a wave and its letters, each wave read once): whom it and the
 * halted waves it was itself the rest of wrote to, followed as dispatch follows them (`writtenBefore`).
 */
export async function readRestOfChain(
  waveId: string,
  read: (id: string) => Promise<{ wave: Wave; letters: Letters }>,
): Promise<RestOf> {
  const once = readOnce(read);
  const written = await writtenBefore(
    {
      waves: { get: async (id) => ({ value: (await once(id)).wave }) },
      ledger: { messagesOf: async (id) => (await once(id)).letters },
    },
    waveId,
  );
  const earlier = await Promise.all(
    written.waveIds.slice(1).map(async (id) => waveHeading((await once(id)).wave).title),
  );
  return restOfWave((await once(waveId)).wave, written.owners.size, earlier.reverse());
}

/** The rest of `wave`, which wrote to `ownersWritten` States and organizations (with the waves `earlierTitles`). */
export function restOfWave(wave: Wave, ownersWritten: number, earlierTitles: readonly string[] = []): RestOf {
  const { title } = waveHeading(wave);
  return {
    waveId: wave.id,
    title,
    templateId: wave.templateId,
    audience: wave.audience,
    deadline: wave.deadline,
    chair: wave.chair,
    values: wave.values,
    ownersWritten,
    earlierTitles,
    ...(hasARest(wave)
      ? {}
      : {
          notHalted:
            `“${title}” is ${wave.status} and no rest of a halted wave: only a halted wave, or a completed rest of ` +
            "one, has a rest to write to.",
        }),
  };
}

/**
 * "The rest of “…”: the 60 States and organizations it wrote to are left out."; through a rest of a rest, "…that “H1”
 * and “R1” wrote to…", each wave by its title.
 */
export function restOfWords({
  title,
  ownersWritten,
  earlierTitles = [],
}: Pick<RestOf, "title" | "ownersWritten"> & Partial<Pick<RestOf, "earlierTitles">>): string {
  const alone = earlierTitles.length === 0;
  const writers = alone ? "it" : andList([...earlierTitles, title].map((wave) => `“${wave}”`));
  const left =
    ownersWritten === 0
      ? `${writers} wrote to no State or organization, so none is left out`
      : ownersWritten === 1
        ? `the 1 State or organization ${alone ? "" : "that "}${writers} wrote to is left out`
        : `the ${ownersWritten} States and organizations ${alone ? "" : "that "}${writers} wrote to are left out`;
  return `The rest of “${title}”: ${left}.`;
}
