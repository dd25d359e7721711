// A request's field issues in words (shared/zod-words.ts), as the route's parse gives them (shared/http/route.ts): what
// the console's forms show at the field, where zod's own words ("Too small: expected string to have >=3 characters")
// reached them. A schema's own message still wins; an issue without words here keeps zod's.

import { describe, expect, it } from "vitest";
import * as z from "zod";
import { plainWords } from "#shared/zod-words.ts";

const said = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input, { error: plainWords }).error?.issues ?? []).map(({ path, message }) => [
    path.join("."),
    message,
  ]);

describe("a request's field issues in words", () => {
  it("say what is missing, what type is due, and the bounds of a text, a list and a number", () => {
    const body = z.strictObject({
      note: z.string().min(3),
      symbol: z.string().min(1),
      code: z.string().length(3),
      areas: z.array(z.string()).min(1),
      count: z.number().int().positive(),
      tries: z.number().max(5),
    });
    expect(said(body, { note: "ab", symbol: "", code: "ABCD", areas: [], count: 0, tries: 6 })).toEqual([
      ["note", "must be at least 3 characters"],
      ["symbol", "must not be empty"],
      ["code", "must be exactly 3 characters"],
      ["areas", "must be at least 1 item"],
      ["count", "must be more than 0"],
      ["tries", "must be at most 5"],
    ]);
    expect(said(body, { note: 7 })[0]).toEqual(["note", "must be text"]);
    expect(said(body, {})[0]).toEqual(["note", "is required"]);
  });

  it("name a date's and an e-mail's form, the options allowed, and an unknown field", () => {
    const body = z.strictObject({
      receivedOn: z.iso.date(),
      email: z.email(),
      kind: z.enum(["first-report", "action-plan"]),
    });
    expect(said(body, { receivedOn: "12/06/2026", email: "nobody", kind: "report", colour: "red" })).toEqual([
      ["receivedOn", "must be a date, YYYY-MM-DD"],
      ["email", "must be an e-mail address"],
      ["kind", 'must be one of "first-report", "action-plan"'],
      ["", 'unknown field "colour"'],
    ]);
  });

  it("leave a schema's own message, and an issue they have no words for, as they were", () => {
    expect(said(z.string().min(3, "say why, in at least 3 characters"), "ab")).toEqual([
      ["", "say why, in at least 3 characters"],
    ]);
    expect(said(z.string().regex(/^S\//), "X")).toEqual([["", "Invalid string: must match pattern /^S\\//"]]);
  });
});
