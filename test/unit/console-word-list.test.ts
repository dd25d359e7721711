// The console's one way of listing words in a sentence (console/src/ui/word-list.ts).
import { describe, expect, it } from "vitest";
import { andList, orList } from "../../console/src/ui/word-list.ts";

describe("words listed in a sentence", () => {
  it("joins with commas and the last with 'and' or 'or', in British English: no comma before it", () => {
    expect(andList(["“H1”", "“R1”", "“R2”"])).toBe("“H1”, “R1” and “R2”");
    expect(orList(["bounced", "failed", "were skipped"])).toBe("bounced, failed or were skipped");
    expect(andList(["Chad", "Mali"])).toBe("Chad and Mali");
    expect(orList(["waves"])).toBe("waves");
    expect(andList([])).toBe("");
  });
});
