// The composer opened as the rest of a halted wave (#/waves/new?restOf=<id>): the halted wave's template, audience and
// letter values, fixed or given, and the sentence that says whom the rest leaves out, counted as dispatch will leave
// them out (shared/waves/rest-of-letters.ts). Pure, so it is tested in Node.
import { ownersWrittenTo } from "../../../../shared/waves/rest-of-letters.ts";
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
  /** The States and organizations it wrote to, or may have: the rest leaves them out. */
  ownersWritten: number;
  /** Why the API will refuse it: the wave is not halted (a link to it is offered only on a halted wave's page). */
  notHalted?: string;
}

/** The rest of `wave`, from its letters as the ledger lists them. */
export function restOfWave(wave: Wave, letters: readonly Pick<WaveMessage, "owner" | "status">[]): RestOf {
  const { title } = waveHeading(wave);
  return {
    waveId: wave.id,
    title,
    templateId: wave.templateId,
    audience: wave.audience,
    deadline: wave.deadline,
    chair: wave.chair,
    values: wave.values,
    ownersWritten: ownersWrittenTo(letters),
    ...(wave.status === "halted"
      ? {}
      : { notHalted: `“${title}” is ${wave.status}, not halted: only a halted wave has a rest to write to.` }),
  };
}

/** "The rest of “…”: the 60 States and organizations it wrote to are left out." */
export function restOfWords({ title, ownersWritten }: Pick<RestOf, "title" | "ownersWritten">): string {
  const left =
    ownersWritten === 0
      ? "it wrote to no State or organization, so none is left out"
      : ownersWritten === 1
        ? "the 1 State or organization it wrote to is left out"
        : `the ${ownersWritten} States and organizations it wrote to are left out`;
  return `The rest of “${title}”: ${left}.`;
}
