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

/**
 * Whose an id is that a new organization cannot take, when a retired one keeps it (ADR 0061), said by the API's
 * refusal and by the console before it sends: "is kept by the retired OSCE, Organization for … (retired on D by X), as its letters
 * and audit trail name it".
 */
export function keptByRetiredWords(
  held: { acronym: string; name: string } & Pick<Retirement, "retiredOn" | "retiredBy">,
): string {
  const retired = retirementWords({ retiredOn: held.retiredOn, retiredBy: held.retiredBy });
  return `is kept by the retired ${held.acronym}, ${held.name} (${retired}), as its letters and audit trail name it`;
}

/** An organization in words, as the desk knows it: "the International Atomic Energy Agency (IAEA-2)". */
export const organizationInWords = ({ name, acronym }: { name: string; acronym: string }): string =>
  `the ${name} (${acronym})`;
