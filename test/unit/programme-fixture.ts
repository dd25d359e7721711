// The programme routes' dependencies for unit tests: an in-memory store seeded with the bundled programme files and
// in-memory templates with the programme's letter templates, as the seed function and the local stack seed DynamoDB.
import { systemActor } from "#shared/auth/actor.ts";
import type { Clock } from "#shared/clock.ts";
import type { WaveReader } from "#shared/programme/letters.ts";
import { programmeYears, seedProgrammeYears } from "#shared/programme/years.ts";
import { addSeededTemplate, programmeTemplates } from "#shared/templates/programme-templates.ts";
import type { Wave } from "#shared/waves/schemas.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { memoryProgrammeStore } from "../support/in-memory/programme.ts";
import { inMemoryTemplates } from "../support/in-memory/templates.ts";

export async function seededProgramme(clock: Clock) {
  const store = memoryProgrammeStore();
  const audit = { actor: systemActor("seed") };
  await seedProgrammeYears(store, seedProgrammeFiles(), clock, audit);
  const templates = inMemoryTemplates(clock);
  const now = clock.now().toISOString();
  for (const template of programmeTemplates) await addSeededTemplate({ templates }, template, now, audit);
  return { clock, store, templates, years: programmeYears({ store, clock, templates }) };
}

/** A wave of a template at a send time (New York), as staff or a schedule made it, for the programme's letters. */
export const waveOfTemplate = (id: string, templateId: string, sendAt: string, status: Wave["status"]): Wave => ({
  id,
  templateId,
  audience: "all-states",
  sendAt,
  timeZone: "America/New_York",
  sendInstant: `${sendAt}:00.000Z`,
  notAfter: "2030-01-01T00:00:00.000Z",
  status,
  createdAt: "2027-01-01T00:00:00.000Z",
  updatedAt: "2027-01-01T00:00:00.000Z",
});

/** A wave store that counts the pages it is asked to list: a run or a request should list the waves once. */
export function countingListings(waves: WaveReader) {
  const listed = { pages: 0 };
  const counted: WaveReader = {
    get: waves.get,
    list: (page) => {
      listed.pages += 1;
      return waves.list(page);
    },
  };
  return { listed, waves: counted };
}
