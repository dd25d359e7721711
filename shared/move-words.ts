// A move a lifecycle does not allow, in words: one sentence for every lifecycle's refusal (an assistance request's, a
// match's, a matrix's), each naming its record and statuses in its own words. No import but the import-free listed.ts.
import { capitalized, listed } from "./listed.ts";

/**
 * "Assistance request S/AC.44/2026/3 of Gambia is acknowledged: it cannot be circulated from there; it can be put in
 * the consent window or withdrawn", or, from a final status, "… is withdrawn and moves no more" (`named` as it reads
 * mid-sentence).
 */
export function illegalMoveWords(
  named: string,
  statusWords: string,
  toWords: string,
  allowedWords: readonly string[],
): string {
  const subject = capitalized(named);
  if (allowedWords.length === 0) return `${subject} is ${statusWords} and moves no more: it cannot be ${toWords}`;
  return `${subject} is ${statusWords}: it cannot be ${toWords} from there; it can be ${listed(allowedWords, "or")}`;
}
