// The programme routes' dependencies for unit tests: an in-memory store seeded with the bundled programme files, as
// the seed function and the local stack seed DynamoDB.
import { systemActor } from "#shared/auth/actor.ts";
import type { Clock } from "#shared/clock.ts";
import { programmeYears, seedProgrammeYears } from "#shared/programme/years.ts";
import { seedProgrammeFiles } from "../../events/programme-of-work/index.ts";
import { memoryProgrammeStore } from "../support/in-memory/programme.ts";

export async function seededProgramme(clock: Clock) {
  const store = memoryProgrammeStore();
  await seedProgrammeYears(store, seedProgrammeFiles(), clock, { actor: systemActor("seed") });
  return { clock, store, years: programmeYears({ store, clock }) };
}
