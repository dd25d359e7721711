// One follow-up letter to a State however many waves of it dispatch. The follow-up audience leaves out the States a
// follow-up letter left to (assistance/follow-ups.ts), reading the letters' index; a letter another wave has queued
// but not sent, or is writing in the same second, does not count there, so two waves a minute apart (or at the same
// minute) both wrote to every State owed. Before writing to a State owed its follow-up, the dispatching wave now takes
// the State's hold (a conditional write): held by another wave whose letter to it still counts, the State is that
// wave's to write to and this one leaves it out. A letter counts while it is on its way, once it left on or after the
// day the follow-up fell due, or while its wave is writing it; one that failed, bounced or was skipped does not, and
// the next wave takes the hold over, as the audience owes the State its letter again.

import { eachLimited, onceEach } from "../concurrency.ts";
import { ownerText, parseOwner } from "../contacts/schemas.ts";
import { Conflict } from "../errors.ts";
import type { WaveRepository } from "../waves/repository.ts";
import { hasLeft, onItsWay } from "../waves/rest-of-letters.ts";
import type { Wave } from "../waves/schemas.ts";
import { deskDay } from "../zoned-time.ts";
import type { FollowUpsOwed, ResolvedAudience } from "./audiences.ts";
import type { Ledger } from "./ledger.ts";
import { leftToAnotherWave } from "./left-to-another-wave.ts";
import type { Message } from "./schemas.ts";

export interface FollowUpHoldStores {
  ledger: Pick<Ledger, "holdFollowUp" | "messagesOf">;
  waves: Pick<WaveRepository, "get">;
}

/**
 * Whether a wave's letters to a State still follow it up from `since` (the earliest day one of its follow-ups owed
 * fell due): one on its way or left since then, or none yet while the wave is dispatching (it is writing them).
 */
export function letterStillCounts(
  status: Wave["status"] | undefined,
  letters: readonly Pick<Message, "status" | "createdAt">[],
  since: string,
): boolean {
  if (letters.length === 0) return status === "dispatching";
  return letters.some(
    (letter) => onItsWay(letter.status) || (hasLeft(letter.status) && deskDay(letter.createdAt) >= since),
  );
}

/** Takes over a hold whose letter stopped counting at most this often before giving up (another wave kept taking it). */
const TAKE_OVER_TRIES = 3;

/** States taken a few at a time: each is a conditional write, and a contested one a read or two more. */
const STATE_CONCURRENCY = 8;

/** The wave that writes a State's follow-up: its id, and its description for the words of the skip. */
export interface FollowUpHolder {
  waveId: string;
  description?: string | undefined;
}

/** The States owed a follow-up whose letter another wave writes, with that wave; the others are held for `waveId`. */
export async function followUpsHeldElsewhere(
  stores: FollowUpHoldStores,
  waveId: string,
  owed: FollowUpsOwed,
): Promise<Map<string, FollowUpHolder>> {
  // A holding wave and its letters read once, however many of its States this wave contests.
  const holderOf = onceEach(async (holder) => {
    const [wave, messages] = await Promise.all([stores.waves.get(holder), stores.ledger.messagesOf(holder)]);
    return { status: wave?.value.status, description: wave?.value.description, messages };
  });
  const elsewhere = new Map<string, FollowUpHolder>();
  await eachLimited([...owed], STATE_CONCURRENCY, async ([iso3, requests]) => {
    const since = requests.flatMap((request) => request.followUpDueOn ?? []).sort()[0] ?? "";
    let over: string | undefined;
    for (let tries = 0; tries < TAKE_OVER_TRIES; tries += 1) {
      const hold = await stores.ledger.holdFollowUp(iso3, waveId, over);
      if (hold.held) return;
      const { status, description, messages } = await holderOf(hold.holder);
      const letters = messages.filter((message) => message.owner === ownerText({ kind: "state", iso3 }));
      if (letterStillCounts(status, letters, since)) {
        elsewhere.set(iso3, { waveId: hold.holder, description });
        return;
      }
      over = hold.holder;
    }
    throw new Conflict(`The follow-up of ${iso3} kept changing hands while wave ${waveId} dispatched; dispatch again`);
  });
  return elsewhere;
}

/**
 * The audience with the States whose follow-up letter another wave writes left to it: each address it would have
 * written to is skipped, naming that wave, so the ledger says why the State got nothing from this one.
 */
export function leftToOtherWaves(
  audience: ResolvedAudience,
  heldBy: ReadonlyMap<string, FollowUpHolder>,
): ResolvedAudience {
  if (heldBy.size === 0) return audience;
  return leftToAnotherWave(audience, (owner) => {
    const parsed = parseOwner(owner);
    const holder = parsed?.kind === "state" ? heldBy.get(parsed.iso3) : undefined;
    return holder && { reason: "followed-up-elsewhere", heldBy: holder };
  });
}
