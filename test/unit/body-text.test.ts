// Human text in bodies: one line refuses every control character, free text keeps TAB, LF and CR and refuses the
// rest; routes that take them answer 422 at the field and touch nothing.
import { Logger } from "@aws-lambda-powertools/logger";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";
import type { APIGatewayProxyStructuredResultV2 } from "aws-lambda";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import * as z from "zod";
import { fixedClock } from "#shared/clock.ts";
import { parseContactCsv } from "#shared/contacts/csv.ts";
import { freeText, oneLine, textProblem } from "#shared/http/body-text.ts";
import { newSubmissionSchema, submissionSchema } from "#shared/reporting/schemas.ts";
import { assertValidTemplate } from "#shared/templates/rules.ts";
import { templateSchema } from "#shared/templates/schemas.ts";
import { createApiHandler } from "../../functions/api/app.ts";
import { apiEvent, lambdaContext } from "../support/api-event.ts";

const controls = ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u0008", "\u000b", "\u000c"];

describe("records stored before the rule", () => {
  it("still read, while the same text is refused as input", () => {
    const note = "received\u0000by hand";
    const submission = { kind: "first-report", receivedOn: "2026-11-02", symbol: "S/AC.44/2026/9", language: "en" };
    expect(newSubmissionSchema.safeParse({ ...submission, note }).success).toBe(false);
    const stored = { ...submission, id: "s1", iso3: "KEN", note, recordedAt: "2026-11-02T10:00:00.000Z" };
    expect(submissionSchema.parse({ ...stored, recordedBy: "x", updatedAt: stored.recordedAt }).note).toBe(note);
    const variants = { en: { subject: "Ring\u0007", text: "Dear colleague", html: "<p>Dear colleague</p>" } };
    const at = "2026-11-02T10:00:00.000Z";
    expect(
      templateSchema.parse({ id: "t", kind: "other", variants, createdAt: at, updatedAt: at }).variants.en?.subject,
    ).toBe("Ring\u0007");
    expect(() => assertValidTemplate({ variants, fallbackLanguage: "en" })).toThrow("cannot be saved");
  });
});

describe("oneLine", () => {
  const name = oneLine(z.string().trim().min(1).max(200));

  it("takes text in any script, and trims it as its own schema says", () => {
    for (const text of ["Organisation du Traité", "منظمة حظر الأسلحة الكيميائية", "  IAEA  "]) {
      expect(name.safeParse(text).success, text).toBe(true);
    }
    expect(name.parse("  IAEA  ")).toBe("IAEA");
  });

  it.each([...controls, "\t", "\n", "\r", "\u2028", "\u2029"].map((control) => [JSON.stringify(control), control]))(
    "refuses %s inside the text",
    (_, control) => {
      const result = name.safeParse(`Acting${control}Chair`);
      expect(result.error?.issues[0]?.message).toBe("must be one line, without control characters");
    },
  );
});

describe("oneLine and bidirectional formatting", () => {
  const name = oneLine(z.string().trim().min(1).max(200));
  const bidi = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

  it.each(bidi.map((mark) => [`U+${mark.codePointAt(0)?.toString(16).toUpperCase()}`, mark]))(
    "refuses %s, which reorders how the rest of the line displays",
    (_, mark) => {
      const result = name.safeParse(`Ministry of ${mark}Foreign Affairs`);
      expect(result.error?.issues[0]?.message).toMatch(/bidirectional embedding, override or isolate/);
      expect(textProblem(`Ministry of ${mark}Foreign Affairs`, "one line")).toMatch(/bidirectional/);
    },
  );

  it("keeps the marks and joiners names in Arabic and Persian need", () => {
    for (const text of ["وزارة\u200fالخارجية", "می\u200cخواهم", "Ministry\u200e of", "क्ष\u200d"]) {
      expect(name.safeParse(text).success, JSON.stringify(text)).toBe(true);
      expect(textProblem(text, "one line")).toBeUndefined();
    }
  });
});

describe("oneLine and characters that print as nothing", () => {
  const name = oneLine(z.string().trim().min(1).max(200));
  const invisible = [
    ["U+00AD SOFT HYPHEN", "\u00ad"],
    ["U+180E MONGOLIAN VOWEL SEPARATOR", "\u180e"],
    ["U+200B ZERO WIDTH SPACE", "\u200b"],
    ["U+2060 WORD JOINER", "\u2060"],
    ["U+2061 FUNCTION APPLICATION", "\u2061"],
    ["U+2062 INVISIBLE TIMES", "\u2062"],
    ["U+2063 INVISIBLE SEPARATOR", "\u2063"],
    ["U+2064 INVISIBLE PLUS", "\u2064"],
    ["U+FEFF ZERO WIDTH NO-BREAK SPACE", "\ufeff"],
    ["U+034F COMBINING GRAPHEME JOINER", "\u034f"],
    ["U+115F HANGUL CHOSEONG FILLER", "\u115f"],
    ["U+1160 HANGUL JUNGSEONG FILLER", "\u1160"],
    ["U+3164 HANGUL FILLER", "\u3164"],
    ["U+FFA0 HALFWIDTH HANGUL FILLER", "\uffa0"],
    ["U+206A INHIBIT SYMMETRIC SWAPPING", "\u206a"],
    ["U+206F NOMINAL DIGIT SHAPES", "\u206f"],
    ["U+E0001 TAG CHARACTER", "\u{e0001}"],
    ["U+E0041 TAG CHARACTER", "\u{e0041}"],
  ];

  it.each(invisible)("refuses %s inside a name, naming it", (label, character) => {
    const text = `Ministry of ${character}Foreign Affairs`;
    expect(name.safeParse(text).error?.issues.map((issue) => issue.message)).toEqual([
      `contains an invisible character (${label})`,
    ]);
    expect(textProblem(text, "one line")).toBe(`contains an invisible character (${label})`);
  });

  it("refuses a name that is nothing but an invisible character", () => {
    expect(name.safeParse("\u200b").success).toBe(false);
    expect(name.safeParse("\u3164").success).toBe(false);
  });

  it("keeps Hangul names and the ideographic variation selectors Japanese names may carry", () => {
    for (const text of ["외교부", "한국", "\u8fbb\u{e0100}"]) {
      expect(name.safeParse(text).success, JSON.stringify(text)).toBe(true);
    }
  });

  it("lets the field's own trimming take a byte order mark off either end, as it does any space", () => {
    expect(name.parse("\ufeffIAEA\ufeff")).toBe("IAEA");
  });

  it("keeps a letter's body free to hyphenate softly and join words", () => {
    const body = "Nichtverbreitungs\u00adverpflichtungen\u2060: 1540\u200b(2004)";
    expect(freeText(z.string()).parse(body)).toBe(body);
    expect(textProblem(body, "free text")).toBeUndefined();
  });

  it("refuses a template's subject with one, and keeps its text's soft hyphens", () => {
    const variants = {
      en: { subject: "First\u200b report", text: "non\u00adproliferation", html: "<p>non&shy;proliferation</p>" },
    };
    expect(() => assertValidTemplate({ variants, fallbackLanguage: "en" })).toThrow(
      expect.objectContaining({
        issues: [
          { path: "body.variants.en.subject", message: "contains an invisible character (U+200B ZERO WIDTH SPACE)" },
        ],
      }),
    );
  });

  it("refuses one in an imported contact's name at its line and column, and still reads the file's own BOM", () => {
    const csv =
      "\ufeffowner,role,name,email,title\nSTATE:FRA,capital-poc,Robin\u200bExample,robin@example.org,Director\u2060\n";
    const { rows, issues } = parseContactCsv(csv, "2026-11-27");
    expect(rows).toEqual([]);
    expect(issues).toEqual([
      { path: "line 2, column name", message: "contains an invisible character (U+200B ZERO WIDTH SPACE)" },
      { path: "line 2, column title", message: "contains an invisible character (U+2060 WORD JOINER)" },
    ]);
  });
});

describe("freeText", () => {
  const description = freeText(z.string().trim().min(1).max(4000));

  it("keeps tabs and line breaks of every kind", () => {
    expect(description.parse("First line\r\nSecond line\n\tindented")).toBe("First line\r\nSecond line\n\tindented");
  });

  it.each(controls.map((control) => [JSON.stringify(control), control]))("refuses %s", (_, control) => {
    const result = description.safeParse(`Training${control}programme`);
    expect(result.error?.issues[0]?.message).toBe("must not contain control characters other than tab and line breaks");
  });
});

describe("routes taking human text", () => {
  const dynamo = mockClient(DynamoDBDocumentClient);
  afterAll(() => dynamo.restore());
  beforeEach(() => dynamo.reset());
  const handler = createApiHandler({
    doc: DynamoDBDocumentClient.from(new DynamoDBClient({ region: "us-east-1" })),
    tableNames: { desk: "desk-test", audit: "audit-test" },
    clock: fixedClock("2026-11-27T10:00:00Z"),
    logger: new Logger({ serviceName: "desk-test", logLevel: "SILENT" }),
  });
  const post = async (path: string, body: unknown) => {
    const event = apiEvent({
      method: "POST",
      path,
      group: "secretariat",
      headers: { "content-type": "application/json", "if-match": '"1"' },
      body: JSON.stringify(body),
    });
    const result = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
    const errors = JSON.parse(result.body ?? "{}").errors as { path: string }[];
    return { status: result.statusCode, paths: errors.map((issue) => issue.path) };
  };

  it("refuses an organization's name or acronym with a control character, 422 at each field", async () => {
    const refused = await post("/organizations", { kind: "regional", name: "Bad\u0000Name", acronym: "B\u001bN" });
    expect(refused).toEqual({ status: 422, paths: ["body.name", "body.acronym"] });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a zero width space in an organization's name, 422 at body.name, writing nothing", async () => {
    const event = apiEvent({
      method: "POST",
      path: "/organizations",
      group: "secretariat",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "regional", name: "African\u200b Union", acronym: "AU" }),
    });
    const result = (await handler(event, lambdaContext)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(422);
    expect(JSON.parse(result.body ?? "{}").errors).toEqual([
      { path: "body.name", message: "contains an invisible character (U+200B ZERO WIDTH SPACE)" },
    ]);
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a wave's Chair on two lines, 422 at body.chair", async () => {
    const refused = await post("/waves", {
      templateId: "first-report-request",
      audience: "non-reporting-states",
      sendAt: "2027-01-11T09:00",
      timeZone: "America/New_York",
      notAfter: "2027-01-12T00:00:00Z",
      chair: "Acting Chair\r\nBcc: someone@example.org",
    });
    expect(refused).toEqual({ status: 422, paths: ["body.chair"] });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("keeps line breaks in a request's description and refuses a BEL in it", async () => {
    const request = {
      iso3: "KEN",
      areas: [],
      receivedOn: "2026-11-01",
      symbol: "S/AC.44/2026/7",
      consentedToCirculation: false,
    };
    const broken = await post("/assistance/requests", { ...request, description: "Border\ncontrols\tand more" });
    expect(broken).toEqual({ status: 422, paths: ["body.areas"] });
    const bell = await post("/assistance/requests", { ...request, description: "Border\u0007controls" });
    expect(bell).toEqual({ status: 422, paths: ["body.areas", "body.description"] });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a NUL in the reason a contact is deactivated, 422 at body.reason", async () => {
    const refused = await post("/contacts/01J0000000000000000000000A/deactivate", { reason: "left\u0000the post" });
    expect(refused).toEqual({ status: 422, paths: ["body.reason"] });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a template's subject on two lines and a NUL in its text, keeping the text's line breaks", async () => {
    const variant = { subject: "First report", text: "Dear colleague,\n\nThe Committee", html: "<p>The Committee</p>" };
    const refused = await post("/templates", {
      id: "audit-letter",
      kind: "other",
      fallbackLanguage: "en",
      variants: { en: { ...variant, subject: "First report\nBcc: x@example.org", text: "The\u0000Committee" } },
    });
    expect(refused).toEqual({ status: 422, paths: ["body.variants.en.subject", "body.variants.en.text"] });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a NUL in a submission's note, keeping its line breaks", async () => {
    const submission = { kind: "first-report", receivedOn: "2026-11-02", symbol: "S/AC.44/2026/9", language: "en" };
    const refused = await post("/states/KEN/submissions", { ...submission, note: "Received\nby hand\u0000" });
    expect(refused).toEqual({ status: 422, paths: ["body.note"] });
    expect(dynamo.calls()).toHaveLength(0);
  });

  it("refuses a calendar feed's label with an escape, 422 at body.label", async () => {
    expect(await post("/programme/feeds", { label: "phone\u001b[31m" })).toEqual({
      status: 422,
      paths: ["body.label"],
    });
  });
});
