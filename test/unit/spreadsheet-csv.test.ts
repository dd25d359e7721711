// The CSV every export writes: a BOM, CRLF, a header, and formula-like cells neutralized where an export asks.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeCell, spreadsheetCsv } from "#shared/spreadsheet-csv.ts";

describe("spreadsheet CSV", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["Kenya", "Kenya"],
    ["2026-01-05", "2026-01-05"],
    ["a=b", "a=b"],
    ["", ""],
  ])("neutralizes %j as %j", (cell, expected) => {
    expect(neutralizeCell(cell)).toBe(expected);
  });

  it("writes a BOM, a header and CRLF records that read back as written, non-Latin names included", () => {
    const csv = spreadsheetCsv(
      ["iso3", "name"],
      [
        ["TUR", "Türkiye"],
        ["CIV", 'Côte d\'Ivoire, "RCI"'],
      ],
    );
    expect(csv).toBe('\uFEFFiso3,name\r\nTUR,Türkiye\r\nCIV,"Côte d\'Ivoire, ""RCI"""\r\n');
    expect(parse(csv, { bom: true, columns: true })).toEqual([
      { iso3: "TUR", name: "Türkiye" },
      { iso3: "CIV", name: 'Côte d\'Ivoire, "RCI"' },
    ]);
  });
});
