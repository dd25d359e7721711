// The States an officer picks by name where a page reads every owner's name already (use-owner-names.ts), and the code
// a State's entry stands for: its name or its ISO code, as the letter preview reads one (correspondence/state-entry.ts).
// Pure, tested in Node.
import { type NamedState, stateOfEntry } from "./correspondence/state-entry.ts";
import type { OwnerNames } from "./provider-names.ts";
import { inNameOrder } from "./states-order.ts";

export type { NamedState };

const STATE_KEY = "STATE:";

/** The Member States among the owners' names, by name; none while the names are read. */
export const statesNamedIn = (names: OwnerNames): NamedState[] =>
  inNameOrder(
    [...names]
      .filter(([key]) => key.startsWith(STATE_KEY))
      .map(([key, name]) => ({ iso3: key.slice(STATE_KEY.length), name })),
  );

/**
 * The ISO code `entry` stands for: the State it names or codes among `states`; while they are not read yet, three
 * letters as typed (the API says whether a State has that code). None for anything else.
 */
export function stateCodeOf(entry: string, states: readonly NamedState[]): string | undefined {
  const named = stateOfEntry(entry, states);
  if (named) return named.iso3;
  const typed = entry.trim();
  return states.length === 0 && /^[A-Za-z]{3}$/.test(typed) ? typed.toUpperCase() : undefined;
}
