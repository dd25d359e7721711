// What became of a wave's letters, as the desk's rules ask it, said once: whether a letter went to SES (the same-letter
// caution counts a halted wave's), left the desk (the wave page's "written to"), or reached its owner or may have (a
// halted wave's rest: dispatch, the audience preview and the console's composer), and whether a letter left or is on
// its way (the follow-ups' rules, shared/assistance/follow-ups.ts and shared/correspondence/follow-up-holds.ts). It
// imports nothing, so the console compiles it without the server's schemas.

/**
 * The statuses of a letter that left. `complained` is one: SES reports a complaint only for a letter delivered and
 * read. `unknown` is not: the sender stopped between SES and the ledger, so the letter may never have gone; a
 * follow-up stays owed until SES events or a resend settle it, since a second letter is better than none. A bounced
 * letter never arrived.
 */
const LEFT: ReadonlySet<string> = new Set(["sent", "delivered", "complained"]);

/** Whether a letter in `status` left (see LEFT). */
export const hasLeft = (status: string): boolean => LEFT.has(status);

/** A letter still to go out, or going: queued or sending. */
export const onItsWay = (status: string): boolean => status === "queued" || status === "sending";

/** SES took it, may have (unknown), or is being asked (sending): its recipient may hold it, bounced or not. */
const WENT_TO_SES: ReadonlySet<string> = new Set(["sending", "sent", "unknown", "delivered", "bounced", "complained"]);

/** Whether a letter in `status` went to SES, or is going (see WENT_TO_SES). */
export const wentToSes = (status: string): boolean => WENT_TO_SES.has(status);

/** Whether a letter in `status` left the desk: it went to SES, or may have, and is no longer being sent. */
export const leftTheDesk = (status: string): boolean => status !== "sending" && WENT_TO_SES.has(status);

/**
 * A letter that reached its owner, or may have: one that left (hasLeft: sent, delivered, reported as spam), one still
 * being sent, and one whose fate is unknown (the sender stopped between SES and the ledger: it most likely went, and
 * the desk never sends such a letter again blindly). A bounced letter never arrived: its address is skipped as bounced
 * anyway, so the rest writes to the owner's other addresses (its Permanent Mission), as the halted wave would have.
 */
const MAY_HAVE_ARRIVED: ReadonlySet<string> = new Set([...LEFT, "sending", "unknown"]);

/** A letter as the ledger lists it: `resentAt` once the secretariat sent it again (ADR 0062). */
export interface LetterFate {
  status: string;
  resentAt?: string | undefined;
}

/**
 * Whether the letter reached its owner, or may have (see MAY_HAVE_ARRIVED), or is on its way again: an unknown letter
 * the secretariat sent again is queued until the sender takes it, and the halted wave's rest must not write too.
 */
export const mayHaveArrived = ({ status, resentAt }: LetterFate): boolean =>
  MAY_HAVE_ARRIVED.has(status) || (status === "queued" && resentAt !== undefined);

/**
 * Whether a follow-up letter in `status` still follows its State up, as the follow-up holds judge it
 * (follow-up-holds.ts `letterStillCounts`): on its way or left. Not an unknown one: the follow-up stays owed until SES
 * or a resend settles it.
 */
export const followsUp = (status: string): boolean => onItsWay(status) || hasLeft(status);

/** The wave that wrote to an owner, for the words of the skip. */
export interface HaltedWriter {
  waveId: string;
  description?: string | undefined;
}

/** What SES reported of a letter's address: a hard bounce, or a complaint (the letter reported as spam). */
export type ReportedStatus = "bounced" | "complained";

const isReported = (status: string): status is ReportedStatus => status === "bounced" || status === "complained";

export interface WrittenBefore {
  /** Owner (STATE:<iso3> or ORG:<id>) -> the wave that wrote to it. */
  owners: ReadonlyMap<string, HaltedWriter>;
  /** The halted wave and those it was itself the rest of: none of them writes to this wave's recipients again. */
  waveIds: readonly string[];
  /**
   * Address -> what SES reported of a letter of the chain sent to it (the first such letter read). The ledger is the
   * better witness: the report's own write of the contact may not have happened (audit 34, bug 3).
   */
  reported: ReadonlyMap<string, ReportedStatus>;
}

/** What `writtenBefore` reads: a wave (its description, and the wave it is the rest of) and its letters. */
export interface WrittenBeforeStores {
  waves: {
    get(id: string): Promise<{ value: { description?: string | undefined; restOf?: string | undefined } } | undefined>;
  };
  ledger: {
    messagesOf(id: string): Promise<readonly (LetterFate & { owner: string; email?: string | undefined })[]>;
  };
}

/**
 * The owners the halted wave `restOf` wrote to, and those its own restOf wrote to, and so on: the rest of a rest that
 * halted too leaves out the owners the first wave wrote to, which the second had left out; and the addresses the
 * chain's letters bounced at or were reported as spam from. Each wave read once; the server's dispatch and preview and
 * the console's composer follow the chain alike.
 */
export async function writtenBefore(stores: WrittenBeforeStores, restOf: string | undefined): Promise<WrittenBefore> {
  const owners = new Map<string, HaltedWriter>();
  const reported = new Map<string, ReportedStatus>();
  const waveIds: string[] = [];
  for (let waveId = restOf; waveId !== undefined && !waveIds.includes(waveId); ) {
    waveIds.push(waveId);
    const [wave, messages] = await Promise.all([stores.waves.get(waveId), stores.ledger.messagesOf(waveId)]);
    for (const message of messages) {
      if (mayHaveArrived(message) && !owners.has(message.owner)) {
        owners.set(message.owner, { waveId, description: wave?.value.description });
      }
      if (message.email !== undefined && isReported(message.status) && !reported.has(message.email)) {
        reported.set(message.email, message.status);
      }
    }
    waveId = wave?.value.restOf;
  }
  return { owners, waveIds, reported };
}

/**
 * `read`, each id read once: asked again, the first read's promise answers, so two asking at once share it; a read
 * that failed is not kept, so the next asking reads again. A chain is followed wave by wave (`writtenBefore`), and the
 * console reads the same waves for several parts of a page.
 */
export function readOnce<T>(read: (id: string) => Promise<T>): (id: string) => Promise<T> {
  const reads = new Map<string, Promise<T>>();
  return (id) => {
    const known = reads.get(id);
    if (known) return known;
    const reading = read(id);
    reads.set(id, reading);
    reading.catch(() => reads.delete(id));
    return reading;
  };
}
