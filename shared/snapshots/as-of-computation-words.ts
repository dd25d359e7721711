// The figure groups a snapshot describes as of its computation (`asOfComputation`), in words: the report and the
// console's diff page name them alike. No import but the words' own (listed.ts), not even of a type: the console
// compiles and bundles it, and schemas.ts reaches modules it cannot compile. A test checks that every group of
// AS_OF_COMPUTATION has its words.

import { listed } from "../listed.ts";

const GROUP_WORDS: Readonly<Record<string, string>> = {
  pointOfContact: "point-of-contact coverage",
  "assistance.providers": "assistance providers",
  "assistance.staleProviders": "providers with stale offers",
  "correspondence.byStatus": "message statuses",
  "correspondence.waveList.letterKind": "letter kinds of waves",
  "responses.respondedOn": "answers to letters",
};

/**
 * The groups in words, "a, b and c"; a group this version does not know (named by a later one) as it is; empty for
 * none.
 */
export function asOfComputationWords(groups: readonly string[]): string {
  return listed(groups.map((group) => (Object.hasOwn(GROUP_WORDS, group) && GROUP_WORDS[group]) || group));
}
