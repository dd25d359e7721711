// If-Match names one of our ETags or is malformed: a value etagOf could never have written is refused with 400, never
// passed on to a store (a number past the safe integers made DynamoDB's marshaller fail with a 500).
import { describe, expect, it } from "vitest";
import { Malformed } from "#shared/errors.ts";
import { etagOf, versionFromIfMatch } from "#shared/versioning.ts";

describe("versionFromIfMatch", () => {
  it.each([0, 3, Number.MAX_SAFE_INTEGER])("reads back the version of the ETag %s wrote", (version) => {
    expect(versionFromIfMatch(etagOf(version))).toBe(version);
    expect(versionFromIfMatch(` ${etagOf(version)} `)).toBe(version);
  });

  it.each([
    ['"99999999999999999999999"', "past the safe integers"],
    [`"${Number.MAX_SAFE_INTEGER + 1}"`, "one past the largest safe integer"],
    ['"03"', "a leading zero"],
    ['"-1"', "a negative number"],
    ['"1.5"', "a fraction"],
    ['W/"3"', "a weak validator"],
    ["*", "a wildcard"],
    ["3", "unquoted"],
    ['"3", "4"', "a list"],
    ['"abc"', "not a number"],
  ])("refuses %s (%s) as malformed, naming the header", (header) => {
    expect(() => versionFromIfMatch(header)).toThrow(Malformed);
    try {
      versionFromIfMatch(header);
    } catch (error) {
      expect((error as Malformed).issues).toEqual([{ path: "headers.if-match", message: "expected one strong ETag" }]);
    }
  });
});
