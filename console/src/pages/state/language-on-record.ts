// What the State's language-of-letters form says once its save was refused as stale (412) and the State read again:
// the language now on record, with who changed it and when where the timeline says, and what pressing again does with
// the reader's choice, which the form keeps (it puts that over the colleague's). Pure (types only from the generated
// schema), tested in Node (test/unit/console-state-language.test.ts).
import { possessive } from "../../../../shared/possessive.ts";
import type { components } from "../../api/schema";
import { utcText } from "../correspondence/time.ts";
import { codeIn, LANGUAGES } from "./labels.ts";

type Schemas = components["schemas"];

/** The State's latest change of its language of letters, as its timeline tells it. */
export interface LanguageChange {
  /** The language it set, and the one before (the same for a confirmation). */
  language: string;
  was: string;
  /** Who did it, as the timeline names actors. */
  who: string;
  at: string;
}

const languageIn = (image: unknown): string => {
  const value = image !== null && typeof image === "object" ? (image as Record<string, unknown>).language : undefined;
  return typeof value === "string" ? value : "";
};

/** The newest correction of the State's details in its timeline's entries (newest first), if any. */
export function languageChangeIn(entries: readonly Schemas["TimelineEntry"][]): LanguageChange | undefined {
  const entry = entries.find((one) => one.action === "state.update");
  if (!entry) return undefined;
  return {
    language: languageIn(entry.after),
    was: languageIn(entry.before),
    who: entry.actor.username ?? entry.actor.id,
    at: entry.at,
  };
}

const languageWords = (code: string): string => {
  const language = codeIn(LANGUAGES, code);
  return language ? LANGUAGES[language] : code;
};

/** "Confirm this language" for the language on record; after a stale refusal, what pressing puts over what. */
export function languageSubmitLabel(chosen: string, onRecord: string, afterStale: boolean): string {
  if (chosen === onRecord) return "Confirm this language";
  return afterStale
    ? `Replace ${languageWords(onRecord)} with ${languageWords(chosen)}`
    : "Change the language of letters";
}

/**
 * After a stale refusal and the State read again: the language on record, changed (or confirmed) by whom and when,
 * when the timeline's latest change set it; then the reader's choice, kept, and what the button does with it.
 */
export function languageOnRecordWords(onRecord: string, change: LanguageChange | undefined, chosen: string): string {
  const now = languageWords(onRecord);
  const setIt = change?.language === onRecord ? change : undefined;
  const how = setIt
    ? `, ${setIt.was === setIt.language ? "confirmed" : `changed from ${languageWords(setIt.was)}`} by ${setIt.who} at ${utcText(setIt.at)}`
    : "";
  const yours =
    chosen === onRecord
      ? "It is the language you chose."
      : `Your choice, ${languageWords(chosen)}, is kept: "${languageSubmitLabel(chosen, onRecord, true)}" puts it ` +
        `over ${setIt ? `${possessive(setIt.who)} change` : `the ${now} on record`}.`;
  return `Now on record: ${now}${how}. ${yours}`;
}
