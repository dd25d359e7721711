// The composer's audiences for a template against the API's own check (shared/waves/letter-check.ts): for every
// variable and every audience, the console offers the audience exactly when the API would not refuse it at `audience`.
import { describe, expect, it } from "vitest";
import { audienceSchema } from "#shared/correspondence/schemas.ts";
import { type TemplateVariable, templateVariables } from "#shared/templates/variables.ts";
import { letterIssues } from "#shared/waves/letter-check.ts";
import { audiencesFor } from "../../console/src/pages/correspondence/audience-fit.ts";

const letterNaming = (text: string) => ({ variants: { en: { subject: "A letter", text, html: `<p>${text}</p>` } } });

const placeholderOf = (variable: TemplateVariable) => {
  const { type } = templateVariables[variable];
  return type === "text" ? `{{${variable}}}` : `{{ ${variable}|${type} }}`;
};

const apiTakes = (text: string, audience: (typeof audienceSchema.options)[number]) =>
  letterIssues(
    letterNaming(text),
    { audience, sendInstant: "2026-03-02T14:00:00Z", deadline: "2026-06-01", chair: "A Chair" },
    "",
  ).every((issue) => issue.path !== "audience");

describe("the audiences the composer offers for a template", () => {
  it.each(Object.keys(templateVariables) as TemplateVariable[])("agree with the API's check for {{%s}}", (variable) => {
    const text = `Dear {{contact.name}}, ${placeholderOf(variable)}`;
    const expected = audienceSchema.options.filter((audience) => apiTakes(text, audience));
    expect(audiencesFor(letterNaming(text))).toEqual(expected);
  });

  it("offers no audience for a letter naming both a State and an organization, as the API refuses every one", () => {
    const text = "{{state.name}} and {{organization.name}}";
    expect(audienceSchema.options.filter((audience) => apiTakes(text, audience))).toEqual([]);
    expect(audiencesFor(letterNaming(text))).toEqual([]);
  });

  it("offers only the follow-up audience for the assistance follow-up letter, not the non-reporting States", () => {
    const audiences = audiencesFor(letterNaming("{{state.name}}: {{assistance.followUps|list}}"));
    expect(audiences).toEqual(["states-with-follow-up-due"]);
  });
});
