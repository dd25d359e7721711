// The template page's preview refused for a missing value (audit 34, item 12): the deadline's problem is said at the
// Deadline field, a value the form does not offer in the alert under it, and a refusal naming no field whole.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { previewAlert, previewFieldProblem } from "../../console/src/pages/correspondence/template-preview-problem.ts";

type Problem = components["schemas"]["Problem"];

const refused = (errors: Problem["errors"]): Problem => ({
  type: "/problems/invalid",
  title: "Unprocessable content",
  status: 422,
  detail: "To preview this letter, give a deadline",
  errors,
});
const deadline = { path: "body.values.deadline", message: "Give a deadline to preview this letter" };
const chair = {
  path: "body.values.committee.chair",
  message: "Give the Committee Chair's name (none is configured for today) to preview this letter",
};

describe("a preview's refusal on the template page", () => {
  it("says a missing deadline at the Deadline field, and nothing again under the form", () => {
    const problem = refused([deadline]);
    expect(previewFieldProblem(problem, "deadline")).toBe("Give a deadline to preview this letter");
    expect(previewFieldProblem(problem, "iso3")).toBeUndefined();
    expect(previewAlert(problem)).toBeUndefined();
  });

  it("says under the form a missing value the form has no field for, beside the deadline at its field", () => {
    const problem = refused([deadline, chair]);
    expect(previewFieldProblem(problem, "deadline")).toBe("Give a deadline to preview this letter");
    expect(previewAlert(problem)).toBe(chair.message);
  });

  it("says a State's problem at the State's field, and a refusal naming no field whole", () => {
    const state = refused([{ path: "body.iso3", message: "Give a State to preview this letter" }]);
    expect(previewFieldProblem(state, "iso3")).toBe("Give a State to preview this letter");
    expect(previewAlert(state)).toBeUndefined();
    const unnamed: Problem = { type: "/problems/not-found", title: "Not found", status: 404, detail: "No template x" };
    expect(previewAlert(unnamed)).toBe("Not found: No template x");
    expect(previewAlert(undefined)).toBeUndefined();
  });
});
