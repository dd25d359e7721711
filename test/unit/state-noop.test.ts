// PATCH /states/{iso3} with the language the State has: a change while its basis is inferred (the PATCH confirms it),
// nothing once confirmed (a form sent twice): no version, no audit entry, its following contacts not asked about.
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { PreconditionFailed } from "#shared/errors.ts";
import { loadMemberStates } from "#shared/registry/member-states.ts";
import type { UnLanguage } from "#shared/registry/schemas.ts";
import { changeState, getState, type LanguageFollowers } from "#shared/registry/states.ts";
import { refusal } from "../support/fixtures.ts";
import { type InMemoryRegistry, inMemoryRegistry } from "../support/in-memory/registry.ts";

const audit = { actor: systemActor("test") };
const clock = fixedClock("2027-03-01T09:00:00Z");

let registry: InMemoryRegistry;
/** The moves of language the State's following contacts were asked to make. */
let cascades: string[];
const followers: LanguageFollowers = {
  languageCascadeWrites: async (iso3: string, from: UnLanguage, to: UnLanguage) => {
    cascades.push(`${iso3} ${from}->${to}`);
    return [];
  },
};
const trail = () => registry.audit.actionsOf({ type: "state", id: "MLI" });

beforeEach(async () => {
  registry = inMemoryRegistry(clock);
  await registry.addMissingStates(loadMemberStates(), () => [], audit);
  cascades = [];
});

describe("a correction of a State's language that changes nothing", () => {
  it("confirms the language it has while its basis is inferred: a change, versioned and audited", async () => {
    const seeded = await getState(registry)("MLI");
    expect(seeded.value).toMatchObject({ language: "fr", languageBasis: "inferred" });
    const confirmed = await changeState(registry, followers)("MLI", 1, { language: "fr" }, audit);
    expect(confirmed).toMatchObject({ version: 2, value: { language: "fr", languageBasis: "confirmed" } });
    expect(trail()).toEqual(["registry.seed", "state.update"]);
  });

  it("writes nothing for the language it has once confirmed, and leaves its contacts unasked", async () => {
    const confirmed = await changeState(registry, followers)("MLI", 1, { language: "fr" }, audit);
    cascades = [];
    clock.advance(60_000);
    const same = await changeState(registry, followers)("MLI", 2, { language: "fr" }, audit);
    expect(same).toEqual(confirmed);
    expect(await getState(registry)("MLI")).toEqual(confirmed);
    expect(cascades).toEqual([]);
    expect(trail()).toEqual(["registry.seed", "state.update"]);
    const moved = await changeState(registry, followers)("MLI", 2, { language: "en" }, audit);
    expect(moved.version).toBe(3);
    expect(cascades).toEqual(["MLI fr->en"]);
  });

  it("still refuses a stale version with 412, even when it would change nothing", async () => {
    await changeState(registry, followers)("MLI", 1, { language: "fr" }, audit);
    const stale = await refusal(changeState(registry, followers)("MLI", 1, { language: "fr" }, audit));
    expect(stale).toBeInstanceOf(PreconditionFailed);
    expect(stale).toMatchObject({ currentEtag: '"2"' });
  });
});
