// The move a request's "Move the request" form stands for, in Node (audit 35, item 14): none until the person chooses
// one, so that a final move (a circulated request's withdrawal, first offered) is never recorded by a press of the
// button alone; a choice stands while the day of the move offers it, and none is put in place of one it withholds.
import { describe, expect, it } from "vitest";
import { finalRequestStatuses } from "#shared/assistance/transitions.ts";
import {
  chosenMove,
  moveButtonWords,
  moveChoices,
  NO_MOVE_CHOSEN,
} from "../../console/src/pages/assistance-request-move-choice.ts";

describe("the move a request's form stands for", () => {
  it("chooses nothing for the person, not even the only move offered, a final one", () => {
    expect(finalRequestStatuses).toContain("withdrawn");
    expect(chosenMove(["withdrawn"], "")).toBeUndefined();
    expect(chosenMove(["consent-window", "withdrawn"], "")).toBeUndefined();
    expect(moveButtonWords(undefined)).toBe("Move the request");
  });

  it("opens on an empty 'Choose a move', then the moves offered in words", () => {
    expect(moveChoices(["withdrawn", "closed-unmet"])).toEqual([
      ["", "Choose a move"],
      ["withdrawn", "withdrawn"],
      ["closed-unmet", "closed unmet"],
    ]);
  });

  it("keeps the move chosen while it is offered, and its button says what it does", () => {
    const to = chosenMove(["circulated", "withdrawn"], "withdrawn");
    expect(to).toBe("withdrawn");
    expect(moveButtonWords(to)).toBe("Record the withdrawal");
  });

  it("puts no other move in place of one the day of the move withholds", () => {
    expect(chosenMove(["withdrawn"], "circulated")).toBeUndefined();
  });

  it("refuses the form at the move's field until a move is chosen, as the API words a 422", () => {
    expect(NO_MOVE_CHOSEN).toMatchObject({
      status: 422,
      errors: [{ path: "body.to", message: "Choose a move: the request stays as it is until you do." }],
    });
  });
});
