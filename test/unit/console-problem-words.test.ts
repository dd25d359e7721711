// The console's words for the API's refusals, in Node: the field errors a reading's problem names are said (the States
// search's "a"), and the API's 412 is said plainly rather than in ETags; the console's own stale refusals keep theirs.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { problemInFull, problemWords, STALE_WORDS } from "../../console/src/ui/problem-words.ts";
import { Conflict, Malformed, PreconditionFailed } from "../../shared/errors.ts";
import { toProblem } from "../../shared/http/problem.ts";
import { searchQuerySchema } from "../../shared/search/schemas.ts";
import { fieldIssuesOf } from "../../shared/zod-issues.ts";

type Problem = components["schemas"]["Problem"];

/** The problem document the API answers for `error`. */
const answered = (error: unknown): Problem => toProblem(error, "/search", "corr-1").problem;

/** The API's refusal of a search query, as the router makes it from the query's schema (shared/http/route.ts). */
function searchRefusal(query: Record<string, string>): Problem {
  const parsed = searchQuerySchema.safeParse(query);
  if (parsed.success) throw new Error(`the query ${JSON.stringify(query)} is valid`);
  return answered(new Malformed("The query string is not valid", fieldIssuesOf(parsed.error, "query")));
}

describe("a refusal's words", () => {
  it("says each field error a reading's problem names, by the field without the part of the request", () => {
    expect(problemInFull(searchRefusal({ q: "a" }))).toBe(
      "Malformed request: The query string is not valid (q: must have a word of at least 2 letters or digits)",
    );
  });

  it("says every field error, and only the title and detail when there is none", () => {
    const two = searchRefusal({ q: "a", kinds: "planet" });
    expect(problemInFull(two)).toMatch(/\(q: must have a word .+; kinds: unknown kind planet; one of state, /);
    // The API's 409 is said by its detail alone: "Conflict" is HTTP's word, not the officer's.
    expect(problemInFull(answered(new Conflict("Symbol S/1 is already used")))).toBe("Symbol S/1 is already used");
  });

  it("keeps the field errors out of the one line a page that shows them itself reads", () => {
    expect(problemWords(searchRefusal({ q: "a" }))).toBe("Malformed request: The query string is not valid");
  });

  it("says the API's stale-write refusal plainly, without versions or ETags", () => {
    for (const stale of [
      new PreconditionFailed("Submission 01K", 5, 3),
      new PreconditionFailed("Organization X", 3, 9),
    ]) {
      const problem = answered(stale);
      expect(problem.detail).toMatch(/ETag/);
      expect(problemWords(problem)).toBe(STALE_WORDS);
      expect(problemInFull(problem)).toBe("Someone else changed this since you opened it");
    }
  });

  it("keeps the words of the console's own stale refusals, which are written for people", () => {
    const listed: Problem = {
      type: "about:blank",
      title: "Changed since listed",
      status: 412,
      detail: "A. Martin's details changed since this list was read: read them again and check them",
    };
    expect(problemWords(listed)).toBe(
      "Changed since listed: A. Martin's details changed since this list was read: read them again and check them",
    );
  });
});
