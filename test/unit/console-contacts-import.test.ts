// The contacts import page's pure part: the API's problems put back beside the rows they name.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import { fileProblems, problemsByRow, stateOfOwner } from "../../console/src/pages/contacts-import-rows.ts";

const csv = [
  "owner,role,name,email",
  "STATE:FRA,capital-poc,A. Martin,a.martin@example.org",
  "STATE:XXX,capital-poc,B. Nobody,not-an-address",
  "STATE:MLI,capital-poc,C. Traoré,c.traore@example.org",
].join("\r\n");

const refusal = (errors: { path: string; message: string }[]): components["schemas"]["Problem"] => ({
  type: "about:blank",
  title: "Unprocessable Content",
  status: 422,
  detail: "The file has problems; nothing was imported",
  errors,
});

describe("the import's problems beside their rows", () => {
  it("groups each problem under the row it names, as written, in file order", () => {
    const problem = refusal([
      { path: "line 4", message: "has 3 fields; the header has 4" },
      { path: "line 3, column email", message: "must be an e-mail address" },
      { path: "line 3, column owner", message: "no Member State XXX" },
    ]);
    expect(problemsByRow(problem, csv)).toEqual([
      {
        line: 3,
        text: "STATE:XXX,capital-poc,B. Nobody,not-an-address",
        problems: [
          { column: "email", message: "must be an e-mail address" },
          { column: "owner", message: "no Member State XXX" },
        ],
      },
      {
        line: 4,
        text: "STATE:MLI,capital-poc,C. Traoré,c.traore@example.org",
        problems: [{ message: "has 3 fields; the header has 4" }],
      },
    ]);
    expect(fileProblems(problem)).toEqual([]);
  });

  it("keeps with the file what names no line", () => {
    const problem = refusal([{ path: "body", message: "send the CSV file as the body" }]);
    expect(problemsByRow(problem, csv)).toEqual([]);
    expect(fileProblems(problem)).toEqual([{ path: "body", message: "send the CSV file as the body" }]);
    expect(problemsByRow(undefined, csv)).toEqual([]);
  });

  it("links a State's contact to the State's page, not an organization's", () => {
    expect(stateOfOwner("STATE:fra")).toBe("FRA");
    expect(stateOfOwner("ORG:iaea")).toBeUndefined();
  });
});
