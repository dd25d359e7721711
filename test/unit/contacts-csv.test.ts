import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { contactsToCsv, MAX_IMPORT_ROWS, parseContactCsv, restoreCell } from "#shared/contacts/csv.ts";
import { filterProblem } from "#shared/contacts/filters.ts";
import type { ContactView } from "#shared/contacts/schemas.ts";
import { Malformed } from "#shared/errors.ts";
import { neutralizeCell } from "#shared/spreadsheet-csv.ts";

const today = "2026-11-27";
const HEADER = "owner,role,name,email";

describe("reading an import file", () => {
  it("reads valid rows with their line numbers, normalizing owners and addresses", () => {
    const csv = `\uFEFF${HEADER},phone,language\r\nstate:fra,capital-poc, Robin Example ,Robin@Example.ORG,'+33 1 23 45 67 89,fr\r\n\r\nORG:IAEA,organization-poc,Sam Sample,sam@example.org,,\r\n`;
    const { rows, issues } = parseContactCsv(csv, today);
    expect(issues).toEqual([]);
    expect(rows).toEqual([
      {
        line: 2,
        owner: "STATE:FRA",
        role: "capital-poc",
        name: "Robin Example",
        email: "robin@example.org",
        title: undefined,
        agency: undefined,
        phone: "+33 1 23 45 67 89",
        language: "fr",
        designatedOn: undefined,
        lastVerifiedOn: undefined,
        stored: { id: undefined, active: undefined, emailStatus: undefined, deactivatedOn: undefined, demo: undefined },
      },
      expect.objectContaining({ line: 4, owner: "ORG:iaea", phone: null, language: undefined }),
    ]);
  });

  it("names line and column of every problem, and leaves those rows out", () => {
    const csv = [
      `${HEADER},designatedOn,lastVerifiedOn`,
      "STATE:FRA,capital-poc,A,a@example.org,2020-01-01,2019-12-31",
      "FRA,chief,,not-mail,2030-01-01,",
      "ORG:iaea,mission-poc,C,A@example.org,2003-01-01,2026-13-01",
      "STATE:DEU,capital-poc,D,d@example.org",
    ].join("\n");
    const { rows, issues } = parseContactCsv(csv, today);
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { path: "line 2, column lastVerifiedOn", message: "is before the designation date" },
      { path: "line 3, column owner", message: expect.stringContaining("STATE:<ISO 3166-1 alpha-3 code>") },
      { path: "line 3, column role", message: expect.stringContaining("capital-poc") },
      { path: "line 3, column name", message: "is required" },
      { path: "line 3, column email", message: "must be an e-mail address" },
      { path: "line 3, column designatedOn", message: "is in the future (today is 2026-11-27)" },
      {
        path: "line 4, column role",
        message: "mission-poc does not fit an organization; use organization-poc or provider-poc",
      },
      { path: "line 4, column email", message: "repeats the address on line 2; an address is one contact" },
      { path: "line 4, column designatedOn", message: "is before resolution 1540 was adopted on 2004-04-28" },
      { path: "line 4, column lastVerifiedOn", message: "must be a date as YYYY-MM-DD" },
      { path: "line 5", message: "has 4 fields; the header has 6" },
    ]);
  });

  it("counts lines as an editor does when a quoted cell spans lines", () => {
    const csv = `${HEADER},title\nSTATE:FRA,capital-poc,A,a@example.org,"two\nlines"\nSTATE:FRA,capital-poc,B,b@example.org,x\n`;
    const { issues } = parseContactCsv(csv, today);
    expect(issues).toEqual([{ path: "line 2, column title", message: "must be one line, without control characters" }]);
    expect(parseContactCsv(csv.replace("two\nlines", "ok"), today).rows.map((row) => row.line)).toEqual([2, 3]);
  });

  it("tells a blank cell (clear) from an absent column (keep)", () => {
    const withColumn = parseContactCsv(`${HEADER},title\nSTATE:FRA,capital-poc,A,a@example.org,\n`, today);
    expect(withColumn.rows[0]?.title).toBeNull();
    const without = parseContactCsv(`${HEADER}\nSTATE:FRA,capital-poc,A,a@example.org\n`, today);
    expect(without.rows[0]?.title).toBeUndefined();
  });

  it("checks the header: unknown, repeated and missing columns; the export's own columns are accepted", () => {
    expect(parseContactCsv("owner,role,name,mail,owner\n", today).issues).toEqual([
      { path: "line 1, column mail", message: expect.stringContaining("unknown column") },
      { path: "line 1, column owner", message: "the column appears twice" },
      { path: "line 1, column email", message: "missing required column" },
    ]);
    const exported = parseContactCsv(
      `id,${HEADER},emailStatus,stale,demo\n01J0000000000000000000000X,STATE:FRA,capital-poc,A,a@example.org,bounced,true,true\n`,
      today,
    );
    expect(exported.issues).toEqual([]);
    expect(exported.rows).toHaveLength(1);
    expect(exported.rows[0]?.stored).toMatchObject({
      id: "01J0000000000000000000000X",
      emailStatus: "bounced",
      demo: true,
    });
    expect(parseContactCsv("", today).issues[0]?.message).toContain("empty");
    expect(parseContactCsv(`${HEADER}\n`, today).issues).toEqual([{ path: "line 1", message: "the file has no rows" }]);
    const tooMany = `${HEADER}\n${"STATE:FRA,capital-poc,A,a@example.org\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(parseContactCsv(tooMany, today).issues[0]?.message).toContain(`at most ${MAX_IMPORT_ROWS}`);
  });

  it("checks the export's own columns, and lets a deactivated contact's row repeat an active one's address", () => {
    const csv = [
      `id,${HEADER},active,emailStatus`,
      "01J0000000000000000000000A,STATE:FRA,capital-poc,A,a@example.org,false,ok",
      "01J0000000000000000000000B,STATE:FRA,capital-poc,B,a@example.org,true,ok",
      "01J0000000000000000000000B,STATE:FRA,capital-poc,B,b@example.org,yes,lost",
      "not-an-id,STATE:FRA,capital-poc,C,a@example.org,,",
    ].join("\n");
    const { rows, issues } = parseContactCsv(csv, today);
    expect(rows.map((row) => row.line)).toEqual([2, 3]);
    expect(issues).toEqual([
      { path: "line 4, column active", message: "must be true or false" },
      { path: "line 4, column emailStatus", message: expect.stringContaining("bounced") },
      { path: "line 4, column id", message: "repeats the contact on line 3; a contact is one row" },
      { path: "line 5, column id", message: "is not a contact id" },
      { path: "line 5, column email", message: "repeats the address on line 3; an address is one contact" },
    ]);
  });

  it("refuses a file that is not CSV as malformed, naming line and column, and saying what to do", () => {
    const refusal = (csv: string) => {
      try {
        parseContactCsv(csv, today);
      } catch (error) {
        if (error instanceof Malformed) return error.issues;
      }
      throw new Error("not refused");
    };
    const quoting = 'put the whole cell in double quotes, and double each quote inside it ("")';
    expect(refusal(`${HEADER}\nSTATE:FRA,capital-poc,"A,a@example.org\n`)).toEqual([
      { path: "line 2, column name", message: `opens a quote that is never closed: close it, or ${quoting}` },
    ]);
    expect(refusal(`${HEADER}\nSTATE:MLI,capital-poc,=HYPERLINK("x","y"),a@example.org\n`)).toEqual([
      { path: "line 2, column name", message: `has a quote inside a cell not in quotes: ${quoting}` },
    ]);
    expect(refusal(`${HEADER}\nSTATE:MLI,capital-poc,"A"B,a@example.org\n`)).toEqual([
      { path: "line 2, column name", message: `has text after a cell's closing quote: ${quoting}` },
    ]);
  });

  it("tells a file whose columns are separated by semicolons so, once", () => {
    expect(parseContactCsv("owner;role;name;email\nSTATE:MLI;capital-poc;A;a@example.org\n", today).issues).toEqual([
      { path: "line 1", message: "the columns are separated by semicolons: use commas" },
    ]);
  });

  it("says the values a role, a language and an e-mail status take, not zod's words", () => {
    const { issues } = parseContactCsv(
      `${HEADER},language,emailStatus\nSTATE:MLI,chief,A,a@example.org,de,lost\n`,
      today,
    );
    expect(issues).toEqual([
      {
        path: "line 2, column role",
        message: "must be capital-poc, mission-poc, provider-poc, organization-poc or permanent-mission",
      },
      { path: "line 2, column emailStatus", message: "must be ok, bounced, complained or suppressed" },
      {
        path: "line 2, column language",
        message: "must be ar, zh, en, fr, ru or es, or blank for the owner's language",
      },
    ]);
  });

  it("reads a role, a language and an e-mail status in any case, as it reads an owner (audit 36)", () => {
    const { rows, issues } = parseContactCsv(
      `${HEADER},language,emailStatus\nstate:gmb, Capital-POC ,A,a@example.org, EN ,OK\n`,
      today,
    );
    expect(issues).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ owner: "STATE:GMB", role: "capital-poc", language: "en" })]);
    expect(rows[0]?.stored.emailStatus).toBe("ok");
  });

  it("refuses a name, title or agency a spreadsheet would run as a formula, at its cell", () => {
    const csv = [
      `${HEADER},title,agency,phone`,
      'STATE:MLI,capital-poc,"=HYPERLINK(""http://x"",""y"")",a@example.org,-1,@SUM(1),+223 20 22 00 00',
      "STATE:MLI,mission-poc,+Robin,b@example.org,- Adviser,Ministry,",
    ].join("\n");
    const { rows, issues } = parseContactCsv(csv, today);
    expect(rows).toEqual([]);
    const formula = (sign: string) =>
      `begins with "${sign}", so a spreadsheet would run it as a formula: write it without the "${sign}"`;
    expect(issues).toEqual([
      { path: "line 2, column name", message: formula("=") },
      { path: "line 2, column agency", message: formula("@") },
      { path: "line 3, column name", message: formula("+") },
      { path: "line 3, column title", message: formula("-") },
    ]);
  });
});

describe("formula neutralization", () => {
  it("prefixes a quote to cells a spreadsheet would run, and only to those", () => {
    for (const cell of ["=cmd()", "+SUM(A1)", "-2+3", "@SUM(1)", "\tx", "\rx"])
      expect(neutralizeCell(cell)).toBe(`'${cell}`);
    for (const cell of ["Robin", "a@example.org", "", "'quoted", " =x"]) expect(neutralizeCell(cell)).toBe(cell);
    expect(restoreCell("'=cmd()")).toBe("=cmd()");
    expect(restoreCell("'quoted")).toBe("'quoted");
  });

  it("writes every cell of an export neutralized, with a header and CRLF", () => {
    const contact: ContactView = {
      id: "01JA0000000000000000000000",
      owner: "STATE:FRA",
      role: "capital-poc",
      name: '=HYPERLINK("http://x","y")',
      title: "-1",
      agency: "@agency, with comma",
      email: "poc.fra@example.org",
      phone: "+33 1 23 45 67 89",
      language: "fr",
      designatedOn: "2020-01-01",
      lastVerifiedOn: "2026-06-01",
      emailStatus: "ok",
      active: true,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      stale: false,
    };
    const csv = contactsToCsv([contact]);
    expect(csv.startsWith("\uFEFFid,owner,role,name,")).toBe(true);
    expect(csv).toContain("\r\n");
    const [row] = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      name: '\'=HYPERLINK("http://x","y")',
      title: "'-1",
      agency: "'@agency, with comma",
      phone: "'+33 1 23 45 67 89",
      active: "true",
      demo: "",
    });
    // Sent back, the export reads as the original values: a number and a phone are taken, formulas refused.
    const reread = parseContactCsv(csv, "2026-11-27");
    expect(reread.issues.map((issue) => issue.path)).toEqual(["line 2, column name", "line 2, column agency"]);
    const harmless = parseContactCsv(contactsToCsv([{ ...contact, name: "Robin", agency: "Agency" }]), "2026-11-27");
    expect(harmless.rows[0]).toMatchObject({ name: "Robin", title: "-1", phone: contact.phone });
  });
});

describe("list filters", () => {
  it("allow any filter with an owner, and one index filter without", () => {
    expect(filterProblem({ owner: "STATE:FRA", role: "capital-poc", emailStatus: "ok", stale: true })).toBeUndefined();
    expect(filterProblem({ role: "capital-poc", active: true })).toBeUndefined();
    expect(filterProblem({ stale: true })).toBeUndefined();
    expect(filterProblem({})).toBeUndefined();
    expect(filterProblem({ role: "capital-poc", stale: true })).toMatchObject({ path: "stale" });
    expect(filterProblem({ emailStatus: "ok", role: "mission-poc" })?.message).toContain("without owner");
    expect(filterProblem({ owner: "STATE:FRA", stale: true, active: false })).toMatchObject({ path: "stale" });
  });
});
