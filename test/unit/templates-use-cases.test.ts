// The template use cases on the in-memory stores, no database: saving a template (its variants checked), changing it
// language by language at the version read, and previewing a letter for a State in its language.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, Invalid, PreconditionFailed } from "#shared/errors.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import type { NewTemplate } from "#shared/templates/schemas.ts";
import { changeTemplate, createTemplate, getTemplate, previewTemplate } from "#shared/templates/templates.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { type InMemoryRegistry, inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryTemplates, inMemoryTemplates } from "../support/in-memory/templates.ts";
import { type InMemoryWaves, inMemoryWaves } from "../support/in-memory/waves.ts";

const audit = { actor: systemActor("test") };
const MEMBER_STATES = loadMemberStates();
const variant = (subject: string, text: string) => ({ subject, text, html: `<p>${text}</p>` });

const newTemplate = (changes: Partial<NewTemplate> = {}): NewTemplate => ({
  id: "first-report-request-2027",
  kind: "first-report-request",
  fallbackLanguage: "en",
  variants: {
    en: variant("First national report: {{state.name}}", "Dear {{contact.name}}"),
    fr: variant("Premier rapport national : {{state.name}}", "Madame, Monsieur {{contact.name}}"),
  },
  ...changes,
});

let clock: ReturnType<typeof fixedClock>;
let templates: InMemoryTemplates;
let registry: InMemoryRegistry;
let waves: InMemoryWaves;
const deps = () => ({ templates, registry, clock, waves });

beforeEach(async () => {
  clock = fixedClock("2027-03-01T09:00:00Z");
  const trail = inMemoryAudit(clock);
  templates = inMemoryTemplates(clock, trail);
  registry = inMemoryRegistry(clock, trail);
  waves = inMemoryWaves(clock, trail);
  await registry.addMissingStates(MEMBER_STATES, () => [], audit);
});

describe("createTemplate", () => {
  it("saves a valid template stamped now at version 1, audited", async () => {
    const saved = await createTemplate(deps())(newTemplate(), audit);
    expect(saved).toEqual({
      value: { ...newTemplate(), createdAt: "2027-03-01T09:00:00.000Z", updatedAt: "2027-03-01T09:00:00.000Z" },
      version: 1,
    });
    expect(templates.audit.actionsOf({ type: "template", id: saved.value.id })).toEqual(["template.create"]);
  });

  it("refuses a fallback language without a variant, and an unknown variable, with their paths", async () => {
    const error = await createTemplate(deps())(
      newTemplate({
        fallbackLanguage: "es",
        variants: { en: variant("Report", "Dear {{contact.nmae}}") },
      }),
      audit,
    ).catch((refusal: unknown) => refusal);
    expect(error).toBeInstanceOf(Invalid);
    const paths = (error as Invalid).issues.map((issue) => issue.path);
    expect(paths).toContain("body.fallbackLanguage");
    expect(paths.some((path) => path.startsWith("body.variants.en."))).toBe(true);
    expect((await templates.list({ limit: 10 })).items).toEqual([]);
  });

  it("refuses a second template with the same id with 409", async () => {
    await createTemplate(deps())(newTemplate(), audit);
    await expect(createTemplate(deps())(newTemplate(), audit)).rejects.toThrow(Conflict);
  });
});

describe("changeTemplate", () => {
  it("merges a language's parts, removes one given null, and moves the version", async () => {
    await createTemplate(deps())(newTemplate(), audit);
    clock.advance(60_000);
    const changed = await changeTemplate(deps())(
      "first-report-request-2027",
      1,
      { variants: { en: { subject: "Your first national report: {{state.name}}" }, fr: null } },
      audit,
    );
    expect(changed.version).toBe(2);
    expect(changed.value.variants.en).toEqual({
      ...newTemplate().variants.en,
      subject: "Your first national report: {{state.name}}",
      reviewed: true,
    });
    expect(changed.value.variants.fr).toBeUndefined();
    expect(changed.value.updatedAt).toBe("2027-03-01T09:01:00.000Z");
    expect(await getTemplate(deps())("first-report-request-2027")).toEqual(changed);
  });

  it("refuses a stale version with 412, and removing the fallback's own variant with 422, changing nothing", async () => {
    const saved = await createTemplate(deps())(newTemplate(), audit);
    await expect(changeTemplate(deps())(saved.value.id, 3, { description: "late" }, audit)).rejects.toThrow(
      PreconditionFailed,
    );
    await expect(changeTemplate(deps())(saved.value.id, 1, { variants: { en: null } }, audit)).rejects.toThrow(Invalid);
    expect(await getTemplate(deps())(saved.value.id)).toEqual(saved);
  });
});

describe("changeTemplate against the waves waiting to send it", () => {
  const waveOn = async (
    id: string,
    status: "draft" | "scheduled" | "dispatching" | "completed",
    description?: string,
  ) => {
    const at = clock.now().toISOString();
    const wave = {
      id,
      templateId: "first-report-request-2027",
      audience: "non-reporting-states" as const,
      sendAt: "2027-03-15T09:00",
      timeZone: "America/New_York",
      sendInstant: "2027-03-15T13:00:00.000Z",
      notAfter: "2027-03-20T00:00:00.000Z",
      status,
      ...(description ? { description } : {}),
      createdAt: at,
      updatedAt: at,
    };
    await waves.create(wave, audit);
  };
  const addDeadline = { variants: { en: { text: "Dear {{contact.name}}, by {{deadline|date}}" } } };

  it("refuses (409, nothing changed) to change the letters while a wave is scheduled or dispatching, naming it", async () => {
    const saved = await createTemplate(deps())(newTemplate(), audit);
    await waveOn("W-scheduled", "scheduled", "March reminder");
    await waveOn("W-dispatching", "dispatching");
    const error = await refusal(changeTemplate(deps())(saved.value.id, 1, addDeadline, audit));
    expect(error).toBeInstanceOf(Conflict);
    // A wave by its description where it has one, its id beside it.
    expect((error as Conflict).message).toContain(
      '"March reminder" (scheduled, W-scheduled), W-dispatching (dispatching)',
    );
    const reworded = { variants: { en: { subject: "Your first national report: {{state.name}}" } } };
    expect(await refusal(changeTemplate(deps())(saved.value.id, 1, reworded, audit))).toBeInstanceOf(Conflict);
    expect(await refusal(changeTemplate(deps())(saved.value.id, 1, { fallbackLanguage: "fr" }, audit))).toBeInstanceOf(
      Conflict,
    );
    expect(await getTemplate(deps())(saved.value.id)).toEqual(saved);
  });

  it("takes a change that leaves the letters as they are (description, review flag) while a wave waits", async () => {
    // A drafted translation, so that approving it is a change.
    const drafted = { ...variant("Premier rapport national : {{state.name}}", "Madame, Monsieur"), reviewed: false };
    const saved = await createTemplate(deps())(
      newTemplate({ variants: { ...newTemplate().variants, fr: drafted } }),
      audit,
    );
    await waveOn("W-scheduled", "scheduled");
    const described = await changeTemplate(deps())(saved.value.id, 1, { description: "For 2027" }, audit);
    const reviewed = await changeTemplate(deps())(saved.value.id, described.version, { variants: { fr: {} } }, audit);
    expect(reviewed.version).toBe(3);
  });

  it("takes any change when the template's waves are drafts (checked when scheduled) or over", async () => {
    const saved = await createTemplate(deps())(newTemplate(), audit);
    await waveOn("W-draft", "draft");
    await waveOn("W-completed", "completed");
    expect((await changeTemplate(deps())(saved.value.id, 1, addDeadline, audit)).version).toBe(2);
  });
});

describe("previewTemplate", () => {
  it("renders the letter for a State in the language asked for, with the State's name in it", async () => {
    await createTemplate(deps())(newTemplate(), audit);
    const letter = await previewTemplate(deps())("first-report-request-2027", { language: "fr", iso3: "TCD" });
    expect(letter).toMatchObject({ language: "fr", fellBack: false, lang: "fr" });
    expect(letter.subject).toBe("Premier rapport national : Tchad");
  });

  it("falls back to the declared language for one without a variant", async () => {
    await createTemplate(deps())(newTemplate(), audit);
    const letter = await previewTemplate(deps())("first-report-request-2027", { language: "ar", iso3: "SOM" });
    expect(letter).toMatchObject({ language: "en", fellBack: true });
  });

  it("shows where dispatch fills the requests owed a follow-up, rather than refusing to render", async () => {
    const followUp = newTemplate({
      id: "follow-up-2027",
      kind: "assistance-follow-up",
      variants: { en: variant("Follow-up: {{state.name}}", "Your requests: {{assistance.followUps|list}}") },
    });
    await createTemplate(deps())(followUp, audit);
    const letter = await previewTemplate(deps())("follow-up-2027", { language: "en", iso3: "PER" });
    expect(letter.text).toContain("[assistance.followUps: filled at dispatch]");
    // A value given is used as given.
    const given = await previewTemplate(deps())("follow-up-2027", {
      language: "en",
      iso3: "PER",
      values: { "assistance.followUps": ["S/AC.44/2025/7 (4 June 2025)"] },
    });
    expect(given.text).toContain("S/AC.44/2025/7 (4 June 2025)");
    expect(given.text).not.toContain("filled at dispatch");
  });
});
