// The composer's audiences for a template against the API's own check (shared/waves/letter-check.ts): for every
// variable and every audience, the console offers the audience exactly when the API would not refuse it at `audience`.
// Then the audience a template's letters are written to (the programme's schedules agree), the audience after a change
// of template, and what the composer refuses itself: an unconfirmed audience the letter is not written to, a past time.
import { describe, expect, it } from "vitest";
import { audienceSchema } from "#shared/correspondence/schemas.ts";
import { programmeTemplates } from "#shared/templates/programme-templates.ts";
import { staffTemplates } from "#shared/templates/staff-templates.ts";
import { type TemplateVariable, templateVariables } from "#shared/templates/variables.ts";
import { letterIssues } from "#shared/waves/letter-check.ts";
import { programmeWaveInputSchema } from "#shared/waves/programme-wave-schema.ts";
import {
  audienceCaution,
  audienceForTemplate,
  audiencesFor,
  ownAudienceOf,
} from "../../console/src/pages/correspondence/audience-fit.ts";
import { composerRefusal } from "../../console/src/pages/correspondence/composer-refusal.ts";
import { programme } from "../../events/programme.ts";

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

// The letters the programme of work sends, each with the audiences its schedules send it to (events/programme.json).
const seeded = [...programmeTemplates, ...staffTemplates].map((template) => ({
  ...template,
  updatedAt: "",
  createdAt: "",
}));
const templateNamed = (id: string) => {
  const found = seeded.find((template) => template.id === id);
  if (!found) throw new Error(`no seeded template ${id}`);
  return found;
};
const scheduled = programme.schedules.flatMap((schedule) => {
  const wave = programmeWaveInputSchema.safeParse(schedule.input).data?.programmeWave;
  return wave ? [{ template: templateNamed(wave.templateId), audience: wave.audience }] : [];
});
const firstReport = templateNamed("programme-first-report-request");

describe("the audience a template's letters are written to", () => {
  it("is, for every scheduled letter, its first schedule's audience, and none of its schedules is cautioned", () => {
    expect(scheduled.length).toBeGreaterThan(5);
    for (const { template, audience } of scheduled) {
      const first = scheduled.find((other) => other.template.id === template.id);
      expect(ownAudienceOf(template), template.id).toBe(first?.audience);
      expect(audienceCaution(template, audience), `${template.id} to ${audience}`).toBeUndefined();
    }
    expect(ownAudienceOf(templateNamed("assistance-follow-up"))).toBe("states-with-follow-up-due");
  });

  it("cautions a first-report request to any audience but the non-reporting States, naming both", () => {
    const cautioned = audienceSchema.options.filter((audience) => audienceCaution(firstReport, audience));
    expect(cautioned).toEqual(audienceSchema.options.filter((audience) => audience !== "non-reporting-states"));
    expect(audienceCaution(firstReport, "states-with-follow-up-due")).toBe(
      "The template programme-first-report-request is written to “States without a first national report” only: " +
        "to “States owed the one-year follow-up letter on an assistance request” its letters may say what is not so.",
    );
  });

  it("cautions nothing for a letter of no particular audience, and goes first to the non-reporting States", () => {
    const other = { id: "a-note", kind: "other" as const, ...letterNaming("Dear {{contact.name}}") };
    expect(audienceSchema.options.filter((audience) => audienceCaution(other, audience))).toEqual([]);
    expect(ownAudienceOf(other)).toBe("non-reporting-states");
  });
});

describe("the audience when the composer's template changes", () => {
  it("follows the template when the officer has not chosen one: the follow-up audience becomes the non-reporting States", () => {
    expect(audienceForTemplate(firstReport, "states-with-follow-up-due", false)).toEqual({
      audience: "non-reporting-states",
      moved:
        "The audience is now “States without a first national report”, the one for the template " +
        "programme-first-report-request.",
    });
  });

  it("keeps an audience the officer chose while the template can go to it, saying nothing (the caution says why not)", () => {
    expect(audienceForTemplate(firstReport, "reporting-states", true)).toEqual({
      audience: "reporting-states",
      moved: "",
    });
  });

  it("moves an audience the new template cannot go to, chosen or not, and says so", () => {
    const followUp = templateNamed("assistance-follow-up");
    for (const chosen of [true, false]) {
      expect(audienceForTemplate(followUp, "non-reporting-states", chosen)).toEqual({
        audience: "states-with-follow-up-due",
        moved:
          "The template assistance-follow-up cannot go to “States without a first national report”: the audience " +
          "is now “States owed the one-year follow-up letter on an assistance request”.",
      });
    }
  });
});

describe("what the composer refuses before anything is sent", () => {
  const now = new Date("2026-12-06T09:30:00Z");
  const choice = {
    template: firstReport,
    audience: "non-reporting-states" as const,
    audienceConfirmed: false,
    sendAt: "2026-12-07T09:00",
    timeZone: "America/New_York",
  };

  it("takes the template's own audience and a send time ahead", () => {
    expect(composerRefusal(choice, now)).toBeUndefined();
  });

  it("refuses an audience the template is not written to at the field until the officer confirms it", () => {
    const toFollowUps = { ...choice, audience: "states-with-follow-up-due" as const };
    expect(composerRefusal(toFollowUps, now)?.errors).toEqual([
      {
        path: "body.audience",
        message:
          "The template is not written to this audience (see below): choose another, or tick “Send this letter to " +
          "them all the same”.",
      },
    ]);
    expect(composerRefusal({ ...toFollowUps, audienceConfirmed: true }, now)).toBeUndefined();
  });

  it("refuses a send time that has passed at the field, with a missing venue's refusals beside it", () => {
    const venue = { type: "about:blank", title: "venue", status: 422, errors: [{ path: "v.ru", message: "Give it" }] };
    // 09:30 UTC is 04:30 in New York.
    expect(composerRefusal({ ...choice, sendAt: "2026-12-06T03:00" }, now, venue)).toEqual({
      type: "about:blank",
      title: "The wave cannot be created",
      status: 422,
      errors: [
        {
          path: "body.sendAt",
          message: "2026-12-06 03:00 in America/New_York (2026-12-06 08:00 UTC) has passed: choose a later send time.",
        },
        { path: "v.ru", message: "Give it" },
      ],
    });
  });
});
