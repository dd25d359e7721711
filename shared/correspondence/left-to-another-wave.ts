// An audience less the owners another wave writes to, or wrote to: the follow-up a State is owed that another wave
// holds (follow-up-holds.ts), the owners a halted wave reached before its rest is written (shared/waves/rest-of.ts).
// Each address the audience would have written to is skipped, naming why, so the ledger says why the owner got
// nothing from this wave; the owner's other entries (skipped, unreached, a follow-up owed) leave the audience.
import { ownerText } from "../contacts/schemas.ts";
import type { ResolvedAudience, Skipped } from "./audiences.ts";

/** What a skip names of the other wave: its reason and the field that names the wave. */
export type LeftToAnotherWave = Pick<Skipped, "reason" | "heldBy" | "writtenBy">;

/** The audience less the owners `takenBy` names, each of their addresses skipped as it says. */
export function leftToAnotherWave(
  audience: ResolvedAudience,
  takenBy: (owner: string) => LeftToAnotherWave | undefined,
): ResolvedAudience {
  const left = audience.recipients.flatMap((recipient): Skipped[] => {
    const taken = takenBy(recipient.owner.owner);
    if (!taken) return [];
    const { contact, email, owner } = recipient;
    return [{ recipient: recipient.recipient, owner, contactId: contact.id, email, ...taken }];
  });
  return {
    recipients: audience.recipients.filter((recipient) => !takenBy(recipient.owner.owner)),
    skipped: [...audience.skipped.filter((skipped) => !takenBy(skipped.owner.owner)), ...left],
    unreached: audience.unreached.filter((unreached) => !takenBy(unreached.owner.owner)),
    ...(audience.followUpsOwed
      ? {
          followUpsOwed: new Map(
            [...audience.followUpsOwed].filter(([iso3]) => !takenBy(ownerText({ kind: "state", iso3 }))),
          ),
        }
      : {}),
    // Every offer, whoever's: the owners left out get no letter to list theirs in.
    ...(audience.offers ? { offers: audience.offers } : {}),
  };
}
