// A pending assistance request's age, in the snapshot's four buckets: one rule for the quarterly figures, the
// pending-assistance reports and the console's home page, which counts the requests pending today. No schema library:
// the console bundles it.
import { monthsBetween } from "./dates.ts";

export const assistanceAgeBuckets = ["under-6-months", "6-to-12-months", "12-to-24-months", "over-24-months"] as const;
export type AssistanceAgeBucket = (typeof assistanceAgeBuckets)[number];

/** The buckets in words, as the quarterly report and the home page say them. */
export const ageBucketLabels: Record<AssistanceAgeBucket, string> = {
  "under-6-months": "Under 6 months",
  "6-to-12-months": "6 to 12 months",
  "12-to-24-months": "12 to 24 months",
  "over-24-months": "Over 24 months",
};

/** The bucket of a request received on `receivedOn`, on `day` (both calendar days, YYYY-MM-DD). */
export function ageBucketOf(receivedOn: string, day: string): AssistanceAgeBucket {
  const months = monthsBetween(receivedOn, day);
  if (months < 6) return "under-6-months";
  if (months < 12) return "6-to-12-months";
  if (months < 24) return "12-to-24-months";
  return "over-24-months";
}

/** How many of the requests, by the day each was received, fall in each bucket on `day`. */
export function countByAge(receivedOns: Iterable<string>, day: string): Record<AssistanceAgeBucket, number> {
  const counts = { "under-6-months": 0, "6-to-12-months": 0, "12-to-24-months": 0, "over-24-months": 0 };
  for (const receivedOn of receivedOns) counts[ageBucketOf(receivedOn, day)] += 1;
  return counts;
}

/**
 * The scale the pending-assistance reports counted by until they took the snapshots' (audit 36): a report stored then
 * keeps its counts under these keys, and is read in these words.
 */
const earlierReportAgeLabels: Readonly<Record<string, string>> = {
  "under-3-months": "Under 3 months",
  "3-to-12-months": "3 to 12 months",
  "1-to-2-years": "1 to 2 years",
  "over-2-years": "Over 2 years",
};

/**
 * A report's counts by age in words, youngest first, on whichever of the two scales it was counted (a key neither
 * scale knows last, as it is), to be read inside a sentence: "under 6 months: 7, 6 to 12 months: 3, 12 to 24 months:
 * 5, over 24 months: 4".
 */
export function ageCountsInWords(byAge: Readonly<Record<string, number>>): string {
  const labels: Readonly<Record<string, string>> = "under-3-months" in byAge ? earlierReportAgeLabels : ageBucketLabels;
  const inOrder = Object.entries(labels).flatMap(([key, label]) => {
    const count = byAge[key];
    return count === undefined ? [] : [`${label.toLowerCase()}: ${count}`];
  });
  const unknown = Object.entries(byAge).flatMap(([key, count]) => (key in labels ? [] : [`${key}: ${count}`]));
  return [...inOrder, ...unknown].join(", ");
}
