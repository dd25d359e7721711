// A wave's audience as its page lists it, States and organizations by name (the API answers in the order of their
// codes: "Afghanistan, Angola, Albania" read as disorder): the skipped contacts by reason, and the recipients a test
// copy may be rendered for. Pure, tested in Node.
// The generated types directly, not through data.ts: that module needs a window, and this one runs in Node too.
import type { components } from "../../api/schema";
import { LANGUAGE_NAMES } from "../../ui/language-names.ts";
import type { OtherWave } from "./skip-other-wave.ts";
import { inNameOrder } from "./wave-facts.ts";
import { skippedContacts } from "./wave-letter-rows.ts";

export type AudiencePreview = components["schemas"]["AudiencePreview"];
type Skip = AudiencePreview["skipped"][number];
type Recipient = AudiencePreview["recipients"][number];
export type Owner = Recipient["owner"];

/** Owners in the order of their names, each once. */
export const ownersByName = (owners: readonly Owner[]): Owner[] =>
  inNameOrder([...new Map(owners.map((owner) => [owner.owner, owner])).values()], (owner) => owner.name);

/** The skipped contacts by reason (a State without an active point of contact is none: see skippedContacts). */
export function skippedByReason(skipped: readonly Skip[]): [Skip["reason"], Skip[]][] {
  const byReason = new Map<Skip["reason"], Skip[]>();
  for (const skip of skippedContacts(skipped)) byReason.set(skip.reason, [...(byReason.get(skip.reason) ?? []), skip]);
  return [...byReason].map(([reason, skips]) => [reason, inNameOrder(skips, (skip) => skip.owner.name)]);
}

/** How many States and organizations the skips are of: a State skipped at two addresses is one (audit 32, item 8). */
export const ownersCounted = (skips: readonly Skip[]): number => new Set(skips.map((skip) => skip.owner.owner)).size;

/**
 * Skips of a reason that names another wave, by that wave (the halted wave that wrote: the preview takes no follow-up
 * holds, dispatch does), in the order each first appears; the others under `undefined`.
 */
export function skipsByOtherWave(skips: readonly Skip[]): [OtherWave | undefined, Skip[]][] {
  const byWave = new Map<string | undefined, [OtherWave | undefined, Skip[]]>();
  for (const skip of skips) {
    const wave = skip.writtenBy;
    const group = byWave.get(wave?.waveId) ?? [wave, []];
    group[1].push(skip);
    byWave.set(wave?.waveId, group);
  }
  return [...byWave.values()];
}

/** The recipients as the preview's table lists them: by their owner's name (audit 32, item 11), not by code. */
export const recipientsByName = (recipients: readonly Recipient[]): Recipient[] =>
  inNameOrder(recipients, (recipient) => recipient.owner.name);

/** The first recipient is the API's default, so choosing nothing sends what it would send. */
export const FIRST_RECIPIENT = "";

/** The choices of "Rendered as the letter for": the API's default, then each recipient, by its owner's name. */
export function recipientChoices(recipients: readonly Recipient[]): (readonly [string, string])[] {
  return [
    [FIRST_RECIPIENT, "The first recipient (the API's choice)"],
    ...recipientsByName(recipients).map(
      (recipient) =>
        [
          recipient.contact.id,
          `${recipient.owner.name}: ${recipient.contact.name} (${LANGUAGE_NAMES[recipient.language]})`,
        ] as const,
    ),
  ];
}
