// A 422's field issues from a schema's refusal: a union whose input's type picks a branch reports that branch's
// faults at their own paths (a venue in each language missing two languages names both).

import { describe, expect, it } from "vitest";
import * as z from "zod";
import { waveValuesSchema } from "#shared/templates/values.ts";
import { fieldIssuesOf } from "#shared/zod-issues.ts";

const issuesOf = (schema: z.ZodType, value: unknown, ...prefix: string[]) => {
  const result = schema.safeParse(value);
  if (result.success) throw new Error("expected a refusal");
  return fieldIssuesOf(result.error, ...prefix);
};

describe("fieldIssuesOf", () => {
  it("names each faulty language of a venue given in each language, not one 'Invalid input' at the venue", () => {
    const venue = { en: "Room 4", fr: "Salle 4", ar: " ", zh: "第4会议室", ru: "Зал 4" };
    expect(issuesOf(waveValuesSchema, { "briefing.venue": venue }, "body", "values")).toEqual([
      { path: "body.values.briefing.venue.ar", message: expect.stringContaining(">=1 characters") },
      {
        path: "body.values.briefing.venue.es",
        message: expect.stringContaining("give it in es too, or one text for all"),
      },
    ]);
  });

  it("gives a one-text venue's own fault at the venue", () => {
    expect(issuesOf(waveValuesSchema, { "briefing.venue": "x".repeat(301) })).toEqual([
      { path: "briefing.venue", message: expect.stringContaining("<=300 characters") },
    ]);
  });

  it("keeps the union's own issue when the input fits no branch's type", () => {
    expect(issuesOf(waveValuesSchema, { "briefing.venue": 4 }, "body")).toEqual([
      { path: "body.briefing.venue", message: "Invalid input" },
    ]);
  });

  it("keeps it too when the input's type fits more than one branch", () => {
    const either = z.union([z.string().min(5), z.string().email()]);
    expect(issuesOf(either, "abc")).toEqual([{ path: "", message: "Invalid input" }]);
  });

  it("flattens a union inside a union's branch, and leaves other issues as they are", () => {
    const nested = z.object({ a: z.union([z.number(), z.object({ b: z.union([z.number(), z.string().min(2)]) })]) });
    expect(issuesOf(nested, { a: { b: "x" } })).toEqual([{ path: "a.b", message: expect.stringContaining(">=2") }]);
    expect(issuesOf(nested, {})).toEqual([{ path: "a", message: "Invalid input" }]);
  });
});
