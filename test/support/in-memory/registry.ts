// The registry of States in memory, for unit tests of the use cases: the same contract as the DynamoDB adapter
// (test/contracts/registry.contract.ts). What it cannot honour it refuses: companion writes of other stores.
import type { Clock } from "#shared/clock.ts";
import { NotFound, PreconditionFailed } from "#shared/errors.ts";
import { isInListing, statesListingOf } from "#shared/registry/keys.ts";
import type { RegistryRepository } from "#shared/registry/repository.ts";
import type { State } from "#shared/registry/schemas.ts";
import type { Versioned } from "#shared/versioning.ts";
import { type InMemoryAudit, inMemoryAudit } from "./audit.ts";
import { pageOf, sortedBy } from "./paging.ts";

export interface InMemoryRegistry extends RegistryRepository {
  readonly audit: InMemoryAudit;
  /** The items a seed gave with its States (their obligations), as given; the in-memory reporting store reads them. */
  readonly companionItems: readonly Record<string, unknown>[];
  /** The States as stored, for a store whose writes move a State in the same step (reporting's first report). */
  readonly states: Map<string, Versioned<State>>;
}

export function inMemoryRegistry(clock: Clock, audit: InMemoryAudit = inMemoryAudit(clock)): InMemoryRegistry {
  const states = new Map<string, Versioned<State>>();
  const companionItems: Record<string, unknown>[] = [];
  const copy = <T>(value: T): T => structuredClone(value);

  return {
    audit,
    companionItems,
    states,

    // The scope names the index the adapter would query, so a cursor is bound to the same listing.
    listStates: async ({ limit, cursor, ...narrowed }) => {
      const chosen = [...states.values()].filter(({ value }) => isInListing(value, narrowed));
      return pageOf(
        sortedBy(chosen, ({ value }) => value.iso3),
        ({ value }) => value.iso3,
        { limit, cursor, scope: statesListingOf(narrowed).scope },
      );
    },

    getStates: async (codes) =>
      codes.flatMap((code) => {
        const found = states.get(code);
        return found ? [copy(found)] : [];
      }),

    getState: async (iso3) => {
      const found = states.get(iso3);
      return found && copy(found);
    },

    updateState: async (current, changes, context, companions = []) => {
      if (companions.length) throw new Error("The in-memory registry cannot carry DynamoDB companion writes");
      const iso3 = current.value.iso3;
      const stored = states.get(iso3);
      if (!stored) throw new NotFound("State", iso3);
      if (stored.version !== current.version)
        throw new PreconditionFailed(`State ${iso3}`, stored.version, current.version);
      const next: State = { ...current.value, ...changes, updatedAt: clock.now().toISOString() };
      const version = current.version + 1;
      states.set(iso3, { value: copy(next), version });
      audit.record({
        ...context,
        action: "state.update",
        entity: { type: "state", id: iso3 },
        before: current.value,
        after: next,
      });
      return { value: copy(next), version };
    },

    addMissingStates: async (memberStates, companions, context) => {
      const updatedAt = clock.now().toISOString();
      const missing = memberStates.filter((state) => !states.has(state.iso3));
      for (const memberState of missing) {
        const state = { ...memberState, reportingStatus: "non-reporting" as const, updatedAt };
        states.set(state.iso3, { value: copy(state), version: 1 });
        companionItems.push(...companions(state.iso3).map(copy));
        audit.record({ ...context, action: "registry.seed", entity: { type: "state", id: state.iso3 }, after: state });
      }
      return { created: missing.map((state) => state.iso3) };
    },
  };
}
