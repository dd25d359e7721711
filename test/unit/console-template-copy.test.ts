// How a template's page copies it under a new id, in Node, against the API's own schema and use case on the in-memory
// store: the id suggested is never one that exists and always one the API takes; the console's id rules give the
// API's verdicts; the body posted from the seeded outreach letter as read is a template the API saves with the same
// content; and the refusals read in words at the id field, before sending and from the API's 409.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { toProblem } from "#shared/http/problem.ts";
import { programmeTemplates } from "#shared/templates/programme-templates.ts";
import { newTemplateSchema } from "#shared/templates/schemas.ts";
import { createTemplate, getTemplate } from "#shared/templates/templates.ts";
import {
  copyBody,
  copyFormOf,
  copyProblemOf,
  copyRefusal,
  idRuleProblem,
  suggestedCopyId,
} from "../../console/src/pages/correspondence/template-copy.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";

const audit = { actor: systemActor("test") };
const OUTREACH = "programme-outreach-letter";
const outreach = programmeTemplates.find((template) => template.id === OUTREACH);
if (!outreach) throw new Error(`the seed has no ${OUTREACH}`);

function desk() {
  const clock = fixedClock("2027-03-01T09:00:00Z");
  const deps = { clock, templates: inMemoryTemplates(clock) };
  return { create: createTemplate(deps), get: getTemplate(deps) };
}

const takesId = (id: string) => newTemplateSchema.shape.id.safeParse(id).success;

describe("the id a copy is offered", () => {
  it("is <id>-copy, or the next one free when that exists", () => {
    expect(suggestedCopyId(OUTREACH, new Set([OUTREACH]))).toBe(`${OUTREACH}-copy`);
    expect(suggestedCopyId(OUTREACH, new Set([OUTREACH, `${OUTREACH}-copy`]))).toBe(`${OUTREACH}-copy-2`);
    expect(suggestedCopyId(OUTREACH, new Set([`${OUTREACH}-copy`, `${OUTREACH}-copy-2`]))).toBe(`${OUTREACH}-copy-3`);
  });

  it("stays within the API's 80 characters, still ending in -copy, for a template whose id is already that long", () => {
    const long = `${"outreach-".repeat(8)}abcdefgh`;
    expect(long).toHaveLength(80);
    const first = suggestedCopyId(long, new Set([long]));
    const second = suggestedCopyId(long, new Set([long, first]));
    for (const id of [first, second]) {
      expect(id.length).toBeLessThanOrEqual(80);
      expect(takesId(id)).toBe(true);
    }
    expect([first.endsWith("-copy"), second.endsWith("-copy-2")]).toEqual([true, true]);
  });
});

describe("the id rules the form says before sending", () => {
  const samples = [
    "outreach-letter-chad-2026",
    "a",
    "2026",
    "",
    "Outreach",
    "outreach letter",
    "outreach--letter",
    "-outreach",
    "outreach-",
    "outreach_letter",
    "lettre-été",
    "variables",
    "variables-2026",
    "a".repeat(80),
    "a".repeat(81),
  ];

  it.each(samples)("judge %j as the API's schema does", (id) => {
    expect(idRuleProblem(id) === undefined).toBe(takesId(id));
  });

  it("say what is wrong in words", () => {
    expect(idRuleProblem("")).toBe("Give the new template an id.");
    expect(idRuleProblem("Outreach letter")).toBe(
      "An id is lower-case letters (a-z) and digits in words joined by single hyphens: no spaces, capitals, " +
        "accents or other signs, and no hyphen first or last.",
    );
    expect(idRuleProblem("a".repeat(81))).toBe("An id is at most 80 characters; this one has 81.");
    expect(idRuleProblem("variables")).toBe("“variables” is kept by the API for the list of template variables.");
  });
});

describe("the copy posted", () => {
  it("is the seeded outreach letter as read, whole, under the new id: the API saves the same content", async () => {
    const { create, get } = desk();
    await create(outreach, audit);
    const read = (await get(OUTREACH)).value;
    const form = copyFormOf(read, new Set([OUTREACH]));
    expect(form).toEqual({ id: `${OUTREACH}-copy`, description: outreach.description });

    const body = copyBody(read, { ...form, id: " outreach-letter-chad-2026 " });
    expect(newTemplateSchema.safeParse(body).success).toBe(true);
    await create(body, audit);
    const { id, createdAt, updatedAt, ...copied } = (await get("outreach-letter-chad-2026")).value;
    const { id: _, createdAt: __, updatedAt: ___, ...original } = read;
    expect(id).toBe("outreach-letter-chad-2026");
    expect(copied).toEqual(original);
    // The five drafted translations stay marked not reviewed: a POST would take an unmarked variant as reviewed.
    expect(Object.values(copied.variants).filter((variant) => variant.reviewed === false)).toHaveLength(5);
  });

  it("carries the description typed, trimmed, and none when it was emptied", () => {
    const read = { ...outreach, createdAt: "2027-03-01T09:00:00Z", updatedAt: "2027-03-01T09:00:00Z" };
    expect(copyBody(read, { id: "chad", description: "  For Chad's visit  " }).description).toBe("For Chad's visit");
    expect(Object.hasOwn(copyBody(read, { id: "chad", description: " " }), "description")).toBe(false);
  });
});

describe("the form's refusals at the id field", () => {
  const taken = new Set([OUTREACH, `${OUTREACH}-copy`]);

  it("refuses before sending an id the API's rules refuse, or one a template has, in words", () => {
    expect(copyRefusal({ id: "Chad visit", description: "" }, taken)?.errors).toEqual([
      { path: "body.id", message: idRuleProblem("Chad visit") },
    ]);
    expect(copyRefusal({ id: `${OUTREACH}-copy`, description: "" }, taken)?.errors).toEqual([
      {
        path: "body.id",
        message: `A template with the id “${OUTREACH}-copy” exists already: choose another, e.g. ${OUTREACH}-copy-2.`,
      },
    ]);
    expect(copyRefusal({ id: " outreach-letter-chad ", description: "" }, taken)).toBeUndefined();
  });

  it("says the API's 409 for an id taken meanwhile at the id field, and keeps any other refusal as it came", async () => {
    const { create } = desk();
    await create({ ...outreach, id: "outreach-letter-chad" }, audit);
    const conflict = toProblem(
      await refusal(create({ ...outreach, id: "outreach-letter-chad" }, audit)),
      "/templates",
      "c-1",
    ).problem;
    expect(conflict.status).toBe(409);
    const shown = copyProblemOf(conflict, { id: "outreach-letter-chad", description: "" }, taken);
    expect(shown.errors).toEqual([
      {
        path: "body.id",
        message:
          "A template with the id “outreach-letter-chad” exists already: choose another, e.g. outreach-letter-chad-2.",
      },
    ]);
    // English alone, without a fallback: the API's 422 names the variants, which the form has no field for.
    const { fallbackLanguage: _, ...withoutFallback } = outreach;
    const englishOnly = { ...withoutFallback, id: "x", variants: { en: outreach.variants.en } };
    const invalid = toProblem(await refusal(create(englishOnly, audit)), "/templates", "c-2").problem;
    expect(copyProblemOf(invalid, { id: "x", description: "" }, taken)).toBe(invalid);
  });
});
