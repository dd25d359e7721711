// What each searchable record is found by: from a desk item (a stream image or a stored item), the record's search
// entry (kind, id, label, the texts it is found by) and the token items that index it (ADR 0021).
// zod/mini: the search-indexer function reads no other schema, and classic zod weighs four times as much (ADR 0029).
import * as z from "zod/mini";
import { $ZodError } from "zod/v4/core";
import { lazy } from "../lazy.ts";
import { UN_LANGUAGES } from "../locale/languages.ts";
import { stateNamesOf } from "../locale/names.ts";
import { SEARCH_ENTITY, searchTokenKey } from "./keys.ts";
import { charLength, tokensOfWord, wordsOf } from "./normalize.ts";
import type { SearchHit, SearchKind } from "./schemas.ts";
import aliasFile from "./state-aliases.json" with { type: "json" };

export interface SearchEntry extends Omit<SearchHit, "kind"> {
  kind: SearchKind;
  /** Names, codes and other texts the record is found by, in any language. */
  texts: string[];
}

/**
 * Enough for a State's UN, CLDR and other names (state-aliases.json) with their suffixes (56 at most, the United
 * Kingdom's), or a template's six subjects; more adds noise, not recall.
 */
export const MAX_TOKENS = 120;
/** A request's description is searched by its first words only: the symbol and State identify it. */
const DESCRIPTION_WORDS = 30;

const regionNames = new Map<string, Intl.DisplayNames>();
function regionName(language: string, iso2: string): string | undefined {
  let names = regionNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: "region", fallback: "none" });
    regionNames.set(language, names);
  }
  try {
    return names.of(iso2);
  } catch {
    return undefined;
  }
}

/**
 * Former UN names and common English names by State (state-aliases.json; the sources each cites are in
 * state-aliases.sources.json, kept out of the bundle): search only.
 */
const aliases = lazy(() => {
  const byState = new Map<string, string[]>();
  for (const { iso3, name } of aliasFile.names) byState.set(iso3, [...(byState.get(iso3) ?? []), name]);
  return byState;
});
const aliasesOf = (iso3: string): string[] => aliases().get(iso3) ?? [];

const text = z.string();
const optionalText = z.optional(z.string());

const entryOf: Record<string, (item: Record<string, unknown>) => SearchEntry | undefined> = {
  state(item) {
    const state = z.object({ iso3: text, iso2: text, name: text }).parse(item);
    // In each UN language, the UN's short name (the one letters print, read from the locale file beside the bundle on
    // the first State indexed) and CLDR's common name, which users type as well (`Moldavie` beside `République de
    // Moldova`).
    const unNames = Object.values(stateNamesOf(state.iso3, state.name));
    const cldrNames = UN_LANGUAGES.flatMap((language) => regionName(language, state.iso2) ?? []);
    return {
      kind: "state",
      id: state.iso3,
      label: state.name,
      detail: state.iso3,
      path: `/states/${state.iso3}`,
      texts: [...new Set([state.iso3, state.iso2, state.name, ...unNames, ...cldrNames, ...aliasesOf(state.iso3)])],
    };
  },
  organization(item) {
    const org = z.object({ id: text, name: text, acronym: text, retiredOn: optionalText }).parse(item);
    return {
      kind: "organization",
      id: org.id,
      label: org.name,
      detail: org.acronym,
      // A retired one is still found (its history, its acronym's reuse as osce-2), and said to be (audit 33, item 10).
      active: org.retiredOn === undefined,
      path: `/organizations/${org.id}`,
      texts: [org.id, org.acronym, org.name],
    };
  },
  contact(item) {
    const contact = z
      .object({ id: text, name: text, email: text, owner: text, role: text, active: z.boolean() })
      .parse(item);
    return {
      kind: "contact",
      id: contact.id,
      label: contact.name,
      detail: `${contact.owner} ${contact.role} ${contact.email}`,
      active: contact.active,
      path: `/contacts/${contact.id}`,
      texts: [contact.name, contact.email],
    };
  },
  "assistance-request"(item) {
    const request = z.object({ id: text, iso3: text, symbol: text, status: text, description: text }).parse(item);
    return {
      kind: "assistance-request",
      id: request.id,
      label: request.symbol,
      detail: `${request.iso3} ${request.status}`,
      path: `/assistance/requests/${request.id}`,
      texts: [
        request.symbol,
        request.iso3,
        request.id,
        wordsOf(request.description).slice(0, DESCRIPTION_WORDS).join(" "),
      ],
    };
  },
  submission(item) {
    const submission = z
      .object({ id: text, iso3: text, kind: text, symbol: text, receivedOn: text, voided: z.optional(z.unknown()) })
      .parse(item);
    // A voided document counts "as if it had never been recorded": its symbol is free for the real one, and the
    // State's page no longer lists it, so a hit would lead nowhere or name the wrong State. Its tokens go.
    if (submission.voided !== undefined) return undefined;
    return {
      kind: "submission",
      id: submission.id,
      label: submission.symbol,
      detail: `${submission.iso3} ${submission.kind} ${submission.receivedOn}`,
      path: `/states/${submission.iso3}/submissions/${submission.id}`,
      texts: [submission.symbol, submission.iso3, submission.id],
    };
  },
  wave(item) {
    const wave = z
      .object({ id: text, templateId: text, audience: text, status: text, description: optionalText })
      .parse(item);
    return {
      kind: "wave",
      id: wave.id,
      label: wave.description ?? wave.id,
      detail: `${wave.templateId} ${wave.audience} ${wave.status}`,
      path: `/waves/${wave.id}`,
      texts: [wave.id, wave.templateId, wave.audience, wave.description ?? ""],
    };
  },
  template(item) {
    const variant = z.object({ subject: text });
    const template = z
      .object({ id: text, kind: text, description: optionalText, variants: z.record(z.string(), variant) })
      .parse(item);
    return {
      kind: "template",
      id: template.id,
      label: template.id,
      detail: template.kind,
      path: `/templates/${template.id}`,
      texts: [
        template.id,
        template.kind,
        template.description ?? "",
        ...Object.values(template.variants).map((v) => v.subject),
      ],
    };
  },
};

/** The search entry of a desk item, or undefined when the item is not a searchable record. */
export function searchEntryOf(item: Record<string, unknown> | undefined): SearchEntry | undefined {
  if (!item || typeof item.entity !== "string") return undefined;
  const derive = entryOf[item.entity];
  if (!derive) return undefined;
  try {
    return derive(item);
  } catch (error) {
    // An item that lacks a searchable field (written by an older version) is left out, not retried for ever.
    if (error instanceof $ZodError) return undefined;
    throw error;
  }
}

/** Every word of the entry (one-letter ones too, for the query's other words) and every token it is looked up by. */
export function indexedWords(entry: SearchEntry): { words: string[]; tokens: string[] } {
  const words = [...new Set(entry.texts.flatMap(wordsOf))];
  const tokens = [...new Set(words.flatMap(tokensOfWord))].slice(0, MAX_TOKENS);
  return { words: [...new Set([...words.filter((word) => charLength(word) < 2), ...tokens])], tokens };
}

export type SearchTokenItem = ReturnType<typeof searchTokenItems>[number];

/** The token items of an entry: one per token, each carrying the hit as shown and the words it is checked against. */
export function searchTokenItems(entry: SearchEntry) {
  const { words, tokens } = indexedWords(entry);
  const { texts: _texts, ...hit } = entry;
  return tokens.map((token) => ({
    ...searchTokenKey(entry.kind, token, entry.id),
    entity: SEARCH_ENTITY,
    ...hit,
    words,
  }));
}
