// What a request's field is refused for, in the words a secretariat officer reads at the field: zod's own ("Too small:
// expected string to have >=3 characters", "Invalid ISO date") reached the console's forms as they were. Used as the
// parse's error map for a request's parts (shared/http/route.ts), so a schema's own message still wins; an issue this
// map has no words for keeps zod's.
import type * as z from "zod";

type RawIssue = z.core.$ZodRawIssue;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  date: "a date",
  null: "null",
};

const FORMAT_WORDS: Readonly<Record<string, string>> = {
  date: "a date, YYYY-MM-DD",
  datetime: "a date and time, e.g. 2026-12-06T15:00:00Z",
  time: "a time, HH:MM",
  email: "an e-mail address",
  url: "a web address",
  uuid: "an identifier (UUID)",
  ulid: "an identifier (ULID)",
};

const plural = (count: number | bigint, one: string) => `${count} ${one}${count === 1 || count === 1n ? "" : "s"}`;

/** A bound in its unit: "3 characters", "1 item", or the number itself. */
function measure(origin: string, limit: number | bigint): string {
  if (origin === "string") return plural(limit, "character");
  if (origin === "array" || origin === "set") return plural(limit, "item");
  return String(limit);
}

/** "at least 3 characters", "exactly 3 characters", "more than 0": a size's or a number's bound, from below or above. */
function bound(
  issue: { origin: string; inclusive?: boolean; exact?: boolean },
  limit: number | bigint,
  below: boolean,
) {
  const size = measure(issue.origin, limit);
  if (issue.exact) return `exactly ${size}`;
  const counted = issue.origin === "string" || issue.origin === "array" || issue.origin === "set";
  if (issue.inclusive === false && !counted) return `${below ? "more" : "less"} than ${size}`;
  return `at ${below ? "least" : "most"} ${size}`;
}

const quoted = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

/** The words for a request's field issue, or undefined to keep zod's. */
export function plainWords(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return "is required";
      const expected = TYPE_WORDS[issue.expected];
      return expected && `must be ${expected}`;
    }
    case "too_small":
      if (issue.origin === "string" && issue.minimum === 1 && !issue.exact) return "must not be empty";
      return `must be ${bound(issue, issue.minimum, true)}`;
    case "too_big":
      return `must be ${bound(issue, issue.maximum, false)}`;
    case "invalid_format": {
      const format = FORMAT_WORDS[issue.format];
      return format && `must be ${format}`;
    }
    case "invalid_value":
      return issue.values.length === 1
        ? `must be ${quoted(issue.values[0])}`
        : `must be one of ${issue.values.map(quoted).join(", ")}`;
    case "unrecognized_keys":
      return `unknown ${issue.keys.length === 1 ? "field" : "fields"} ${issue.keys.map(quoted).join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${issue.divisor}`;
    default:
      return undefined;
  }
}
