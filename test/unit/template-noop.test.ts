// PATCH /templates/{id} with a change that says what the template says already (a form sent twice): no version, no
// audit entry, not refused while a wave waits to send its letters; a stale version is still 412.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import type { NewTemplate } from "#shared/templates/schemas.ts";
import { changeTemplate, createTemplate, getTemplate } from "#shared/templates/templates.ts";
import { refusal } from "../support/fixtures.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";
import { type InMemoryTemplates, inMemoryTemplates } from "../support/in-memory/templates.ts";
import { type InMemoryWaves, inMemoryWaves } from "../support/in-memory/waves.ts";

const audit = { actor: systemActor("test") };
const english = {
  subject: "First national report: {{state.name}}",
  text: "Dear {{contact.name}}",
  html: "<p>Dear</p>",
};
const french = { subject: "Premier rapport : {{state.name}}", text: "Madame, Monsieur", html: "<p>Madame</p>" };
const template: NewTemplate = {
  id: "first-report-request-2027",
  kind: "first-report-request",
  description: "For 2027",
  fallbackLanguage: "en",
  variants: { en: english, fr: { ...french, reviewed: false } },
};

let clock: ReturnType<typeof fixedClock>;
let templates: InMemoryTemplates;
let waves: InMemoryWaves;
const deps = () => ({ templates, registry: inMemoryRegistry(clock), clock, waves });
const trail = () => templates.audit.actionsOf({ type: "template", id: template.id });

beforeEach(() => {
  clock = fixedClock("2027-03-01T09:00:00Z");
  const shared = inMemoryAudit(clock);
  templates = inMemoryTemplates(clock, shared);
  waves = inMemoryWaves(clock, shared);
});

describe("a change of a template that changes nothing (a form sent twice)", () => {
  it("writes no version and no audit entry, and answers the template as it stands", async () => {
    const saved = await createTemplate(deps())(template, audit);
    clock.advance(60_000);
    const same = await changeTemplate(deps())(
      template.id,
      1,
      { kind: "first-report-request", description: "For 2027", fallbackLanguage: "en", variants: { en: english } },
      audit,
    );
    expect(same).toEqual(saved);
    expect(await getTemplate(deps())(template.id)).toEqual(saved);
    expect(trail()).toEqual(["template.create"]);
  });

  it("takes approving a variant stored without a review flag (reviewed) as no change, and a drafted one as one", async () => {
    const saved = await createTemplate(deps())(template, audit);
    expect(await changeTemplate(deps())(template.id, 1, { variants: { en: { reviewed: true } } }, audit)).toEqual(
      saved,
    );
    const approved = await changeTemplate(deps())(template.id, 1, { variants: { fr: {} } }, audit);
    expect(approved.version).toBe(2);
    expect(approved.value.variants.fr?.reviewed).toBe(true);
    expect(trail()).toEqual(["template.create", "template.update"]);
  });

  it("is not refused while a wave of the template is scheduled: nothing of its letters changes", async () => {
    const saved = await createTemplate(deps())(template, audit);
    const at = clock.now().toISOString();
    await waves.create(
      {
        id: "W-scheduled",
        templateId: template.id,
        audience: "non-reporting-states",
        sendAt: "2027-03-15T09:00",
        timeZone: "America/New_York",
        sendInstant: "2027-03-15T13:00:00.000Z",
        notAfter: "2027-03-20T00:00:00.000Z",
        status: "scheduled",
        createdAt: at,
        updatedAt: at,
      },
      audit,
    );
    const resent = await changeTemplate(deps())(
      template.id,
      1,
      { variants: { en: english }, fallbackLanguage: "en" },
      audit,
    );
    expect(resent).toEqual(saved);
    expect(trail()).toEqual(["template.create"]);
  });

  it("still refuses a stale version with 412, even when it would change nothing", async () => {
    await createTemplate(deps())(template, audit);
    await changeTemplate(deps())(template.id, 1, { description: "For 2027, reworded" }, audit);
    const stale = await refusal(changeTemplate(deps())(template.id, 1, { description: "For 2027, reworded" }, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect((await getTemplate(deps())(template.id)).version).toBe(2);
  });
});
