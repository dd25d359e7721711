// The move a request's "Move the request" form and a match's "Move to" stand for, in Node (audit 35, item 14): none
// until the person chooses one, so that a final move (a circulated request's withdrawal, an accepted match's delivery,
// each offered first) is never recorded by a press of the button alone; a choice stands while it is offered, and none
// is put in place of one the form offers no more.
import { describe, expect, it } from "vitest";
import { finalRequestStatuses, matchTransitions } from "#shared/assistance/transitions.ts";
import {
  chosenMove,
  moveChoices,
  noMoveChosen,
  requestMoveButtonWords,
} from "../../console/src/pages/assistance-move-choice.ts";
import { REQUEST_STATUS_WORDS } from "../../console/src/pages/assistance-words.ts";

describe("the move a request's form stands for", () => {
  it("chooses nothing for the person, not even the only move offered, a final one", () => {
    expect(finalRequestStatuses).toContain("withdrawn");
    expect(chosenMove(["withdrawn"], "")).toBeUndefined();
    expect(chosenMove(["consent-window", "withdrawn"], "")).toBeUndefined();
    expect(requestMoveButtonWords(undefined)).toBe("Move the request");
  });

  it("opens on an empty 'Choose a move', then the moves offered in words", () => {
    expect(moveChoices(["withdrawn", "closed-unmet"], (status) => REQUEST_STATUS_WORDS[status])).toEqual([
      ["", "Choose a move"],
      ["withdrawn", "withdrawn"],
      ["closed-unmet", "closed unmet"],
    ]);
  });

  it("keeps the move chosen while it is offered, and its button says what it does", () => {
    const to = chosenMove(["circulated", "withdrawn"], "withdrawn");
    expect(to).toBe("withdrawn");
    expect(requestMoveButtonWords(to)).toBe("Record the withdrawal");
  });

  it("puts no other move in place of one the day of the move withholds", () => {
    expect(chosenMove(["withdrawn"], "circulated")).toBeUndefined();
  });

  it("refuses the form at the move's field until a move is chosen, as the API words a 422", () => {
    expect(noMoveChosen("request")).toMatchObject({
      status: 422,
      errors: [{ path: "body.to", message: "Choose a move: the request stays as it is until you do." }],
    });
  });
});

describe("the move a match's form stands for", () => {
  it("chooses nothing for an accepted match, whose first move, delivered, is final", () => {
    const offered = matchTransitions.accepted;
    expect(offered[0]).toBe("delivered");
    expect(matchTransitions.delivered).toEqual([]);
    expect(chosenMove(offered, "")).toBeUndefined();
    expect(moveChoices(offered, (status) => status)).toEqual([
      ["", "Choose a move"],
      ["delivered", "delivered"],
      ["declined", "declined"],
    ]);
  });

  it("keeps the move chosen while the match's status offers it, and no other in its place", () => {
    expect(chosenMove(matchTransitions.proposed, "accepted")).toBe("accepted");
    // The match read again as accepted: a choice of "accepted" made on the proposal is no move of it.
    expect(chosenMove(matchTransitions.accepted, "accepted")).toBeUndefined();
  });

  it("refuses the form at the move's field until a move is chosen, naming the match", () => {
    expect(noMoveChosen("match")).toMatchObject({
      status: 422,
      errors: [{ path: "body.to", message: "Choose a move: the match stays as it is until you do." }],
    });
  });
});
