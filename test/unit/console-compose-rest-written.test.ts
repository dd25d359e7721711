// The composer opened as the rest of a halted wave whose rest already stands (audit 33, item 7): it names and links
// that rest in place of the form; a cancelled rest, or a draft past its send time, stands no more. A colleague's rest
// made a second before the officer's Create is said above the form in the API's own words, without HTTP's title.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { briefingNamed, pathsKnown, pathsShown } from "../../console/src/pages/correspondence/compose-fields.ts";
import { aboveTheFields } from "../../console/src/pages/correspondence/compose-problem.ts";
import { restAlreadyWritten, restWrittenWords } from "../../console/src/pages/correspondence/compose-rest-written.ts";

type Wave = components["schemas"]["Wave"];

const wave = (id: string, status: string, restOf: string | undefined, sendInstant: string) =>
  ({
    id,
    status,
    restOf,
    description: `audit33 ${id}`,
    audience: "all-states",
    createdAt: "2026-12-06T22:00:00.000Z",
    updatedAt: "2026-12-06T22:00:00.000Z",
    sendInstant,
  }) as Wave;

const now = new Date("2026-12-06T23:00:00Z");
const later = "2026-12-07T09:00:00.000Z";
const earlier = "2026-12-06T22:30:00.000Z";

describe("the composer of a rest already written", () => {
  it("names the halted wave and its rest, with the rest's status, in place of the form", () => {
    const waves = [wave("fu3", "halted", undefined, earlier), wave("X", "scheduled", "fu3", later)];
    const written = restAlreadyWritten("fu3", waves, now);
    if (!written) throw new Error("fu3's rest X stands");
    expect(written.rest.id).toBe("X");
    const { before, after } = restWrittenWords(written);
    expect(`${before}“audit33 X”${after}`).toBe(
      "The rest of “audit33 fu3” is already written: “audit33 X” (scheduled). Open it: a wave has one rest, " +
        "and a second would write to the same States and organizations again.",
    );
  });

  it("offers the form while no rest stands: none, a cancelled one, or a draft whose send time has passed", () => {
    const halted = wave("fu3", "halted", undefined, earlier);
    expect(restAlreadyWritten("fu3", [halted], now)).toBeUndefined();
    expect(restAlreadyWritten("fu3", [halted, wave("X", "cancelled", "fu3", later)], now)).toBeUndefined();
    expect(restAlreadyWritten("fu3", [halted, wave("X", "draft", "fu3", earlier)], now)).toBeUndefined();
    expect(restAlreadyWritten("fu3", [halted, wave("X", "draft", "fu3", later)], now)?.rest.status).toBe("draft");
  });
});

describe("a rest refused because a colleague has just written it", () => {
  it("is said above the form in the issue's words, without HTTP's title or the field's name", () => {
    const problem = {
      type: "about:blank",
      title: "Unprocessable content",
      detail: "The wave cannot be created",
      status: 422,
      errors: [
        {
          path: "body.restOf",
          message: "“audit33 R1” already has its rest, “audit33 R2B” (draft, made 2026-12-06 22:49 UTC): open it",
        },
      ],
    };
    const shown = pathsShown(briefingNamed(undefined), "one");
    expect(aboveTheFields(problem, shown, undefined, pathsKnown(shown, true))).toBe(
      "“audit33 R1” already has its rest, “audit33 R2B” (draft, made 2026-12-06 22:49 UTC): open it.",
    );
    // Beside an error at a field the form does not know, that one is still said in full.
    const both = { ...problem, errors: [...problem.errors, { path: "body.values.x", message: "unknown" }] };
    expect(aboveTheFields(both, shown, undefined, pathsKnown(shown, true))).toBe(
      "“audit33 R1” already has its rest, “audit33 R2B” (draft, made 2026-12-06 22:49 UTC): open it. " +
        "Unprocessable content: The wave cannot be created (values.x: unknown)",
    );
  });
});
