// The programme page's adoption meeting a year a colleague adopted since the page read it (audit 30, item 8): said
// with who adopted it and when, from the year's trail, not in the lifecycle's words.
import { describe, expect, it } from "vitest";
import { programmeYearEntity as apiEntity } from "#shared/programme/keys.ts";
import type { components } from "../../console/src/api/schema";
import {
  adoptedMeanwhileWords,
  programmeYearTrailEntity,
} from "../../console/src/pages/programme-adopted-meanwhile.ts";

type AuditEntry = components["schemas"]["AuditEntry"];

const entry = (action: string, at: string): AuditEntry =>
  ({
    id: `e-${action}`,
    at,
    action,
    entity: { type: "programme", id: "2026" },
    actor: { kind: "user", id: "u-1", username: "j.officer", groups: ["secretariat"] },
  }) as AuditEntry;

describe("the adoption a colleague made first", () => {
  it("names who adopted the year and when, from the newest adoption in its trail", () => {
    const trail = [
      entry("programme.put", "2026-12-06T15:10:00.000Z"),
      entry("programme.adopt", "2026-12-06T15:02:40Z"),
    ];
    expect(adoptedMeanwhileWords(2026, trail)).toBe(
      "The 2026 programme was adopted by j.officer at 2026-12-06 15:02 UTC, after this page read it: it is the " +
        "Committee's programme of work.",
    );
  });

  it("says it was adopted already when the trail cannot be read or holds no adoption", () => {
    expect(adoptedMeanwhileWords(2026, [])).toBe(
      "The 2026 programme was adopted already: it is the Committee's programme of work.",
    );
  });

  it("reads the trail of the entity the API writes", () => {
    const { type, id } = apiEntity(2026);
    expect(programmeYearTrailEntity(2026)).toBe(`${type}:${id}`);
  });
});
