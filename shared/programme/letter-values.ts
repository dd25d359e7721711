// One scheduled programme letter's values for its year (ADR 0019, "a year's own letter values"), read and written on
// their own: their ETag is a digest of those values alone, so two officers saving two letters of one year never
// conflict, while a letter changed since it was read is refused (412). The write goes through the year's own PUT
// (same checks, same audit), conditioned on the year's version and read again when another letter moved it.
import { createHash } from "node:crypto";
import type { AuditContext } from "../audit/audit-entry.ts";
import { canonicalJson } from "../canonical-json.ts";
import { Conflict, Invalid, NotFound, PreconditionFailed } from "../errors.ts";
import type { WaveValues } from "../templates/values.ts";
import type { LetterLink, ProgrammeFile, ProgrammeLetterValues } from "./schemas.ts";
import type { ProgrammeYears } from "./years.ts";

/** Which letter: a wave key may be linked by more than one activity of a year, so the activity names it too. */
export interface LetterRef {
  year: number;
  activityId: string;
  waveKey: string;
}

/** How often a write reads the year again when other letters' writes keep moving its version. */
export const LETTER_WRITE_ATTEMPTS = 4;

/**
 * The version of a letter's values: the first 52 bits of the sha256 of their canonical JSON, a safe integer, so its
 * ETag (`"<digits>"`) is one the router reads from If-Match like any other. None given is `{}`.
 */
export function letterValuesVersion(values: WaveValues | undefined): number {
  const digest = createHash("sha256")
    .update(canonicalJson(values ?? {}))
    .digest("hex");
  return Number.parseInt(digest.slice(0, 13), 16);
}

interface FoundLetter {
  activity: number;
  letter: number;
  link: LetterLink;
}

const letterName = ({ year, activityId, waveKey }: LetterRef) => `Programme letter ${year}/${activityId}/${waveKey}`;

/** The scheduled letter in the year's file: 404 when there is none, 409 when it is manual (no schedule to give to). */
function scheduledLetter(file: ProgrammeFile, ref: LetterRef): FoundLetter {
  const activity = file.activities.findIndex((candidate) => candidate.id === ref.activityId);
  const letters = file.activities[activity]?.letters ?? [];
  const letter = letters.findIndex((link) => link.waveKey === ref.waveKey);
  const link = letters[letter];
  if (!link) throw new NotFound("Programme letter", `${ref.year}/${ref.activityId}/${ref.waveKey}`);
  if (link.manual) {
    throw new Conflict(
      `${letterName(ref)} is manual: no schedule sends it, so the year gives it no values; give them on the wave ` +
        "staff make (POST /waves)",
    );
  }
  return { activity, letter, link };
}

/** The file with that letter's values replaced (removed when none are given); every other part as it was. */
function withValues(file: ProgrammeFile, at: FoundLetter, values: WaveValues): ProgrammeFile {
  const { values: _before, ...link } = at.link;
  const given = Object.keys(values).length > 0;
  return {
    ...file,
    activities: file.activities.map((activity, index) =>
      index === at.activity
        ? {
            ...activity,
            letters: (activity.letters ?? []).map((other, j) =>
              j === at.letter ? (given ? { ...link, values } : link) : other,
            ),
          }
        : activity,
    ),
  };
}

/**
 * The year's refusal, at the paths of this request: the letter's values at `body.<field>`; anything else the stored
 * year breaks (a template deleted since) at its place in the year, `programme.<path>`.
 */
function atTheBody(error: Invalid, at: FoundLetter): Invalid {
  const values = `body.activities.${at.activity}.letters.${at.letter}.values`;
  return new Invalid(
    error.message,
    error.issues.map(({ path, message }) => ({
      path:
        path === values
          ? "body"
          : path.startsWith(`${values}.`)
            ? `body.${path.slice(values.length + 1)}`
            : path.replace(/^body\./, "programme."),
      message,
    })),
  );
}

const served = (ref: LetterRef, link: LetterLink): { values: ProgrammeLetterValues; version: number } => ({
  values: {
    year: ref.year,
    activityId: ref.activityId,
    waveKey: ref.waveKey,
    templateId: link.templateId,
    values: link.values ?? {},
  },
  version: letterValuesVersion(link.values),
});

export type ProgrammeLetterValuesUseCases = ReturnType<typeof programmeLetterValues>;

export function programmeLetterValues(years: Pick<ProgrammeYears, "get" | "put">) {
  return {
    /** The letter's values as the year shows them (stored, or the draft rolled forward), with their version. */
    async get(ref: LetterRef) {
      const year = await years.get(ref.year);
      return served(ref, scheduledLetter(year.file, ref).link);
    },

    /**
     * Writes the letter's values if they are still those of `expectedVersion` (else 412, nothing written), through the
     * year's PUT on the version just read; when another write moved the year meanwhile, reads it again and retries,
     * a bounded number of times (then 409: nothing written, send again).
     */
    async put(ref: LetterRef, values: WaveValues, expectedVersion: number, audit: AuditContext) {
      for (let attempt = 1; ; attempt++) {
        const year = await years.get(ref.year);
        const at = scheduledLetter(year.file, ref);
        const current = letterValuesVersion(at.link.values);
        if (current !== expectedVersion) throw new PreconditionFailed(letterName(ref), current, expectedVersion);
        try {
          const stored = await years.put(ref.year, withValues(year.file, at, values), year.version, audit);
          return served(ref, scheduledLetter(stored.file, ref).link);
        } catch (error) {
          if (error instanceof Invalid) throw atTheBody(error, at);
          if (!(error instanceof PreconditionFailed)) throw error;
          if (attempt >= LETTER_WRITE_ATTEMPTS) {
            throw new Conflict(
              `Programme of work ${ref.year} changed ${attempt} times while ${letterName(ref)} was written; nothing ` +
                "was written: send the values again",
            );
          }
        }
      }
    },
  };
}
