// The registry store's contract, written once and run against both adapters: DynamoDB Local
// (test/integration/registry-store.test.ts) and memory (test/unit/registry-store.test.ts).
import { beforeEach, describe, expect, it } from "vitest";
import { systemActor } from "#shared/auth/actor.ts";
import { Malformed, PreconditionFailed } from "#shared/errors.ts";
import type { ListStatesQuery, RegistryRepository } from "#shared/registry/repository.ts";
import type { RegionSlug } from "#shared/registry/schemas.ts";
import { aMemberState } from "../support/fixtures.ts";
import { everyItem, type StoreUnderTest } from "./store-contract.ts";

const audit = { actor: systemActor("contract") };

const MEMBERS = [
  aMemberState("TCD", "african", "fr"),
  aMemberState("AUT", "weog", "en"),
  aMemberState("MLI", "african", "fr"),
  aMemberState("BRA", "grulac", "es"),
  aMemberState("SOM", "african", "ar"),
  aMemberState("CHN", "asia-pacific", "zh"),
];

export function registryStoreContract(setup: () => Promise<StoreUnderTest<RegistryRepository>>): void {
  describe("the registry store contract", () => {
    let subject: StoreUnderTest<RegistryRepository>;
    let registry: RegistryRepository;
    const companionsAskedFor: string[] = [];
    beforeEach(async () => {
      subject = await setup();
      registry = subject.store;
      companionsAskedFor.length = 0;
      await registry.addMissingStates(
        MEMBERS,
        (iso3) => {
          companionsAskedFor.push(iso3);
          return [];
        },
        audit,
      );
    });

    it("adds the missing States non-reporting at version 1, asking each for its companions, audited", async () => {
      expect(companionsAskedFor.sort()).toEqual(["AUT", "BRA", "CHN", "MLI", "SOM", "TCD"]);
      expect(await registry.getState("TCD")).toEqual({
        value: {
          ...aMemberState("TCD", "african", "fr"),
          reportingStatus: "non-reporting",
          updatedAt: expect.any(String),
        },
        version: 1,
      });
      expect((await registry.getState("TCD"))?.value.updatedAt).toBe(subject.clock.now().toISOString());
      expect(await registry.getState("XYZ")).toBeUndefined();
      // Each State its own entry, the first of its timeline.
      expect(await subject.auditActions({ type: "state", id: "TCD" })).toEqual(["registry.seed"]);
      expect(await subject.auditActions({ type: "state", id: "MLI" })).toEqual(["registry.seed"]);
      expect(await subject.auditActions({ type: "registry", id: "states" })).toEqual([]);
    });

    it("leaves a State present as it is when seeding again, and adds only the new ones", async () => {
      const chad = await registry.getState("TCD");
      if (!chad) throw new Error("TCD was not seeded");
      const corrected = await registry.updateState(chad, { language: "ar", languageBasis: "confirmed" }, audit);
      const again = await registry.addMissingStates(
        [...MEMBERS, aMemberState("PRK", "asia-pacific", "en")],
        () => [],
        audit,
      );
      expect(again).toEqual({ created: ["PRK"] });
      expect(await registry.getState("TCD")).toEqual(corrected);
    });

    it("lists every State, a region, a status or both, in iso3 order across pages", async () => {
      const ids = async (query: { region?: RegionSlug; status?: "reported" | "non-reporting" }) =>
        (await everyItem((page) => registry.listStates({ ...page, ...query }))).map(({ value }) => value.iso3);
      expect(await ids({})).toEqual(["AUT", "BRA", "CHN", "MLI", "SOM", "TCD"]);
      expect(await ids({ region: "african" })).toEqual(["MLI", "SOM", "TCD"]);
      expect(await ids({ status: "non-reporting" })).toEqual(["AUT", "BRA", "CHN", "MLI", "SOM", "TCD"]);
      expect(await ids({ status: "reported" })).toEqual([]);
      expect(await ids({ status: "non-reporting", region: "african" })).toEqual(["MLI", "SOM", "TCD"]);
    });

    it("lists the States by what their language of letters rests on, alone or with a region and a status", async () => {
      await registry.addMissingStates(
        [{ ...aMemberState("PRK", "asia-pacific", "en"), languageBasis: "inferred" }],
        () => [],
        audit,
      );
      const chad = await registry.getState("TCD");
      if (!chad) throw new Error("TCD was not seeded");
      await registry.updateState(chad, { language: "ar", languageBasis: "confirmed" }, audit);
      const ids = async (query: Omit<ListStatesQuery, "limit" | "cursor">) =>
        (await everyItem((page) => registry.listStates({ ...page, ...query }))).map(({ value }) => value.iso3);
      expect(await ids({ languageBasis: "inferred" })).toEqual(["PRK"]);
      expect(await ids({ languageBasis: "confirmed" })).toEqual(["TCD"]);
      expect(await ids({ languageBasis: "official language" })).toEqual(["AUT", "BRA", "CHN", "MLI", "SOM"]);
      expect(await ids({ languageBasis: "official language", region: "african" })).toEqual(["MLI", "SOM"]);
      expect(await ids({ languageBasis: "confirmed", status: "non-reporting", region: "african" })).toEqual(["TCD"]);
      expect(await ids({ languageBasis: "inferred", status: "reported" })).toEqual([]);
      const all = await registry.listStates({ limit: 2 });
      await expect(registry.listStates({ limit: 2, languageBasis: "inferred", cursor: all.cursor })).rejects.toThrow(
        Malformed,
      );
    });

    it("refuses a cursor of one listing on another", async () => {
      const first = await registry.listStates({ limit: 2 });
      expect(first.cursor).toBeDefined();
      await expect(registry.listStates({ limit: 2, region: "african", cursor: first.cursor })).rejects.toThrow(
        Malformed,
      );
    });

    it("answers States by code in the order asked for, leaving unknown codes out", async () => {
      const found = await registry.getStates(["TCD", "XYZ", "AUT", "MLI"]);
      expect(found.map(({ value }) => value.iso3)).toEqual(["TCD", "AUT", "MLI"]);
      expect(await registry.getStates([])).toEqual([]);
    });

    it("updates a State at its version, stamped now and audited; a stale version is a 412 naming the current ETag", async () => {
      const chad = await registry.getState("TCD");
      if (!chad) throw new Error("TCD was not seeded");
      subject.clock.advance(60_000);
      const updated = await registry.updateState(chad, { language: "ar", languageBasis: "confirmed" }, audit);
      expect(updated).toEqual({
        value: {
          ...chad.value,
          language: "ar",
          languageBasis: "confirmed",
          updatedAt: subject.clock.now().toISOString(),
        },
        version: 2,
      });
      expect(await registry.getState("TCD")).toEqual(updated);
      const late = await registry.updateState(chad, { language: "en" }, audit).catch((error) => error);
      expect(late).toBeInstanceOf(PreconditionFailed);
      expect((late as PreconditionFailed).currentEtag).toBe('"2"');
      expect(await registry.getState("TCD")).toEqual(updated);
      // Its registration, then the one update that took; the refused one wrote nothing.
      expect(await subject.auditActions({ type: "state", id: "TCD" })).toEqual(["registry.seed", "state.update"]);
    });
  });
}
