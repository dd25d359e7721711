// A State as an officer types it where a letter is previewed: its name, as the UN writes it (case, accents and
// punctuation aside), or its ISO code, picked from the 193 by name or typed. Pure: it runs in Node too.
import { foldText } from "../../../../shared/search/normalize.ts";
import type { components } from "../../api/schema";

export type NamedState = Pick<components["schemas"]["State"], "iso3" | "name">;

const comparable = (text: string) =>
  foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(" ");

/** The State `entry` names or codes; none when it names no Member State (or nothing at all). */
export function stateOfEntry(entry: string, states: readonly NamedState[]): NamedState | undefined {
  const typed = comparable(entry);
  if (!typed) return undefined;
  return states.find((state) => state.iso3.toLowerCase() === typed || comparable(state.name) === typed);
}

/** What the field says of an entry that names no Member State. */
export const noSuchState = (entry: string): string => `No Member State is named or coded “${entry.trim()}”.`;
