// The fields a person changed after a form's refusal, in Node (ui/changed-fields.ts): a field changed since shows its
// problem no more while the others keep theirs; the next refusal, even in the same words, shows them all again; the
// problem above the fields stays until the next press, except the console's own "nothing to save".
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  fieldChanged,
  fieldStillRefused,
  formStillRefused,
  NONE_CHANGED,
  NOTHING_CHANGED_TYPE,
} from "../../console/src/ui/changed-fields.ts";

type Problem = components["schemas"]["Problem"];

const twoFields = (): Problem => ({
  type: "/problems/validation",
  title: "Invalid request",
  status: 422,
  errors: [
    { path: "body.receivedOn", message: "Not a date" },
    { path: "body.symbol", message: "Required" },
  ],
});

describe("the fields changed after a refusal", () => {
  it("leaves every field refused until one changes", () => {
    const refusal = twoFields();
    expect(fieldStillRefused(NONE_CHANGED, refusal, "receivedOn")).toBe(true);
    expect(fieldStillRefused(NONE_CHANGED, refusal, "symbol")).toBe(true);
  });

  it("takes the refusal from the field changed alone", () => {
    const refusal = twoFields();
    const changed = fieldChanged(NONE_CHANGED, refusal, "receivedOn");
    expect(fieldStillRefused(changed, refusal, "receivedOn")).toBe(false);
    expect(fieldStillRefused(changed, refusal, "symbol")).toBe(true);
  });

  it("counts a field once per refusal, however many keys are pressed in it", () => {
    const refusal = twoFields();
    const changed = fieldChanged(NONE_CHANGED, refusal, "symbol");
    expect(fieldChanged(changed, refusal, "symbol")).toBe(changed);
    expect(fieldChanged(changed, refusal, "receivedOn").ids).toEqual(new Set(["symbol", "receivedOn"]));
  });

  it("shows a field's problem again with the next refusal, though its words are the same", () => {
    const first = twoFields();
    const changed = fieldChanged(NONE_CHANGED, first, "receivedOn");
    const second = twoFields();
    expect(fieldStillRefused(changed, second, "receivedOn")).toBe(true);
    // A change after the second refusal counts for it alone.
    const again = fieldChanged(changed, second, "symbol");
    expect(again.ids).toEqual(new Set(["symbol"]));
    expect(fieldStillRefused(again, second, "receivedOn")).toBe(true);
  });

  it("counts no change while no refusal stands", () => {
    expect(fieldChanged(NONE_CHANGED, undefined, "symbol")).toBe(NONE_CHANGED);
    expect(fieldStillRefused(NONE_CHANGED, undefined, "symbol")).toBe(true);
  });
});

describe("the problem no field shows", () => {
  it("stays after a field changes: a conflict speaks of the press as a whole", () => {
    const conflict: Problem = { type: "/problems/conflict", title: "Conflict", status: 409, detail: "Moved meanwhile" };
    expect(formStillRefused(fieldChanged(NONE_CHANGED, conflict, "note"), conflict)).toBe(true);
  });

  it("goes once anything changed after the console's own 'nothing to save'", () => {
    const nothing: Problem = { type: NOTHING_CHANGED_TYPE, title: "Nothing to correct", status: 0 };
    expect(formStillRefused(NONE_CHANGED, nothing)).toBe(true);
    expect(formStillRefused(fieldChanged(NONE_CHANGED, nothing, "email"), nothing)).toBe(false);
    // Said again at the next press that changes nothing.
    const again: Problem = { ...nothing };
    expect(formStillRefused(fieldChanged(NONE_CHANGED, nothing, "email"), again)).toBe(true);
  });
});
