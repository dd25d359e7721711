// A figure row's group in words (`grulac`, `op3cd/means-of-delivery`, `6-to-12-months`), as the exports and the diff
// give it beside the code, with the words the report uses for each kind of group.
import { ageBucketLabels } from "../assistance/age-buckets.ts";
import { regionalGroups } from "../registry/schemas.ts";
import { categoryLabels, letterKindLabels, messageStatusLabels, paragraphLabels } from "./report/labels.ts";

/** A figure over every State, letter or request: the row of the group `all`. */
const ALL_WORDS = "All";

// The kinds of group never share a code, so one lookup serves every figure.
const groupWords: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...regionalGroups,
    ...paragraphLabels,
    ...categoryLabels,
    ...messageStatusLabels,
    ...ageBucketLabels,
    ...letterKindLabels,
  }),
);

/**
 * A group in words: a paragraph and its category joined ("OP3(c)(d), Means of delivery"); a code the snapshot did not
 * know when this was written is given as it is, so a row is never left without a group.
 */
export const figureGroupName = (group: string): string =>
  group === "all"
    ? ALL_WORDS
    : group
        .split("/")
        .map((part) => groupWords.get(part) ?? part)
        .join(", ");
