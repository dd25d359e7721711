// How a retired organization is said, by the API's refusals and the console alike: "retired on 2026-12-06 by jdoe:
// recorded twice". No imports, so the console compiles it as it is.

/** The fields of an organization that say its retirement. */
export interface Retirement {
  retiredOn?: string | undefined;
  retiredBy?: string | undefined;
  retirementReason?: string | undefined;
}

export const isRetired = (organization: Retirement): boolean => organization.retiredOn !== undefined;

/** "retired on D by X: reason"; "by X" and the reason only when recorded (a token without a username names no one). */
export function retirementWords({ retiredOn, retiredBy, retirementReason }: Retirement): string {
  const by = retiredBy ? ` by ${retiredBy}` : "";
  const why = retirementReason ? `: ${retirementReason}` : "";
  return `retired on ${retiredOn}${by}${why}`;
}

/** An organization in words, as the desk knows it: "the International Atomic Energy Agency (IAEA-2)". */
export const organizationInWords = ({ name, acronym }: { name: string; acronym: string }): string =>
  `the ${name} (${acronym})`;

/** A sentence's start: "The International Atomic Energy Agency (IAEA-2) …". */
export const capitalized = (words: string): string => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
