// The moves the console offers on a request's page are the API's: its lifecycle table, status by status.
import { describe, expect, it } from "vitest";
import { requestTransitions } from "#shared/assistance/workflow.ts";
import { REQUEST_MOVES } from "../../console/src/pages/assistance-moves.ts";

describe("the request moves the console offers", () => {
  it("are the API's legal moves from every status, in its order", () => {
    expect(REQUEST_MOVES).toEqual(requestTransitions);
  });
});
