// The composer opened as the rest of a halted wave (#/waves/new?restOf=<id>): the halted wave's template, audience and
// letter values, fixed or given, and the sentence that says whom the rest leaves out, counted as dispatch will leave
// them out (shared/waves/rest-of-letters.ts): through a rest of a rest, each halted wave before it. Pure but for the
// reads it is given, so it is tested in Node.
import { writtenBefore } from "../../../../shared/waves/rest-of-letters.ts";
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
  /** How many halted waves before it this one was the rest of (a rest of a rest): they wrote to some of those. */
  earlierWaves: number;
  /** Why the API will refuse it: the wave is not halted (a link to it is offered only on a halted wave's page). */
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
  const reads = new Map<string, ReturnType<typeof read>>();
  const once = (id: string) => {
    const known = reads.get(id) ?? read(id);
    reads.set(id, known);
    return known;
  };
  const written = await writtenBefore(
    {
      waves: { get: async (id) => ({ value: (await once(id)).wave }) },
      ledger: { messagesOf: async (id) => (await once(id)).letters },
    },
    waveId,
  );
  return restOfWave((await once(waveId)).wave, written.owners.size, written.waveIds.length - 1);
}

/** The rest of `wave`, which wrote to `ownersWritten` States and organizations (with the `earlierWaves` before it). */
export function restOfWave(wave: Wave, ownersWritten: number, earlierWaves = 0): RestOf {
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
    earlierWaves,
    ...(wave.status === "halted"
      ? {}
      : { notHalted: `“${title}” is ${wave.status}, not halted: only a halted wave has a rest to write to.` }),
  };
}

/** "The rest of “…”: the 60 States and organizations it wrote to are left out." */
export function restOfWords({
  title,
  ownersWritten,
  earlierWaves = 0,
}: Pick<RestOf, "title" | "ownersWritten"> & Partial<Pick<RestOf, "earlierWaves">>): string {
  const writers =
    earlierWaves === 0
      ? "it"
      : `it and the ${earlierWaves === 1 ? "halted wave" : `${earlierWaves} halted waves`} it was the rest of`;
  const left =
    ownersWritten === 0
      ? `${writers} wrote to no State or organization, so none is left out`
      : ownersWritten === 1
        ? `the 1 State or organization ${writers} wrote to is left out`
        : `the ${ownersWritten} States and organizations ${writers} wrote to are left out`;
  return `The rest of “${title}”: ${left}.`;
}
