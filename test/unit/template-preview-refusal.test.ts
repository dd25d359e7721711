// A preview of a letter that names values it was not given (audit 34, item 12): refused 422 with each missing value at
// the request's field that gives it, in words, never in the template's own `{{ }}` syntax.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Invalid } from "#shared/errors.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import { createTemplate, previewTemplate } from "#shared/templates/templates.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { type InMemoryRegistry, inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryTemplates, inMemoryTemplates } from "../support/in-memory/templates.ts";

const audit = { actor: systemActor("test") };
const text = "Dear {{contact.name}}, reply by {{deadline|date}}. On record: {{contacts.onRecord|list}}";

let templates: InMemoryTemplates;
let registry: InMemoryRegistry;
const clock = fixedClock("2027-03-01T09:00:00Z");
const preview = (request: Parameters<ReturnType<typeof previewTemplate>>[1]) =>
  previewTemplate({ templates, registry, clock })("poc-update-2027", request);

beforeEach(async () => {
  const trail = inMemoryAudit(clock);
  templates = inMemoryTemplates(clock, trail);
  registry = inMemoryRegistry(clock, trail);
  await registry.addMissingStates(loadMemberStates(), () => [], audit);
  await createTemplate({ templates, clock })(
    {
      id: "poc-update-2027",
      kind: "point-of-contact-update",
      fallbackLanguage: "en",
      variants: { en: { subject: "Your points of contact: {{state.name}}", text, html: `<p>${text}</p>` } },
    },
    audit,
  );
});

describe("a preview missing values", () => {
  it("names each missing value at its field, in words", async () => {
    const error = await refusal(preview({ language: "en", iso3: "LTU" }));
    expect(error).toBeInstanceOf(Invalid);
    const { message, issues } = error as Invalid;
    expect(message).toBe(
      "To preview this letter, give a deadline and sample points of contact on record (a list, which may be empty)",
    );
    expect(issues).toEqual([
      { path: "body.values.deadline", message: "Give a deadline to preview this letter" },
      {
        path: "body.values.contacts.onRecord",
        message: "Give sample points of contact on record (a list, which may be empty) to preview this letter",
      },
    ]);
    expect(JSON.stringify({ message, issues })).not.toContain("{{");
  });

  it("asks for a State at the State's field when the letter names it and none was given", async () => {
    const error = (await refusal(
      preview({ language: "en", values: { deadline: "2027-06-08", "contacts.onRecord": [] } }),
    )) as Invalid;
    expect(error.issues).toEqual([{ path: "body.iso3", message: "Give a State to preview this letter" }]);
    expect(error.message).toBe("To preview this letter, give a State");
  });

  it("renders once they are given", async () => {
    const letter = await preview({
      language: "en",
      iso3: "LTU",
      values: { deadline: "2027-06-08", "contacts.onRecord": [] },
    });
    expect(letter.subject).toBe("Your points of contact: Lithuania");
  });
});
