// An offer the provider's offers already say is refused, on the in-memory stores as on DynamoDB
// (test/integration/assistance.test.ts): a form sent twice must not make two offers.
import { describe, expect, it } from "vitest";
import { createOffer, updateOffer } from "#shared/assistance/offers.ts";
import type { NewAssistanceOffer } from "#shared/assistance/schemas.ts";
import { systemActor } from "#shared/auth/actor.ts";
import { fixedClock } from "#shared/clock.ts";
import { Conflict, PreconditionFailed } from "#shared/errors.ts";
import { aMemberState } from "../support/fixtures.ts";
import { inMemoryAssistance } from "../support/in-memory/assistance.ts";
import { inMemoryAudit } from "../support/in-memory/audit.ts";
import { inMemoryOrganizations } from "../support/in-memory/organizations.ts";
import { inMemoryRegistry } from "../support/in-memory/registry.ts";

const audit = { actor: systemActor("test") };

async function desk() {
  const clock = fixedClock("2026-06-01T15:00:00Z");
  const trail = inMemoryAudit(clock);
  const deps = {
    clock,
    trail,
    registry: inMemoryRegistry(clock, trail),
    organizations: inMemoryOrganizations(clock, trail),
    assistance: inMemoryAssistance(clock, trail),
  };
  await deps.registry.addMissingStates([aMemberState("FRA"), aMemberState("NOR")], () => [], audit);
  return deps;
}

const offer: NewAssistanceOffer = {
  provider: { kind: "state", iso3: "FRA" },
  areas: ["legislation", "enforcement"],
  description: "Legislative drafting workshop",
  validFrom: "2026-01-01",
  validUntil: "2026-12-31",
};

/** The refusal's words for an offer that repeats one saying `description`, valid as `offer` is. */
const repeats = (description: string) =>
  `This provider's offer “${description}” (valid from 1 January 2026 to 31 December 2026) says the same`;

/** Refused as repeating the offer `heldId`: named in words by what it says, found by its id in the details. */
async function expectRepeatOf(write: Promise<unknown>, heldId: string, description = offer.description) {
  const refused = await write.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(Conflict);
  expect(refused).toMatchObject({
    message: expect.stringContaining(repeats(description)),
    details: { offerId: heldId },
  });
  expect((refused as Conflict).message).not.toContain(heldId);
}

const offersOf = async (deps: Awaited<ReturnType<typeof desk>>) => (await deps.assistance.allOffers()).length;

describe("recording an offer twice", () => {
  it("refuses the same offer again, naming the one held, and writes nothing", async () => {
    const deps = await desk();
    const first = await createOffer(deps)(offer, audit);
    for (const again of [
      offer,
      { ...offer, areas: ["enforcement", "legislation"] as NewAssistanceOffer["areas"] },
      { ...offer, description: "legislative  DRAFTING workshop" },
    ]) {
      await expectRepeatOf(createOffer(deps)(again, audit), first.value.id);
    }
    expect(await offersOf(deps)).toBe(1);
  });

  it("records what differs: another period, other areas, other words, another provider", async () => {
    const deps = await desk();
    await createOffer(deps)(offer, audit);
    await createOffer(deps)({ ...offer, validFrom: "2027-01-01", validUntil: "2027-12-31" }, audit);
    await createOffer(deps)({ ...offer, validUntil: undefined }, audit);
    await createOffer(deps)({ ...offer, areas: ["legislation"] }, audit);
    await createOffer(deps)({ ...offer, description: "Legislative drafting workshop, second edition" }, audit);
    await createOffer(deps)({ ...offer, provider: { kind: "state", iso3: "NOR" } }, audit);
    expect(await offersOf(deps)).toBe(6);
  });

  it("refuses a correction that makes an offer say what another of the provider's says, and allows its own", async () => {
    const deps = await desk();
    const held = await createOffer(deps)(offer, audit);
    const other = await createOffer(deps)({ ...offer, areas: ["legislation"] }, audit);
    const corrected = updateOffer(deps)(
      other.value.id,
      other.version,
      { areas: ["enforcement", "legislation"] },
      audit,
    );
    await expectRepeatOf(corrected, held.value.id);
    expect((await deps.assistance.getOffer(other.value.id))?.value.areas).toEqual(["legislation"]);
    // A correction of the offer's own words, with nothing else like it, is its own business.
    const reworded = await updateOffer(deps)(held.value.id, held.version, { description: "Drafting workshop" }, audit);
    expect(reworded.value.description).toBe("Drafting workshop");
  });

  it("lets an offer that repeated another before the rule be corrected, unless the correction makes it repeat a third", async () => {
    const deps = await desk();
    const kept = await createOffer(deps)(offer, audit);
    // Two alike, as a store written before the rule may hold them.
    const twin = { ...kept.value, id: "01J0000000000000000000TWIN01" };
    deps.assistance.givenOfferRecordedBeforeGuards(twin);
    const updated = await updateOffer(deps)(twin.id, 1, { lastUpdatedOn: "2026-05-30" }, audit);
    expect(updated.value.lastUpdatedOn).toBe("2026-05-30");
    const third = await createOffer(deps)({ ...offer, areas: ["legislation"] }, audit);
    await expectRepeatOf(
      updateOffer(deps)(twin.id, updated.version, { areas: ["legislation"] }, audit),
      third.value.id,
    );
    // Corrected to say something of its own, it no longer repeats the first.
    const own = await updateOffer(deps)(twin.id, updated.version, { description: "A workshop of its own" }, audit);
    expect(own.version).toBe(3);
    const refused = createOffer(deps)({ ...offer, description: "A workshop of its own" }, audit);
    await expectRepeatOf(refused, twin.id, "A workshop of its own");
  });
});

describe("two officers recording the same offer at once", () => {
  it("records it once: both read before either writes, and the second write is refused naming the first", async () => {
    const deps = await desk();
    const results = await Promise.allSettled([createOffer(deps)(offer, audit), createOffer(deps)(offer, audit)]);
    const recorded = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason] : []));
    expect(recorded).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(Conflict);
    expect(refused[0]).toMatchObject({
      message: expect.stringContaining(repeats(offer.description)),
      details: { offerId: recorded[0]?.value.id },
    });
    expect(await offersOf(deps)).toBe(1);
    expect(deps.assistance.trail.actionsOf({ type: "assistance-offer", id: recorded[0]?.value.id ?? "" })).toEqual([
      "assistance.offer.create",
    ]);
  });
});

// A correction that changes nothing (a form sent twice; audit 33, bug 4) writes nothing: no new version, no audit
// entry; the offer comes back as it stands. If-Match is still checked first.
describe("a correction of an offer that changes nothing", () => {
  async function withOffer() {
    const deps = await desk();
    const held = await createOffer(deps)(offer, audit);
    const actions = () => deps.trail.actionsOf({ type: "assistance-offer", id: held.value.id });
    return { deps, held, actions };
  }

  it("writes no version and no audit entry, and answers the offer as it stands", async () => {
    const { deps, held, actions } = await withOffer();
    expect(await updateOffer(deps)(held.value.id, 1, { validUntil: "2026-12-31" }, audit)).toEqual(held);
    const again = await updateOffer(deps)(
      held.value.id,
      1,
      { areas: ["legislation", "enforcement"], description: "Legislative drafting workshop", validUntil: "2026-12-31" },
      audit,
    );
    expect(again).toEqual(held);
    expect(await deps.assistance.getOffer(held.value.id)).toEqual(held);
    expect(actions()).toEqual(["assistance.offer.create"]);
  });

  it("is still refused at a stale version, and a real change after it is versioned and audited once", async () => {
    const { deps, held, actions } = await withOffer();
    await expect(updateOffer(deps)(held.value.id, 2, { validUntil: "2026-12-31" }, audit)).rejects.toBeInstanceOf(
      PreconditionFailed,
    );
    const changed = await updateOffer(deps)(held.value.id, 1, { validUntil: "2026-12-30" }, audit);
    expect(changed).toMatchObject({ version: 2, value: { validUntil: "2026-12-30" } });
    expect(actions()).toEqual(["assistance.offer.create", "assistance.offer.update"]);
  });
});
