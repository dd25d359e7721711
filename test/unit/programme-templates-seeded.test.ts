// The seed upgrades a programme template while it is as a seed left it, whatever its version: a seed's own upgrade
// makes version 2, and a desk upgraded once must still get a later text (review of session 36: the providers' May letter
// kept listing no offers there). One staff changed says something no seed wrote, and is kept. In memory, no database.
import { describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { programmeTemplates, seededDigest, seedProgrammeTemplates } from "#shared/templates/programme-templates.ts";
import type { NewTemplate } from "#shared/templates/schemas.ts";
import { SEEDED_TEXTS } from "#shared/templates/seeded-texts.ts";
import { changeTemplate } from "#shared/templates/templates.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";
import { inMemoryWaves } from "../support/in-memory/waves.ts";

const audit = { actor: systemActor("test") };

describe("the texts a seed has written", () => {
  it.each(programmeTemplates.map((template) => [template.id, template] as const))(
    "%s: today's text is listed, so that the next change of it still upgrades desks seeded with it",
    (id, template) => {
      const digest = seededDigest(template);
      expect(
        SEEDED_TEXTS[id],
        `add "${digest}" first in SEEDED_TEXTS["${id}"] (shared/templates/seeded-texts.ts)`,
      ).toContain(digest);
    },
  );
});

describe("the seed on a desk seeded before", () => {
  const text = (words: string): NewTemplate => ({
    id: "programme-test-letter",
    kind: "other",
    description: "A programme letter for the test",
    fallbackLanguage: "en",
    variants: { en: { subject: "Subject", text: words, html: `<p>${words}</p>` } },
  });
  const [first, second, today] = [text("First text."), text("Second text."), text("Today's text.")];
  const catalogue = { templates: [today], seededTexts: { [today.id]: [today, second, first].map(seededDigest) } };

  function desk() {
    const clock = fixedClock("2027-03-01T09:00:00.000Z");
    const trail = inMemoryAudit(clock);
    const now = clock.now().toISOString();
    return { clock, templates: inMemoryTemplates(clock, trail), waves: inMemoryWaves(clock, trail), now };
  }

  it("upgrades a template a seed has upgraded once already (version 2), to today's text", async () => {
    const deps = desk();
    const created = await deps.templates.create({ ...first, createdAt: deps.now, updatedAt: deps.now }, audit);
    await deps.templates.update(created, 1, { ...created.value, ...second }, audit);
    expect(await seedProgrammeTemplates(deps, audit, catalogue)).toMatchObject({ upgraded: [today.id] });
    const stored = await deps.templates.get(today.id);
    expect(stored?.version).toBe(3);
    expect(stored?.value.variants.en?.text).toBe("Today's text.");
    expect(await seedProgrammeTemplates(deps, audit, catalogue)).toMatchObject({ upgraded: [], existing: [today.id] });
  });

  it("keeps a template staff changed after a seed's upgrade", async () => {
    const deps = desk();
    const created = await deps.templates.create({ ...first, createdAt: deps.now, updatedAt: deps.now }, audit);
    const upgraded = await deps.templates.update(created, 1, { ...created.value, ...second }, audit);
    await changeTemplate(deps)(today.id, upgraded.version, { description: "Edited by the secretariat" }, audit);
    expect(await seedProgrammeTemplates(deps, audit, catalogue)).toMatchObject({ upgraded: [], existing: [today.id] });
    expect((await deps.templates.get(today.id))?.value.description).toBe("Edited by the secretariat");
  });
});
