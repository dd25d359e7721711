// "Dispatch again" in staff's words (audit 33, item 8): the wave by its description, not its id, and when dispatch
// runs without the schedule's id.
import { describe, expect, it } from "vitest";
import { redispatchedWords, redispatchQuestion } from "../../console/src/pages/correspondence/wave-redispatch-words.ts";

const wave = {
  id: "01M96SB1Y215T784XAA36PASBK",
  description: "audit33 D1",
  audience: "all-states" as const,
  sendInstant: "2026-12-06T22:40:00.000Z",
};

describe("dispatching a wave again", () => {
  it("asks by the wave's description, else its audience and day in lower case, never its id", () => {
    expect(redispatchQuestion(wave)).toBe("Dispatch “audit33 D1” again?");
    const unnamed = redispatchQuestion({ ...wave, description: undefined });
    // In lower case mid-sentence, as it is no name (audit review).
    expect(unnamed).toBe("Dispatch wave to all Member States, 2026-12-06 again?");
    expect(unnamed).not.toContain(wave.id);
  });

  it("says when dispatch runs, without the schedule's id", () => {
    expect(redispatchedWords({ firesAt: "2026-12-06T23:03:00.000Z" })).toBe("Dispatch runs at 2026-12-06 23:03 UTC.");
  });
});
