// The contacts import page's pure part: the API's problems put back beside the rows they name.
import { describe, expect, it } from "vitest";
import type { components } from "../../console/src/api/schema";
import {
  fileProblems,
  importFileText,
  namesOnLines,
  problemsByRow,
  stateOfOwner,
} from "../../console/src/pages/contacts-import-rows.ts";

const FILE_NOT_UTF8 =
  "The file is not UTF-8 (line 4 has characters that could not be read, shown as \uFFFD): save it as CSV UTF-8, " +
  "or retype them";

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

  it("refuses a file that is not UTF-8 before sending it, in the API's words", () => {
    // What File.text() makes of a Latin-1 file and of a UTF-16 one: each byte it cannot read becomes U+FFFD.
    const latin1 = new TextDecoder().decode(Buffer.from(csv, "latin1"));
    expect(importFileText(latin1)).toEqual({ refusal: FILE_NOT_UTF8 });
    const utf16 = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, "utf16le")]),
    );
    expect(importFileText(utf16)).toEqual({ refusal: "The file is UTF-16: save it as CSV UTF-8" });
    expect(importFileText(csv)).toEqual({ csv });
  });

  it("names the contact of a line as the file gives it, quoted or not", () => {
    expect(namesOnLines(csv)(4)).toBe("C. Traoré");
    const quoted = '\uFEFFemail,"name",owner,role\n\na@example.org,"Martin, ""Alex""",STATE:FRA,capital-poc\n';
    expect(namesOnLines(quoted)(3)).toBe('Martin, "Alex"');
    expect(namesOnLines("owner,role\nSTATE:FRA,capital-poc")(2)).toBe("");
  });
});
