// The desk's search (GET /search) as the search page reads and shows it: the request the URL names, each kind's
// heading, each hit in words with the console's page for it, and what a capped group says. Pure, tested in Node
// (test/unit/console-search.test.ts).
import type { components } from "../api/schema";
import { href } from "../routes.ts";
import { counted } from "../ui/counted.ts";
import { orList } from "../ui/word-list.ts";
import { statusWords } from "./assistance-words.ts";
import { ownerHref } from "./audit-trail-words.ts";
import { AUDIENCES } from "./correspondence/wave-facts.ts";
import type { OwnerNames } from "./provider-names.ts";
import { CONTACT_ROLES, codeIn, SUBMISSION_KINDS } from "./state/labels.ts";

type Schemas = components["schemas"];
export type SearchHit = Schemas["SearchHit"];
export type SearchKind = SearchHit["kind"];
export type SearchGroup = Schemas["SearchResult"]["groups"][number];

/** Each kind's heading, in the order the API gives the groups when no kind is named (tsc checks every kind is here). */
export const KIND_HEADINGS: Readonly<Record<SearchKind, string>> = {
  state: "Member States",
  organization: "Organizations",
  contact: "Contacts",
  "assistance-request": "Assistance requests",
  wave: "Waves",
  template: "Letter templates",
  submission: "Received documents",
};

/** Each kind as a sentence names it: "More contacts match", "No Member States or waves found". */
export const KIND_NOUNS: Readonly<Record<SearchKind, string>> = {
  state: "Member States",
  organization: "organizations",
  contact: "contacts",
  "assistance-request": "assistance requests",
  wave: "waves",
  template: "letter templates",
  submission: "received documents",
};

/** The hits of each kind the API gives unless told (shared/search/schemas.ts), and the most it gives of one kind. */
export const DEFAULT_HITS = 10;
export const MAX_HITS = 50;

export interface SearchRequest {
  q: string;
  /** One kind only (a capped group's "more"), else every kind the reader may search. */
  kinds?: SearchKind;
  limit?: number;
}

const isKind = (value: string): value is SearchKind => Object.hasOwn(KIND_HEADINGS, value);

/** The search a URL names (`#/search?q=mal`, `&kinds=contact&limit=50`); none without a query. */
export function searchRequestOf(query: URLSearchParams): SearchRequest | undefined {
  const q = query.get("q")?.trim();
  if (!q) return undefined;
  const kinds = query.get("kinds") ?? "";
  const limit = Number(query.get("limit"));
  return {
    q,
    ...(isKind(kinds) ? { kinds } : {}),
    ...(Number.isInteger(limit) && limit >= 1 && limit <= MAX_HITS ? { limit } : {}),
  };
}

/** The search page for a request: what the banner's box and the page's own form go to. */
export function searchHref(request: SearchRequest): string {
  const query = new URLSearchParams({ q: request.q.trim() });
  if (request.kinds) query.set("kinds", request.kinds);
  if (request.limit) query.set("limit", String(request.limit));
  return href.search(query);
}

export interface HitWords {
  text: string;
  /** A second line: a code, whose contact it is, where a request or a wave stands. */
  detail: string;
  href?: string;
  /** Said beside a record found that is no longer active: a contact "deactivated", an organization "retired". */
  inactive?: string;
}

/** The word for each kind the API marks inactive (`active: false`); another kind has no such standing. */
const INACTIVE_WORDS: Partial<Readonly<Record<SearchKind, string>>> = {
  contact: "deactivated",
  organization: "retired",
};

/**
 * A hit in words with its page in the console: a contact's is its owner's (contacts have no page of their own). The API's
 * second line is codes joined by spaces (shared/search/entries.ts), put in words here where the console has them; one of
 * another shape is shown as it came.
 */
export function hitWords(hit: SearchHit, names: OwnerNames): HitWords {
  const detail = hit.detail ?? "";
  const parts = detail.split(" ");
  const base = { text: hit.label, detail, ...(hit.active === false ? { inactive: INACTIVE_WORDS[hit.kind] } : {}) };
  switch (hit.kind) {
    case "state":
      return { ...base, href: href.state(hit.id) };
    case "organization":
      return { ...base, href: href.organization(hit.id) };
    case "contact": {
      const [owner = "", role = "", email = ""] = parts;
      const page = ownerHref(owner);
      if (!page) return base;
      const roleCode = codeIn(CONTACT_ROLES, role);
      const words = [names.get(owner) ?? owner, roleCode ? CONTACT_ROLES[roleCode] : role, email];
      return { ...base, detail: words.filter(Boolean).join(", "), href: page };
    }
    case "assistance-request": {
      const [iso3 = "", status = ""] = parts;
      const words = parts.length === 2 ? `${names.get(`STATE:${iso3}`) ?? iso3}, ${statusWords(status)}` : detail;
      return { ...base, detail: words, href: href.assistanceRequest(hit.id) };
    }
    case "wave": {
      const [templateId = "", audience = "", status = ""] = parts;
      const audienceCode = codeIn(AUDIENCES, audience);
      const words =
        parts.length === 3 && audienceCode ? `${status}: ${templateId} to ${AUDIENCES[audienceCode]}` : detail;
      return { ...base, detail: words, href: href.wave(hit.id) };
    }
    case "template":
      return { ...base, href: href.template(hit.id) };
    case "submission": {
      // "GMB first-report 2026-11-30": the State, what was received and when, on the State's page.
      const [iso3 = "", kind = "", receivedOn = ""] = parts;
      const kindCode = codeIn(SUBMISSION_KINDS, kind);
      if (parts.length !== 3 || !kindCode) return base;
      const words = `${names.get(`STATE:${iso3}`) ?? iso3}, ${SUBMISSION_KINDS[kindCode].toLowerCase()}, received ${receivedOn}`;
      return { ...base, detail: words, href: href.state(iso3) };
    }
  }
}

/** A group's hits by name, as lists are read: the API gives them in its index's order. */
export const inLabelOrder = (hits: readonly SearchHit[]): SearchHit[] =>
  [...hits].sort((a, b) => a.label.localeCompare(b.label, "en"));

/** The kinds searched that found nothing, in one sentence rather than a heading each: " No waves or letter templates". */
function nothingAmong(groups: readonly SearchGroup[]): string {
  const empty = groups.filter((group) => group.items.length === 0).map((group) => KIND_NOUNS[group.kind]);
  return empty.length === 0 ? "" : ` No ${orList(empty)} found.`;
}

/**
 * What a capped group says: more records match than shown. The way on is one kind alone with the most hits the API
 * gives, once; past that, a narrower query.
 */
export function moreOf(group: SearchGroup, request: SearchRequest): { words: string; wider?: string } {
  const shown = group.items.length;
  const words = `More ${KIND_NOUNS[group.kind]} match than the ${shown} shown.`;
  if ((request.limit ?? DEFAULT_HITS) >= MAX_HITS) return { words: `${words} Add a word to narrow the search.` };
  return { words, wider: searchHref({ q: request.q, kinds: group.kind, limit: MAX_HITS }) };
}

/**
 * What the page says it searched and found: the query, the one kind where the request names one, and the kinds that
 * found nothing when others did (only those that found some have a heading).
 */
export function searchedWords(request: SearchRequest, result: Schemas["SearchResult"]): string {
  const found = result.groups.reduce((sum, group) => sum + group.items.length, 0);
  const where = request.kinds ? ` among ${KIND_NOUNS[request.kinds]}` : "";
  if (found === 0) return `Nothing found for "${result.q}"${where}.`;
  return `${counted(found, "record")} found for "${result.q}"${where}.${nothingAmong(result.groups)}`;
}
