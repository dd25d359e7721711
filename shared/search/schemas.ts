// The shapes of search: the kinds of record it finds, the query, and the answer grouped by kind (ADR 0021).
// Schemas built at import are marked pure: a bundle leaves out, and never builds, those it does not use (ADR 0039).
import * as z from "zod";
import { charLength, wordsOf } from "./normalize.ts";

/** Each kind is also the desk item's `entity` it is derived from: the indexer's event filter is built from this list. */
export const SEARCH_KINDS = [
  "state",
  "organization",
  "contact",
  "assistance-request",
  "wave",
  "template",
  "submission",
] as const;
export const searchKindSchema = /* @__PURE__ */ (() => z.enum(SEARCH_KINDS))();
export type SearchKind = z.infer<typeof searchKindSchema>;

/** Kinds only the secretariat may find: contacts carry personal data (names, addresses). */
export const SECRETARIAT_KINDS: readonly SearchKind[] = ["contact"];

export const MIN_QUERY_CHARS = 2;
export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 50;

/** A query is usable when, folded, one of its words has two characters or more: that word is looked up. */
const queryTextSchema = /* @__PURE__ */ z
  .string()
  .max(200)
  .refine((q) => wordsOf(q).some((word) => charLength(word) >= MIN_QUERY_CHARS), {
    message: `must have a word of at least ${MIN_QUERY_CHARS} letters or digits`,
  })
  .describe(
    "What to look for: the start of any word of a name, code, e-mail, document symbol (an assistance request's, a " +
      "received document's) or id; a State also by its former UN names and common English names (Turkey, UK); case, " +
      'accents and a leading "the" ignored',
  );

const kindsSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .transform((value, ctx) => {
      const kinds = value.split(",").map((kind) => kind.trim());
      const unknown = kinds.filter((kind) => !searchKindSchema.safeParse(kind).success);
      if (unknown.length) {
        ctx.addIssue({
          code: "custom",
          message: `unknown kind ${unknown.join(", ")}; one of ${SEARCH_KINDS.join(", ")}`,
        });
        return z.NEVER;
      }
      return [...new Set(kinds)] as SearchKind[];
    })
    .describe(
      `Comma-separated kinds to search (default: all you may read): ${SEARCH_KINDS.join(", ")}; submission is a ` +
        "document received from a State (national report, additional information, ...), found by its symbol",
    ))();

export const searchQuerySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    q: queryTextSchema,
    kinds: kindsSchema.optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(MAX_SEARCH_LIMIT)
      .optional()
      .describe(`Results per kind, 1-${MAX_SEARCH_LIMIT} (default ${DEFAULT_SEARCH_LIMIT})`),
  }))();

export const searchHitSchema = /* @__PURE__ */ z
  .object({
    kind: searchKindSchema,
    id: z.string(),
    label: z
      .string()
      .describe("What the record is called: a State's or contact's name, a request's or received document's symbol"),
    detail: z
      .string()
      .optional()
      .describe("A second line: a code, an owner, a status; a submission's State code, kind and day received"),
    active: z.boolean().optional().describe("Contacts: false once deactivated; organizations: false once retired"),
    path: z.string().describe("Where the record is read in this API"),
  })
  .meta({ id: "SearchHit" });
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchResultSchema = /* @__PURE__ */ z
  .object({
    q: z.string(),
    groups: z
      .array(
        z.object({
          kind: searchKindSchema,
          items: z.array(searchHitSchema),
          more: z.boolean().describe("More records of this kind match: narrow the query or raise limit"),
        }),
      )
      .describe("One group per kind searched, in the order of `kinds`"),
  })
  .meta({ id: "SearchResult" });
export type SearchResult = z.infer<typeof searchResultSchema>;
