// What the snapshots page says about a snapshot: who took it, named as the timeline names actors, and what taking one
// did (the API answers 201 for a quarter taken now, 200 with the stored snapshot, unchanged, for one taken before),
// and the groups a diff's figures are counted in.
// Pure (types only from the generated schema), tested in Node.
import type { components } from "../api/schema";
import { REGIONS } from "./region-words.ts";
import { CATEGORY_WORDS } from "./state/matrix-edits.ts";

type Snapshot = components["schemas"]["Snapshot"];

/** The actor id the quarterly schedule takes snapshots as. */
const SCHEDULE_ACTOR = "snapshot";

export const minuteOf = (instant: string) => `${instant.slice(0, 16).replace("T", " ")} UTC`;

/**
 * The taker's username as the snapshot keeps it, or (a snapshot taken before it kept one) as the audit trail gave it,
 * as the timeline shows it. Groups that may not read the audit trail learn of an older one only what the route tells:
 * a person who took one is of the secretariat, the one group that may. An id would tell them nothing.
 */
export function takerWords(
  snapshot: Pick<Snapshot, "computedBy" | "computedByName">,
  usernames: ReadonlyMap<string, string>,
): string {
  if (snapshot.computedBy === SCHEDULE_ACTOR) return "the quarterly schedule";
  return snapshot.computedByName ?? usernames.get(snapshot.computedBy) ?? "a member of the secretariat";
}

export function takenWords(snapshot: Pick<Snapshot, "period" | "computedAt">, created: boolean): string {
  return created
    ? `${snapshot.period} taken.`
    : `${snapshot.period} was already taken on ${minuteOf(snapshot.computedAt)}, unchanged.`;
}

export function takenAtWords(snapshot: Pick<Snapshot, "computedAt">, taker: string): string {
  return `${minuteOf(snapshot.computedAt)} by ${taker}`;
}

/** The matrix's operative paragraphs as the resolution numbers them. */
const PARAGRAPHS = { op1: "OP1", op2: "OP2", op3ab: "OP3(a)(b)", op3cd: "OP3(c)(d)" } as const;

const wordsOf = (words: Readonly<Record<string, string>>, code: string) =>
  Object.hasOwn(words, code) ? words[code] : undefined;

/**
 * A diff row's group in words: a regional group, a paragraph (and its category, `op1/nuclear`); any other (all, an
 * age bucket, a ledger status, a letter kind) with its hyphens as spaces.
 */
export const groupWords = (group: string): string =>
  group
    .split("/")
    .map(
      (part) =>
        wordsOf(REGIONS, part) ??
        wordsOf(PARAGRAPHS, part) ??
        wordsOf(CATEGORY_WORDS, part) ??
        part.replaceAll("-", " "),
    )
    .join(", ");
