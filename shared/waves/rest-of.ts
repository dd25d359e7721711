// The rest of a halted wave (audit 31, bug 1): a wave made with `restOf` sends the halted wave's letter to its audience
// less every State or organization the halted wave wrote to, where a plain new wave wrote to them all again. Checked
// when the wave is created; dispatch and the audience preview leave those owners out alike, each address skipped with
// a reason that names the wave that wrote, so the ledger says why. Which letters count as written: rest-of-letters.ts.
// A completed rest may have a rest too (audit 33, bug 1): a letter of the chain that bounces after the rests left its
// owner out leaves that owner unwritten, and the rest of the completed rest writes to it (writtenBefore follows the
// whole chain). A completed wave that is no rest has no rest: it wrote to its whole audience.
// A rest never writes to an address a letter of its chain bounced at or was reported as spam from, whatever the contact
// says (audit 34, bug 3): SES's report moves the letter and marks the contact in two writes, and a crash between them
// leaves the contact ok. The address is skipped as the contact's status would have had it, so the rest writes to the
// owner's other addresses, or its Permanent Mission.
import {
  type AudienceDependencies,
  type OwnerFacts,
  type ResolvedAudience,
  resolveAudience,
  type Skipped,
} from "../correspondence/audiences.ts";
import { leftToAnotherWave } from "../correspondence/left-to-another-wave.ts";
import type { FieldIssue } from "../errors.ts";
import { utcMinute } from "../zoned-time.ts";
import type { WaveRepository } from "./repository.ts";
import { type WrittenBefore, writtenBefore } from "./rest-of-letters.ts";
import { hasARest, restStands } from "./rest-stands.ts";
import type { NewWave, Wave, WaveStatus } from "./schemas.ts";

/** A wave in words, as staff named it: its description, else its audience and send day (no id: audit 32). */
const waveNamed = (wave: Pick<Wave, "description" | "audience" | "sendInstant">): string =>
  wave.description ? `“${wave.description}”` : `the wave to ${wave.audience} of ${wave.sendInstant.slice(0, 10)}`;

/** The statuses of a rest that stands: all but cancelled (a cancelled rest wrote nothing, and leaves room). */
type Standing = Exclude<WaveStatus, "cancelled">;
const STANDING: readonly Standing[] = ["draft", "scheduled", "dispatching", "completed", "halted"];
type StandingWave = Wave & { status: Standing };
const standsAt =
  (now: string) =>
  (wave: Wave): wave is StandingWave =>
    restStands(wave, now);

/**
 * The waves written as the rest of `halted` that stand at `now` (standsAt), found as sameLetterWaves finds the waves of
 * a letter (a rest has its template and audience): on the status index, no Scan.
 */
export async function restsOf(
  waves: Pick<WaveRepository, "inStatus">,
  halted: Pick<Wave, "id" | "templateId" | "audience">,
  now: string,
): Promise<StandingWave[]> {
  const found = (await Promise.all(STANDING.map((status) => waves.inStatus(status)))).flat();
  return found
    .map(({ value }) => value)
    .filter(standsAt(now))
    .filter(
      (wave) => wave.restOf === halted.id && wave.templateId === halted.templateId && wave.audience === halted.audience,
    );
}

/**
 * What to do instead of a second rest, by the status of the one that stands; a draft or scheduled one may be a
 * colleague's, just made: open it (and cancel it only to write another on purpose).
 */
const insteadOfASecondRest: Record<Standing, string> = {
  draft: "open it to schedule it; cancel it only to write another instead",
  scheduled: "open it; cancel it only to write another instead",
  dispatching: "it is sending: once it ends, write the rest of that one if it halts",
  completed: "it wrote to the rest; for letters of the chain that bounced since, write the rest of that one",
  halted: "write the rest of that one",
};

/**
 * A second rest of a halted wave would write again to everyone the first reached (audit 32, bug 2): refused, saying
 * when the rest that stands was made, since it may be a colleague's of a second ago (audit 33, item 7).
 */
const secondRestIssue = (haltedName: string, rest: StandingWave): FieldIssue => {
  const instead = insteadOfASecondRest[rest.status];
  return {
    path: "body.restOf",
    message:
      `${haltedName} already has its rest, ${waveNamed(rest)} (${rest.status}, made ${utcMinute(rest.createdAt)}): ` +
      instead,
  };
};

/** Why `wave` (named `name`) has no rest to write to. */
const noRestIssue = (name: string, wave: Pick<Wave, "status">): string =>
  wave.status === "completed"
    ? `${name} is completed and is no rest: it wrote to its whole audience, so it has no rest to write to (only a ` +
      "halted wave, or a completed rest of one, has)"
    : `${name} is ${wave.status}, not halted: only a halted wave, or a completed rest of one, has a rest to write to`;

/**
 * Why `restOf` cannot be the wave's (at `body.restOf`): no such wave, or one that has no rest (hasARest) or sent another
 * template or audience (the rest is the same letter to the same audience), or one whose rest is already written
 * (restsOf, at `now`). None when the wave names no restOf.
 */
export async function restOfIssues(
  waves: Pick<WaveRepository, "get" | "inStatus">,
  input: Pick<NewWave, "restOf" | "templateId" | "audience">,
  now: string,
): Promise<FieldIssue[]> {
  if (input.restOf === undefined) return [];
  const path = "body.restOf";
  const halted = (await waves.get(input.restOf))?.value;
  if (!halted) return [{ path, message: `no wave ${input.restOf}` }];
  const name = waveNamed(halted);
  const issues: FieldIssue[] = [];
  if (!hasARest(halted)) issues.push({ path, message: noRestIssue(name, halted) });
  if (halted.templateId !== input.templateId) {
    issues.push({
      path,
      message: `${name} sent template ${halted.templateId}: its rest is sent with the same template`,
    });
  }
  if (halted.audience !== input.audience) {
    issues.push({ path, message: `${name} wrote to ${halted.audience}: its rest is written to the same audience` });
  }
  if (hasARest(halted)) {
    issues.push(...(await restsOf(waves, halted, now)).map((rest) => secondRestIssue(name, rest)));
  }
  return issues;
}

/**
 * Why `rest` may not be scheduled: another rest of its halted wave that stands was made before it. The check at
 * creation reads an index that may lag behind a write of the same second (a double submit, two officers), so two
 * rests could both be made; scheduling reads it again, and the first made is the rest (review 32b).
 */
export async function earlierRestOf(
  waves: Pick<WaveRepository, "get" | "inStatus">,
  rest: Pick<Wave, "id" | "restOf" | "createdAt">,
  now: string,
): Promise<string | undefined> {
  if (rest.restOf === undefined) return undefined;
  const halted = (await waves.get(rest.restOf))?.value;
  if (!halted) return undefined;
  const before = (other: Wave) =>
    other.createdAt < rest.createdAt || (other.createdAt === rest.createdAt && other.id < rest.id);
  const earlier = (await restsOf(waves, halted, now)).find((other) => other.id !== rest.id && before(other));
  return (
    earlier && `${waveNamed(earlier)}, made before it, is already the rest of ${waveNamed(halted)}: cancel this one`
  );
}

/**
 * The audience less the owners written to before: each address it would have written to is skipped, naming the wave
 * that wrote, and an owner it has no address for now is skipped as a whole, so each says why it gets nothing.
 */
function leftToTheHaltedWave(audience: ResolvedAudience, written: WrittenBefore): ResolvedAudience {
  if (written.owners.size === 0) return audience;
  const writerOf = (owner: string) => written.owners.get(owner);
  const withAddress = new Set(
    audience.recipients.filter((recipient) => writerOf(recipient.owner.owner)).map(({ owner }) => owner.owner),
  );
  const wholeOwners = new Map<string, OwnerFacts>();
  for (const { owner } of [...audience.skipped, ...audience.unreached]) {
    if (writerOf(owner.owner) && !withAddress.has(owner.owner)) wholeOwners.set(owner.owner, owner);
  }
  const left = leftToAnotherWave(audience, (owner) => {
    const writtenBy = writerOf(owner);
    return writtenBy && { reason: "written-by-halted-wave", writtenBy };
  });
  return {
    ...left,
    skipped: [
      ...left.skipped,
      ...[...wholeOwners.values()].map(
        (owner): Skipped => ({
          recipient: `owner:${owner.owner}`,
          owner,
          reason: "written-by-halted-wave",
          writtenBy: writerOf(owner.owner),
        }),
      ),
    ],
  };
}

/**
 * Whom the wave writes to as of `asOf`, as dispatch writes and its preview shows: for the rest of a halted wave, its
 * audience with the chain's reported addresses taken as reported, less the owners the chain wrote to; with what the
 * chain wrote (its waves are none of this one's "same letter").
 */
export async function resolveWaveAudience(
  deps: AudienceDependencies,
  wave: Pick<Wave, "audience" | "restOf">,
  asOf: Date,
): Promise<{ audience: ResolvedAudience; written: WrittenBefore }> {
  const written = await writtenBefore(deps, wave.restOf);
  const resolved = await resolveAudience(deps, wave.audience, asOf, written.reported);
  return { audience: leftToTheHaltedWave(resolved, written), written };
}
