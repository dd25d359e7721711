// The rule for a day given for something that happened: not after the desk's today, not before its earliest day.
import { describe, expect, it } from "vitest";
import { checkDayOfMove } from "#shared/clock.ts";
import { Invalid } from "#shared/errors.ts";

const refusalOf = (check: () => void): Invalid => {
  try {
    check();
  } catch (error) {
    if (error instanceof Invalid) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("checkDayOfMove", () => {
  it("refuses a move at body.on, before the previous step or after today", () => {
    const early = refusalOf(() => checkDayOfMove("2026-03-03", { today: "2026-03-20", previous: "2026-03-04" }));
    expect(early.message).toBe("The date of the move is not possible");
    expect(early.issues).toEqual([{ path: "body.on", message: "is before the previous step on 2026-03-04" }]);
    const late = refusalOf(() => checkDayOfMove("2026-03-21", { today: "2026-03-20" }));
    expect(late.issues).toEqual([{ path: "body.on", message: "is in the future (today is 2026-03-20)" }]);
    expect(() => checkDayOfMove("2026-03-04", { today: "2026-03-20", previous: "2026-03-04" })).not.toThrow();
  });

  it("refuses at the path it is given, naming the bound by what it is", () => {
    const early = refusalOf(() =>
      checkDayOfMove("2004-01-01", {
        today: "2026-03-20",
        previous: "2004-04-28",
        previousIs: "resolution 1540 was adopted",
        path: "body.receivedOn",
        refusal: "The received date is not possible",
      }),
    );
    expect(early.message).toBe("The received date is not possible");
    expect(early.issues).toEqual([
      { path: "body.receivedOn", message: "is before resolution 1540 was adopted on 2004-04-28" },
    ]);
  });
});
